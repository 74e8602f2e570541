// The sentence encoders Parallax can run, described by what the runtime needs to use them: file
// names inside the model folder, how token vectors become one sentence vector, and input limits.
// Where each comes from and its checksums are in src/node/model/pinned-artifacts.ts (docs/model.md).

export type Pooling = 'mean' | 'cls';

export interface EncoderModel {
  id: EncoderModelId;
  /** The ONNX graph (int8-quantised) and the tokenizer.json that goes with it, in the model folder. */
  modelFile: string;
  tokenizerFile: string;
  /**
   * How the token vectors become one sentence vector: MiniLM was trained with mean pooling over
   * the real tokens, BGE with the [CLS] token's vector. Using the other one loses accuracy.
   */
  pooling: Pooling;
  /** Tokens per sentence (with [CLS] and [SEP]); longer sentences are cut, as in training. */
  maxTokens: number;
  dimensions: number;
  /** Text put before every input, where the model was trained with one (E5: "query: "). */
  prefix?: string;
}

export type EncoderModelId = 'all-minilm-l6-v2-q' | 'bge-small-en-v15-q' | 'e5-small-v2-q';

export const ENCODER_MODELS: Readonly<Record<EncoderModelId, EncoderModel>> = {
  'all-minilm-l6-v2-q': {
    id: 'all-minilm-l6-v2-q',
    modelFile: 'all-minilm-l6-v2-q.onnx',
    tokenizerFile: 'all-minilm-l6-v2-q-tokenizer.json',
    pooling: 'mean',
    maxTokens: 128,
    dimensions: 384,
  },
  'bge-small-en-v15-q': {
    id: 'bge-small-en-v15-q',
    modelFile: 'bge-small-en-v1.5-q.onnx',
    tokenizerFile: 'bge-small-en-v1.5-q-tokenizer.json',
    pooling: 'cls',
    maxTokens: 128,
    dimensions: 384,
  },
  'e5-small-v2-q': {
    id: 'e5-small-v2-q',
    modelFile: 'e5-small-v2-q.onnx',
    tokenizerFile: 'e5-small-v2-q-tokenizer.json',
    pooling: 'mean',
    maxTokens: 128,
    dimensions: 384,
    // E5 marks each input's role; for comparing two statements both sides are "query".
    prefix: 'query: ',
  },
};

/** The encoder the extension ships and the tools use unless told otherwise (chosen by measurement: docs/matching-accuracy.md). */
export const SHIPPED_MODEL_ID: EncoderModelId = 'all-minilm-l6-v2-q';

export function isEncoderModelId(id: string): id is EncoderModelId {
  return Object.hasOwn(ENCODER_MODELS, id);
}
