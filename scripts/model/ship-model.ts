// Which files the extension build copies into its model/ folder: the shipped encoder's model and
// tokenizer (from the provisioned .cache/models/) and ONNX Runtime Web's .wasm (from node_modules).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ENCODER_MODELS, SHIPPED_MODEL_ID } from '../../src/core/meaning/models';
import { MODEL_FOLDER, ORT_WASM_FILE } from '../../src/meaning/model-files';
import { PINNED_ARTIFACTS } from './pinned-artifacts';
import { checkModelDir, modelDir } from './provisioning';
import { ortWasmPath } from './ort-wasm-path';

export function modelFilesToShip(): { files: { absoluteSrc: string; relativeDest: string }[]; missing: string[] } {
  const model = ENCODER_MODELS[SHIPPED_MODEL_ID];
  const dir = modelDir(SHIPPED_MODEL_ID);
  const state = checkModelDir(dir, PINNED_ARTIFACTS[SHIPPED_MODEL_ID]);
  const files = [
    { absoluteSrc: ortWasmPath(), relativeDest: `${MODEL_FOLDER}/${ORT_WASM_FILE}` },
    ...[model.modelFile, model.tokenizerFile].map((f) => ({ absoluteSrc: join(dir, f), relativeDest: `${MODEL_FOLDER}/${f}` })),
  ];
  const missing = state.state === 'installed' ? [] : [`${SHIPPED_MODEL_ID} ${state.state}: ${state.files.join(', ')}`];
  if (!existsSync(files[0]!.absoluteSrc)) missing.push(ORT_WASM_FILE);
  return { files: state.state === 'installed' ? files : [], missing };
}
