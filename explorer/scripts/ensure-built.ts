// Builds the explorer (vite build into explorer/dist) when the build is missing or older than any
// of its sources; does nothing, quickly, when it is fresh. `npm start` (prestart) and the browser
// tests run it; `npm run build:explorer` builds unconditionally.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const EXPLORER_DIR = fileURLToPath(new URL('..', import.meta.url));
export const DIST_DIR = join(EXPLORER_DIR, 'dist');

function newest(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let max = s.mtimeMs;
  for (const name of readdirSync(path)) max = Math.max(max, newest(join(path, name)));
  return max;
}

/** Why the build must be made again, or null when explorer/dist is newer than every source. */
export function staleReason(): string | null {
  const index = join(DIST_DIR, 'index.html');
  if (!existsSync(index)) return 'explorer/dist is missing';
  const built = statSync(index).mtimeMs;
  const sources = ['src', 'index.html', 'vite.config.ts', 'tsconfig.json'].map((p) => join(EXPLORER_DIR, p)).filter(existsSync);
  const changed = sources.find((p) => newest(p) > built);
  return changed ? `${changed.slice(EXPLORER_DIR.length)} changed since the last build` : null;
}

export async function buildExplorer(): Promise<void> {
  const { build } = await import('vite');
  await build({ root: EXPLORER_DIR, logLevel: 'warn', configFile: join(EXPLORER_DIR, 'vite.config.ts') });
}

/** Builds when stale; returns whether it built. */
export async function ensureExplorerBuilt(log: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Promise<boolean> {
  const reason = staleReason();
  if (!reason) return false;
  log(`[explorer] building explorer/dist (${reason})...`);
  const started = Date.now();
  await buildExplorer();
  log(`[explorer] built in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  // A failed build does not keep the API from starting: `/` then answers 503 saying how to build.
  ensureExplorerBuilt().catch((e: unknown) => {
    process.stderr.write(`[explorer] build failed, the server starts without the explorer: ${e instanceof Error ? e.message : String(e)}\n`);
  });
}
