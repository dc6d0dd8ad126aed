import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { REPO_ROOT } from '../config/paths.js';

/** The repository's cypher/ folder: every query the system runs is a named file there. */
const CYPHER_DIR = join(REPO_ROOT, 'cypher');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.cypher') ? [p] : [];
  });
}

/** Loaded once at start-up: name ("read/event-participants") -> query text. */
const queries = new Map<string, string>(
  walk(CYPHER_DIR).map((p) => [
    relative(CYPHER_DIR, p)
      .split(sep)
      .join('/')
      .replace(/\.cypher$/, ''),
    readFileSync(p, 'utf8'),
  ]),
);

export function cypher(name: string): string {
  const q = queries.get(name);
  if (q === undefined) throw new Error(`no query named "${name}" in cypher/`);
  return q;
}

export function queryNames(prefix = ''): string[] {
  return [...queries.keys()].filter((k) => k.startsWith(prefix)).sort();
}

/** Splits a migration file into statements (separated by `;` at line ends), dropping comments. */
export function statements(name: string): string[] {
  return cypher(name)
    .split(/;\s*$/m)
    .map((s) => s.replace(/^\s*\/\/.*$/gm, '').trim())
    .filter(Boolean);
}
