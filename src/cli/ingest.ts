/**
 * `kg ingest <files or folders>`: runs every article through the pipeline (several made ready at
 * once while an earlier one is written, in order: src/ingest/many.ts), with a progress bar on a
 * terminal and a summary at the end. Bad files are skipped with their reason; the good ones are
 * ingested. The exit code says whether every file went in.
 */
import { SingleBar, Presets } from 'cli-progress';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { Db } from '../graph/db.js';
import { migrate } from '../graph/migrate.js';
import { DocumentError } from '../ingest/metadata.js';
import { ingestMany, type ManyOptions } from '../ingest/many.js';
import type { IngestResult } from '../ingest/pipeline.js';
import { nlpEngine } from '../nlp/engine.js';
import { withGraph } from './graph.js';
import { EXIT } from './usage.js';

const ARTICLE = /\.(txt|md|markdown|html?)$/i;

export interface IngestSummary {
  results: IngestResult[];
  skipped: { file: string; reason: string }[];
}

/** The article files named by the arguments: files as given, folders walked (sorted). */
export function articleFiles(args: string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  const walk = (p: string) => {
    const st = statSync(p);
    if (st.isDirectory()) for (const name of readdirSync(p).sort()) walk(join(p, name));
    else if (ARTICLE.test(p) && !/readme/i.test(basename(p))) files.push(p);
  };
  for (const a of args) {
    if (!existsSync(a)) missing.push(a);
    else if (statSync(a).isFile()) files.push(a);
    else walk(a);
  }
  return { files, missing };
}

/** The article files of the arguments, and a summary that already skips the missing ones. */
function plan(args: string[]): { files: string[]; summary: IngestSummary } {
  const { files, missing } = articleFiles(args);
  return { files, summary: { results: [], skipped: missing.map((file) => ({ file, reason: 'no such file or folder' })) } };
}

/** How `kg ingest` goes through its documents (src/ingest/many.ts). */
export type IngestFilesOptions = Pick<ManyOptions, 'nlp' | 'concurrency'>;

export async function ingestFiles(db: Db, args: string[], log: (line: string) => void, opts: IngestFilesOptions = {}): Promise<IngestSummary> {
  const { files, summary } = plan(args);
  const bar = process.stderr.isTTY ? new SingleBar({ format: 'ingest [{bar}] {value}/{total} {file}', hideCursor: true }, Presets.shades_classic) : null;
  bar?.start(files.length, 0, { file: '' });
  const docs = files.map((file) => ({
    fileName: basename(file),
    load: () => {
      const sidecarPath = file.slice(0, -extname(file).length) + '.json';
      return { content: readFileSync(file), sidecar: existsSync(sidecarPath) ? readFileSync(sidecarPath, 'utf8') : null };
    },
  }));
  let done = 0;
  await ingestMany(db, docs, {
    ...opts,
    onDone: (i, outcome) => {
      const file = files[i]!;
      if (outcome.ok) {
        summary.results.push(outcome.result);
        if (!bar) log(`ingested ${file}: ${outcome.result.newEntities.length} new entities, ${outcome.result.linkedEntities.length} linked`);
      } else {
        const e = outcome.error;
        const reason = e instanceof DocumentError ? e.problem : e instanceof Error ? e.message : String(e);
        summary.skipped.push({ file, reason });
        if (!bar) log(`skipped ${file}: ${reason}`);
      }
      bar?.update(++done, { file: basename(file) });
    },
  });
  bar?.update(files.length, { file: '' });
  bar?.stop();
  return summary;
}

export function formatSummary(s: IngestSummary): string {
  const sum = (f: (r: IngestResult) => number) => s.results.reduce((a, r) => a + f(r), 0);
  const lines = [
    `documents: ${s.results.length} ingested (${s.results.filter((r) => r.newDocument).length} new), ${s.skipped.length} skipped`,
    `entities: ${sum((r) => r.newEntities.length)} new, ${sum((r) => r.linkedEntities.length)} linked to the graph, ${sum((r) => r.candidateMatches.length)} flagged as possible duplicates`,
    `facts: ${sum((r) => r.facts.posts)} posts, ${sum((r) => r.facts.events)} events (${sum((r) => r.linkedEvents.length)} linked to known events), ${sum((r) => r.facts.statements)} statements, ${sum((r) => r.facts.commitments)} commitments (${sum((r) => r.repeatedCommitments.length)} repeats), ${sum((r) => r.facts.figures)} figures`,
  ];
  for (const k of s.skipped) lines.push(`skipped ${k.file}: ${k.reason}`);
  return lines.join('\n');
}

/** Success only when every file named went in: one skipped file (bad, missing, refused) fails the run. */
export function ingestExitCode(summary: IngestSummary): number {
  return summary.skipped.length > 0 ? EXIT.failure : EXIT.ok;
}

/**
 * `kg ingest`: migrations, then every article, then the summary on stdout. With no article to
 * ingest (missing paths, folders without articles) the summary comes at once, without Neo4j.
 */
export async function ingestCommand(paths: string[], log: (line: string) => void, opts: Omit<IngestFilesOptions, 'nlp'> = {}): Promise<number> {
  const { files, summary: nothing } = plan(paths);
  if (files.length === 0) {
    process.stdout.write(`${formatSummary(nothing)}\n`);
    return ingestExitCode(nothing);
  }
  return withGraph(log, async (g) => {
    await migrate(g.db, log);
    const nlp = nlpEngine(log);
    try {
      const summary = await ingestFiles(g.db, paths, log, { ...opts, nlp: await nlp.get() });
      process.stdout.write(`${formatSummary(summary)}\n`);
      return ingestExitCode(summary);
    } finally {
      await nlp.stop();
    }
  });
}
