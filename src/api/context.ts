import type { Db } from '../graph/db.js';
import { Loaders } from '../graph/loaders.js';
import { Repository } from '../graph/repository.js';
import type { IngestResult } from '../ingest/pipeline.js';
import type { NlpEngine } from '../nlp/engine.js';
import type { Caller } from './auth.js';

export interface Context {
  db: Db;
  repo: Repository;
  loaders: Loaders;
  /** The API key the request sent (its name and role), or null when it sent none. */
  auth: Caller | null;
  /** The NLP engine ingestDocument uses, when the server has one. */
  nlp: NlpEngine | null;
  /** Told what each ingestDocument of the request wrote (the server's ingest metrics). */
  ingested?: (written: Pick<IngestResult, 'newDocument' | 'facts'>) => void;
  /** Answers computed, never looked up in the response cache nor stored there (the warm-up: it is there to warm Neo4j's plans). */
  uncached?: boolean;
}

/** One per request: its own loaders (batching and caching live for one request) and round-trip counter. */
export function createContext(db: Db, auth: Caller | null = null, opts: { lookahead?: boolean; nlp?: NlpEngine | null } = {}): Context {
  const scoped = db.scoped();
  return { db: scoped, repo: new Repository(scoped), loaders: new Loaders(scoped, { lookahead: opts.lookahead ?? true }), auth, nlp: opts.nlp ?? null };
}
