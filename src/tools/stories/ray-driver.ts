// Where the Ray driver and the Python that runs it are: PARALLAX_PYTHON, else the project's own
// environment (.cache/ray-venv, made by `npm run stories:ray-setup`), else python3 on the PATH.
// A run on Ray without Ray installed fails here, saying how to install it: it never falls back.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT } from '../../node/paths';

export const RAY_DIR = resolve(ROOT, 'src/tools/stories/ray');
export const RAY_DRIVER = resolve(RAY_DIR, 'find_stories.py');
export const RAY_REQUIREMENTS = resolve(RAY_DIR, 'requirements.txt');
export const RAY_VENV = resolve(ROOT, '.cache/ray-venv');

export class RayMissingError extends Error {}

/** The Python with Ray installed; throws a RayMissingError saying how to install it. */
export function pythonForRay(): string {
  const candidates = [process.env.PARALLAX_PYTHON, resolve(RAY_VENV, 'bin/python'), 'python3'].filter(
    (p): p is string => p !== undefined && p !== '',
  );
  for (const python of candidates) {
    if (python.includes('/') && !existsSync(python)) continue;
    const probe = spawnSync(python, ['-c', 'import ray; print(ray.__version__)'], { encoding: 'utf8' });
    if (probe.status === 0) return python;
  }
  throw new RayMissingError(
    `Ray is not installed for any of ${candidates.join(', ')}: run npm run stories:ray-setup (a Python environment in .cache/ray-venv with ${RAY_REQUIREMENTS}), or set PARALLAX_PYTHON to a Python that has it`,
  );
}
