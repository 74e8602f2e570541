// Which files the extension build puts in its model/ folder: the encoder's model and tokenizer
// (from the provisioned .cache/models/), ONNX Runtime Web's .wasm (from node_modules), and
// encoder.json saying which model it is. PARALLAX_MODEL=<id> builds with another provisioned
// encoder (for measuring it in the browser: npm run meaning:bench:browser).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLAIM_VECTORS_PATH } from '../node/paths';
import { ENCODER_MODELS, isEncoderModelId, SHIPPED_MODEL_ID, type EncoderModelId } from '../core/meaning/models';
import { CLAIM_VECTORS_FILE, ENCODER_SPEC_FILE, MODEL_FOLDER, ORT_WASM_FILE } from '../core/meaning/model-files';
import { ortWasmPath } from '../node/model/ort-wasm-path';
import { modelSha256, PINNED_ARTIFACTS } from '../node/model/pinned-artifacts';
import { checkModelDir, modelDir } from '../node/model/provisioning';

export type ShippedFile = { relativeDest: string; absoluteSrc: string } | { relativeDest: string; contents: string };

export function modelToShip(): EncoderModelId {
  const id = process.env.PARALLAX_MODEL ?? SHIPPED_MODEL_ID;
  if (!isEncoderModelId(id))
    throw new Error(`PARALLAX_MODEL=${id} is not a known encoder (${Object.keys(ENCODER_MODELS).join(', ')})`);
  return id;
}

/** The files to add to the build, or why none can be (then the extension matches by words alone). */
export function modelFilesToShip(id: EncoderModelId = modelToShip()): { files: ShippedFile[]; missing: string | null } {
  const model = ENCODER_MODELS[id];
  const dir = modelDir(id);
  const state = checkModelDir(dir, PINNED_ARTIFACTS[id]);
  if (state.state !== 'installed') return { files: [], missing: `${id} ${state.state}: ${state.files.join(', ')}` };
  const wasm = ortWasmPath();
  if (!existsSync(wasm)) return { files: [], missing: `${wasm} (reinstall onnxruntime-web)` };
  // The claims' vectors, made by the same model (npm run build:index, with the same PARALLAX_MODEL).
  if (!existsSync(CLAIM_VECTORS_PATH))
    return { files: [], missing: `${CLAIM_VECTORS_PATH} (npm run build:index writes it)` };
  const vectorsModel = (JSON.parse(readFileSync(CLAIM_VECTORS_PATH, 'utf8')) as { model?: string }).model;
  if (vectorsModel !== id)
    return {
      files: [],
      missing: `claim vectors by ${id} (${CLAIM_VECTORS_PATH} holds ${String(vectorsModel)}'s; npm run build:index)`,
    };
  return {
    files: [
      { absoluteSrc: wasm, relativeDest: `${MODEL_FOLDER}/${ORT_WASM_FILE}` },
      ...[model.modelFile, model.tokenizerFile].map((f) => ({
        absoluteSrc: join(dir, f),
        relativeDest: `${MODEL_FOLDER}/${f}`,
      })),
      { absoluteSrc: CLAIM_VECTORS_PATH, relativeDest: `${MODEL_FOLDER}/${CLAIM_VECTORS_FILE}` },
      // Which model this is, and the sha256 of its weights: shipped claim vectors must match it.
      {
        relativeDest: `${MODEL_FOLDER}/${ENCODER_SPEC_FILE}`,
        contents: JSON.stringify({ ...model, sha256: modelSha256(PINNED_ARTIFACTS[id]) }),
      },
    ],
    missing: null,
  };
}
