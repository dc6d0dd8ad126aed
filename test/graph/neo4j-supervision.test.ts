import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Db } from '../../src/graph/db.js';
import { startSupervisedNeo4j, type SupervisedNeo4j } from '../../src/graph/neo4j-supervisor.js';

// A Neo4j of its own (the shared one serves the other files): it gets killed here.
const LONG = 300_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(what: string, check: () => Promise<boolean> | boolean, limitMs: number): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${limitMs / 1000}s`);
    await sleep(500);
  }
}

/** One probe, bounded: a probe that fails or hangs counts as "not yet". */
async function probes(db: Db): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([db.probe(), new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('probe timeout')), 10_000)))]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

async function countMarkers(db: Db, id: string): Promise<number> {
  const res = await db.driver.executeQuery('MATCH (n:SupervisionCheck {id: $id}) RETURN count(n) AS n', { id });
  return Number(res.records[0]!.get('n'));
}

describe('a supervised local Neo4j', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kg-supervised-neo4j-'));
  const lines: string[] = [];
  let neo4j: SupervisedNeo4j | undefined;
  let db: Db | undefined;

  beforeAll(async () => {
    neo4j = await startSupervisedNeo4j({ port: 0, dataDir, log: (l) => lines.push(l) });
    db = Db.connect({ uri: neo4j.uri });
  }, LONG);

  afterAll(async () => {
    await db?.close();
    await neo4j?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }, LONG);

  it(
    'starts Neo4j again on the same port and data after the Java process is killed, and stops for good on stop()',
    async () => {
      const s = neo4j!;
      const first = s.pid!;
      expect(first).toBeGreaterThan(0);
      expect(lines).toContain(`neo4j-local: ready at ${s.uri} (pid ${first})`);

      const id = `marker-${Date.now()}`;
      await db!.driver.executeQuery('CREATE (:SupervisionCheck {id: $id})', { id });
      expect(await countMarkers(db!, id)).toBe(1);

      const killedAt = Date.now();
      process.kill(first, 'SIGKILL');
      await until('a new pid', () => s.pid !== undefined && s.pid !== first, 180_000);
      await until('a probe', () => probes(db!), 180_000);
      const restartMs = Date.now() - killedAt;
      process.stderr.write(`[neo4j-supervision] SIGKILL to probe OK: ${(restartMs / 1000).toFixed(1)}s\n`);

      const second = s.pid!;
      expect(alive(first)).toBe(false);
      expect(s.restarts).toBe(1);
      expect(await countMarkers(db!, id)).toBe(1);
      expect(lines.some((l) => l.startsWith(`neo4j-local: Neo4j (pid ${first}) exited unexpectedly (signal SIGKILL) after `))).toBe(true);
      expect(lines).toContain(`neo4j-local: ready at ${s.uri} (pid ${second})`);

      await s.stop();
      await s.stop(); // idempotent
      expect(alive(second)).toBe(false);
      expect(s.pid).toBeUndefined();
      const linesAtStop = lines.length;
      await sleep(5_000); // longer than the first backoff
      expect(s.restarts).toBe(1);
      expect(lines.slice(linesAtStop).filter((l) => l.startsWith('neo4j-local: starting'))).toEqual([]);
    },
    LONG,
  );
});
