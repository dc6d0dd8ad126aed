/**
 * `kg schema [--check]`: the GraphQL schema the resolvers produce, written to
 * schema/schema.graphql, or (--check) compared with it, which fails when they differ.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { schemaSdl } from '../api/schema.js';
import { REPO_ROOT } from '../config/paths.js';
import { EXIT } from './usage.js';

const SCHEMA_FILE = join(REPO_ROOT, 'schema', 'schema.graphql');

export async function schemaCommand(opts: { check: boolean }, log: (line: string) => void): Promise<number> {
  const sdl = await schemaSdl();
  if (opts.check) {
    if (readFileSync(SCHEMA_FILE, 'utf8') === sdl) return EXIT.ok;
    log('schema/schema.graphql is out of date: run npm run schema');
    return EXIT.failure;
  }
  writeFileSync(SCHEMA_FILE, sdl);
  log(`wrote ${SCHEMA_FILE}`);
  return EXIT.ok;
}
