/**
 * `kg export --format <format> [--out DIR] [--table NAME]`: the graph in an export format
 * (src/export/), read page by page and written as it is read. With --out, into files in DIR (CSV:
 * one file per table); without, to standard output (CSV: the one table --table names).
 */
import { createWriteStream } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Presets, SingleBar } from 'cli-progress';
import type { Db } from '../graph/db.js';
import { csvTable, CSV_TABLES, writeCsvTable, writeCsvTables, type CsvTable } from '../export/csv.js';
import { STREAM_FORMATS, type ExportFormat } from '../export/formats.js';
import { Out } from '../export/out.js';
import { graphSize } from '../export/reader.js';
import { withGraph } from './graph.js';
import { EXIT } from './usage.js';

export interface ExportOptions {
  format: ExportFormat;
  out?: string;
  table?: string;
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export function humanBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 ** 2) return `${fmt(n / 1024, 1)} KB`;
  if (n < 1024 ** 3) return `${fmt(n / 1024 ** 2, 1)} MB`;
  return `${fmt(n / 1024 ** 3, 2)} GB`;
}

/** A progress bar on stderr when it is a terminal; nothing otherwise. */
export function progressBar(label: string, total: number, unit: string): { tick(done: number, total?: number): void; stop(): void } {
  if (!process.stderr.isTTY) return { tick: () => {}, stop: () => {} };
  const bar = new SingleBar({ stream: process.stderr, format: `${label} [{bar}] {percentage}% | {value}/{total} ${unit} | {eta_formatted} left`, hideCursor: true }, Presets.shades_classic);
  bar.start(Math.max(total, 1), 0);
  return {
    tick(done, newTotal) {
      if (newTotal !== undefined && newTotal !== bar.getTotal()) bar.setTotal(Math.max(newTotal, 1));
      if (done > bar.getTotal()) bar.setTotal(done);
      bar.update(done);
    },
    stop: () => bar.stop(),
  };
}

const fileOut = (path: string) => new Out(createWriteStream(path));

async function runExport(db: Db, opts: ExportOptions, log: (line: string) => void): Promise<number> {
  const t0 = performance.now();
  const size = await graphSize(db);
  // every format reads the nodes, most read the relationships too (one pass over start nodes)
  const bar = progressBar(`export ${opts.format}`, size.nodes * 2, 'nodes read');
  let read = 0;
  const onPage = (rows: number) => bar.tick((read += rows));
  const seconds = () => fmt((performance.now() - t0) / 1000, 1);
  try {
    if (opts.format === 'csv') {
      if (opts.out) {
        await mkdir(opts.out, { recursive: true });
        const outs = new Map<string, Out>();
        const rows = await writeCsvTables(
          db,
          (t: CsvTable) => {
            const o = fileOut(join(opts.out!, `${t.name}.csv`));
            outs.set(t.name, o);
            return o;
          },
          { onPage },
        );
        for (const o of outs.values()) await o.end();
        bar.stop();
        let bytes = 0;
        for (const t of CSV_TABLES) bytes += (await stat(join(opts.out, `${t.name}.csv`))).size;
        const filled = [...rows].filter(([, n]) => n > 0).map(([name, n]) => `${name} ${fmt(n)}`);
        log(`export csv: ${CSV_TABLES.length} tables in ${opts.out} (${humanBytes(bytes)}) in ${seconds()} s; rows: ${filled.join(', ') || 'none'}`);
        return EXIT.ok;
      }
      const table = csvTable(opts.table!)!;
      const out = new Out(process.stdout);
      const n = await writeCsvTable(db, table, out, { onPage });
      await out.flush();
      bar.stop();
      log(`export csv: table ${table.name}, ${fmt(n)} rows, ${humanBytes(out.written)} in ${seconds()} s`);
      return EXIT.ok;
    }
    const f = STREAM_FORMATS[opts.format];
    if (opts.out) {
      await mkdir(opts.out, { recursive: true });
      const path = join(opts.out, f.fileName);
      const out = fileOut(path);
      const counts = await f.write(db, out, { onPage });
      await out.end();
      bar.stop();
      log(`export ${opts.format}: ${path} (${humanBytes((await stat(path)).size)}) in ${seconds()} s: ${JSON.stringify(counts)}`);
    } else {
      const out = new Out(process.stdout);
      const counts = await f.write(db, out, { onPage });
      await out.flush();
      bar.stop();
      log(`export ${opts.format}: ${humanBytes(out.written)} in ${seconds()} s: ${JSON.stringify(counts)}`);
    }
    return EXIT.ok;
  } finally {
    bar.stop();
  }
}

export async function exportCommand(opts: ExportOptions, log: (line: string) => void): Promise<number> {
  return withGraph(log, (g) => runExport(g.db, opts, log));
}
