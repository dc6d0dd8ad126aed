import { Db, neo4jConfigFromEnv } from '../graph/db.js';
import { startLocalNeo4j } from '../graph/local-neo4j.js';
import { startSupervisedNeo4j } from '../graph/neo4j-supervisor.js';

export interface Connected {
  db: Db;
  /** closes the driver and stops the local Neo4j if this process started it */
  close(): Promise<void>;
}

export interface ConnectOptions {
  /**
   * Restart the local Neo4j whenever it exits unexpectedly (same port and data; see
   * graph/neo4j-supervisor.ts). For long-running servers; no effect with NEO4J_URI.
   */
  supervise?: boolean;
  /** with `supervise`: called once a restarted local Neo4j accepts connections */
  onRestarted?: () => void;
}

async function waitForBolt(db: Db, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await db.ping())) {
    if (Date.now() > deadline) throw new Error(`Neo4j did not answer within ${timeoutMs / 1000}s`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/**
 * The graph database: NEO4J_URI (with NEO4J_USER/NEO4J_PASSWORD) when set, otherwise the local
 * launcher in neo4j-local/ (built and started on first use; port NEO4J_LOCAL_PORT, data in .neo4j/),
 * supervised when `opts.supervise` is set.
 */
export async function connectGraph(log: (line: string) => void, opts: ConnectOptions = {}): Promise<Connected> {
  const config = neo4jConfigFromEnv();
  if (config) {
    const db = Db.connect(config);
    log(`waiting for Neo4j at ${config.uri}`);
    await waitForBolt(db, 120_000);
    return { db, close: () => db.close() };
  }
  log('NEO4J_URI not set: starting the local Neo4j (the first run builds it with Maven)');
  // its port: NEO4J_LOCAL_PORT, read by the launcher
  const local = opts.supervise ? await startSupervisedNeo4j({ log }, { onRestarted: () => opts.onRestarted?.() }) : await startLocalNeo4j({ log });
  const db = Db.connect({ uri: local.uri });
  await waitForBolt(db, 60_000);
  log(`local Neo4j ready at ${local.uri}`);
  return {
    db,
    async close() {
      await db.close();
      await local.stop();
    },
  };
}

/** Runs `work` against the graph and closes it (and the local Neo4j this started) afterwards. */
export async function withGraph<T>(log: (line: string) => void, work: (g: Connected) => Promise<T>): Promise<T> {
  const graph = await connectGraph(log);
  try {
    return await work(graph);
  } finally {
    await graph.close();
  }
}
