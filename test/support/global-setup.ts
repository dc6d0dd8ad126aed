/**
 * Provides one Neo4j to every database-backed test file (vitest `provide`/`inject`), picked in order:
 *   1. NEO4J_URI (+ NEO4J_USER / NEO4J_PASSWORD / NEO4J_DATABASE): a database you run yourself;
 *      the tests DELETE EVERYTHING in it, so point it at a throwaway one;
 *   2. a testcontainers Neo4j (neo4j:5.26-community) when a Docker engine answers;
 *   3. the Docker-free local launcher (src/graph/local-neo4j.ts) on a free port and a fresh temp dir.
 * Whatever it started, it stops afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { neo4jConfigFromEnv, type Neo4jConfig } from '../../src/graph/db.js';
import { startLocalNeo4j } from '../../src/graph/local-neo4j.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Connection to the test Neo4j; the `source` says which of the three ways provided it. */
    neo4j: Neo4jConfig & { source: 'env' | 'testcontainers' | 'local' };
  }
}

const say = (line: string) => process.stderr.write(`[test neo4j] ${line}\n`);

/** True when a Docker (or compatible) engine answers; quiet and quick when there is none. */
async function dockerAnswers(): Promise<boolean> {
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    const client = await Promise.race([getContainerRuntimeClient(), new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), 10_000).unref())]);
    return Boolean(client);
  } catch {
    return false;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const env = neo4jConfigFromEnv();
  if (env) {
    say(`using NEO4J_URI ${env.uri}`);
    project.provide('neo4j', { ...env, source: 'env' });
    return async () => {};
  }

  if (await dockerAnswers()) {
    const { Neo4jContainer } = await import('@testcontainers/neo4j');
    say('starting neo4j:5.26-community with testcontainers...');
    const container = await new Neo4jContainer('neo4j:5.26-community').withPassword('test-password').start();
    say(`ready at ${container.getBoltUri()}`);
    project.provide('neo4j', { uri: container.getBoltUri(), user: container.getUsername(), password: container.getPassword(), source: 'testcontainers' });
    return async () => {
      await container.stop();
    };
  }

  const dataDir = mkdtempSync(join(tmpdir(), 'kg-test-neo4j-'));
  const started = Date.now();
  say('no NEO4J_URI and no Docker engine: starting the local Neo4j launcher...');
  // Its output only matters when it fails to start, and then startLocalNeo4j's error carries the tail.
  const neo4j = await startLocalNeo4j({ port: 0, dataDir, log: () => {} }).catch((e: unknown) => {
    rmSync(dataDir, { recursive: true, force: true });
    throw e;
  });
  say(`ready at ${neo4j.uri} after ${((Date.now() - started) / 1000).toFixed(1)}s`);
  project.provide('neo4j', { uri: neo4j.uri, source: 'local' });
  return async () => {
    await neo4j.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
