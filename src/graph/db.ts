import neo4j, { type Driver, type ManagedTransaction, type QueryResult, type RecordShape } from 'neo4j-driver';
import { cypher } from './cypher.js';

export interface Neo4jConfig {
  uri: string;
  user?: string;
  password?: string;
  database?: string;
}

export function neo4jConfigFromEnv(env: NodeJS.ProcessEnv = process.env): Neo4jConfig | null {
  if (!env.NEO4J_URI) return null;
  return {
    uri: env.NEO4J_URI,
    ...(env.NEO4J_USER ? { user: env.NEO4J_USER } : {}),
    ...(env.NEO4J_PASSWORD ? { password: env.NEO4J_PASSWORD } : {}),
    ...(env.NEO4J_DATABASE ? { database: env.NEO4J_DATABASE } : {}),
  };
}

export type Row = Record<string, unknown>;

/**
 * JavaScript numbers travel as floats; SKIP, LIMIT and hop bounds need integers. Top-level
 * whole-number parameters are control values here (data travels nested in `rows`), so they go as
 * Neo4j integers.
 */
function boltParams(params: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'number' && Number.isInteger(v) ? neo4j.int(v) : v]));
}

/**
 * The only door to Neo4j. Reads run in read transactions and writes in write transactions
 * (so a cluster or Aura routes them right); queries are named files under cypher/.
 * `roundTrips` counts the queries sent, for tests and request metrics.
 */
export class Db {
  roundTrips = 0;

  constructor(readonly driver: Driver, readonly database?: string) {}

  static connect(config: Neo4jConfig): Db {
    const auth = config.user ? neo4j.auth.basic(config.user, config.password ?? '') : undefined;
    const driver = neo4j.driver(config.uri, auth, {
      disableLosslessIntegers: true,
      connectionAcquisitionTimeout: 10_000,
      connectionTimeout: 5_000,
      maxTransactionRetryTime: 5_000,
    });
    return new Db(driver, config.database);
  }

  /** A view sharing the driver with its own round-trip counter (one per GraphQL request). */
  scoped(): Db {
    return new Db(this.driver, this.database);
  }

  private session(mode: 'READ' | 'WRITE') {
    return this.driver.session({ defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE, ...(this.database ? { database: this.database } : {}) });
  }

  async read<T = Row>(name: string, params: Record<string, unknown> = {}): Promise<T[]> {
    const session = this.session('READ');
    try {
      this.roundTrips++;
      const res: QueryResult<RecordShape> = await session.executeRead((tx) => tx.run(cypher(name), boltParams(params)));
      return res.records.map((r) => r.toObject() as T);
    } finally {
      await session.close();
    }
  }

  /** Runs `work` in one write transaction: all of it lands or none of it does. */
  async write<T>(work: (tx: WriteTx) => Promise<T>): Promise<T> {
    const session = this.session('WRITE');
    try {
      return await session.executeWrite((tx) => work(new WriteTx(tx, this)));
    } finally {
      await session.close();
    }
  }

  /** Runs a schema statement (migrations) in its own auto-commit transaction. */
  async runSchema(statement: string): Promise<void> {
    const session = this.session('WRITE');
    try {
      this.roundTrips++;
      await session.run(statement);
    } finally {
      await session.close();
    }
  }

  async ping(): Promise<boolean> {
    try {
      await this.driver.verifyConnectivity(this.database ? { database: this.database } : {});
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}

export class WriteTx {
  constructor(private readonly tx: ManagedTransaction, private readonly db: Db) {}

  async run<T = Row>(name: string, params: Record<string, unknown> = {}): Promise<T[]> {
    this.db.roundTrips++;
    const res = await this.tx.run(cypher(name), boltParams(params));
    return res.records.map((r) => r.toObject() as T);
  }
}

/** Errors that mean "the database cannot be reached right now" rather than a bad query. */
export function isUnavailable(err: unknown): boolean {
  const code = (err as { code?: string } | null)?.code ?? '';
  return ['ServiceUnavailable', 'SessionExpired'].includes(code) || /ECONNREFUSED|connection.*(refused|closed|timed? ?out)|Could not perform discovery/i.test(String((err as Error)?.message ?? ''));
}
