/**
 * `kg backup <file>` and `kg restore <file> [--replace]`: the whole graph to and from a versioned,
 * gzip-compressed JSON Lines file (src/export/backup.ts). Progress bars on stderr when it is a
 * terminal.
 */
import { stat } from 'node:fs/promises';
import { migrate } from '../graph/migrate.js';
import { restoreBackup, writeBackup, type BackupProgress } from '../export/backup.js';
import { humanBytes, progressBar } from './export.js';
import { withGraph } from './graph.js';
import { EXIT } from './usage.js';

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** One bar per phase, replaced when the phase changes. */
function phases(verb: string): { onProgress(p: BackupProgress): void; stop(): void } {
  let phase: string | null = null;
  let bar: ReturnType<typeof progressBar> | null = null;
  return {
    onProgress(p) {
      if (p.phase !== phase) {
        bar?.stop();
        phase = p.phase;
        bar = progressBar(`${verb} ${p.phase}`, p.total, p.phase === 'checking' ? 'lines' : p.phase === 'relationships' ? 'relationships' : 'nodes');
      }
      bar!.tick(p.done, p.total);
    },
    stop: () => bar?.stop(),
  };
}

export async function backupCommand(file: string, log: (line: string) => void): Promise<number> {
  return withGraph(log, async ({ db }) => {
    const t0 = performance.now();
    const progress = phases('backup');
    try {
      const header = await writeBackup(db, file, { onProgress: progress.onProgress });
      progress.stop();
      log(`backup: ${fmt(header.nodes)} nodes, ${fmt(header.relationships)} relationships → ${file} (${humanBytes((await stat(file)).size)}) in ${fmt((performance.now() - t0) / 1000, 1)} s`);
      return EXIT.ok;
    } finally {
      progress.stop();
    }
  });
}

export async function restoreCommand(file: string, opts: { replace: boolean }, log: (line: string) => void): Promise<number> {
  return withGraph(log, async ({ db }) => {
    await migrate(db);
    const t0 = performance.now();
    const progress = phases('restore');
    try {
      const { header, replaced } = await restoreBackup(db, file, { replace: opts.replace, onProgress: progress.onProgress });
      progress.stop();
      log(
        `restore: ${fmt(header.nodes)} nodes, ${fmt(header.relationships)} relationships from ${file} (made ${header.createdAt})${replaced ? `, after deleting the ${fmt(replaced)} nodes the database held` : ''} in ${fmt((performance.now() - t0) / 1000, 1)} s`,
      );
      return EXIT.ok;
    } finally {
      progress.stop();
    }
  });
}
