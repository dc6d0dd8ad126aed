import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { REPO_ROOT as REPO } from './paths.js';

/**
 * The project's shared folder (corpus, acceptance questions): `SHARED_DIR` when set, else the
 * `shared` folder beside the repository, else the workspace's `/work/shared` (where a clone made
 * elsewhere on this machine, e.g. by CI, still finds it). Null when none exists.
 */
export function sharedDir(env: NodeJS.ProcessEnv = process.env): string | null {
  const candidates = [env.SHARED_DIR, join(REPO, '..', 'shared'), '/work/shared'].filter((p): p is string => !!p);
  return candidates.map((p) => resolve(p)).find((p) => existsSync(p)) ?? null;
}

/** The seed corpus folder: CORPUS_DIR, else <shared>/corpus (it may not exist). */
export const CORPUS_DIR = process.env.CORPUS_DIR ?? join(sharedDir() ?? join(REPO, '..', 'shared'), 'corpus');
