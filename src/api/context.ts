import type { Db } from '../graph/db.js';
import { Loaders } from '../graph/loaders.js';
import { Repository } from '../graph/repository.js';

export interface Context {
  db: Db;
  repo: Repository;
  loaders: Loaders;
}

/** One per request: its own loaders (batching and caching live for one request) and round-trip counter. */
export function createContext(db: Db): Context {
  const scoped = db.scoped();
  return { db: scoped, repo: new Repository(scoped), loaders: new Loaders(scoped) };
}
