import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../config/paths.js';
import { parse } from 'yaml';
import type { Db } from '../../graph/db.js';
import { writeBatch } from '../../graph/writer.js';
import type { GraphBatch } from '../../domain/model.js';
import { compileSeed, type CorpusTexts } from './compile.js';
import type { SeedFile } from './format.js';

const SEED_DIR = join(REPO_ROOT, 'data', 'seed');
/** The corpus lives in the shared folder beside the repository (../shared/corpus); CORPUS_DIR overrides. */
export { CORPUS_DIR } from '../../config/shared.js';
import { CORPUS_DIR } from '../../config/shared.js';

export function readSeedFiles(dir = SEED_DIR): SeedFile[] {
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => {
      try {
        return (parse(readFileSync(join(dir, f), 'utf8')) ?? {}) as SeedFile;
      } catch (e) {
        throw new Error(`data/seed/${f}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
      }
    });
}

/**
 * The corpus texts the seed refers to, or null when the corpus is absent: no folder, or a folder
 * holding none of the seed's documents (an empty mount). A folder holding some but not all of them
 * is a corpus with files missing, which the compiler reports.
 */
function readCorpus(files: SeedFile[], dir = CORPUS_DIR): CorpusTexts | null {
  if (!existsSync(dir)) return null;
  const texts: CorpusTexts = new Map();
  for (const d of files.flatMap((f) => f.documents ?? [])) {
    const p = join(dir, d.file);
    if (existsSync(p)) texts.set(d.file, readFileSync(p));
  }
  return texts.size > 0 ? texts : null;
}

export function compileSeedFromDisk(seedDir = SEED_DIR, corpusDir = CORPUS_DIR): { batch: GraphBatch; corpusPresent: boolean } {
  const files = readSeedFiles(seedDir);
  const corpus = readCorpus(files, corpusDir);
  return { batch: compileSeed(files, corpus), corpusPresent: corpus !== null };
}

/** Checks and writes the seed graph in one transaction: all of it or nothing. Loading twice changes nothing. */
export async function loadSeed(db: Db, opts: { seedDir?: string; corpusDir?: string; log?: (l: string) => void } = {}): Promise<GraphBatch> {
  const { batch, corpusPresent } = compileSeedFromDisk(opts.seedDir, opts.corpusDir);
  if (!corpusPresent) opts.log?.('corpus folder not found: spans not verified, excerpts unavailable');
  await db.write((tx) => writeBatch(tx, batch));
  opts.log?.(`seed graph: ${batch.nodes.length} nodes, ${batch.rels.length} relationships`);
  return batch;
}
