import type { RequestHandler } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { AccessMode, DbObserver } from '../../graph/db.js';
import type { IngestResult } from '../../ingest/pipeline.js';

/** Operation names become label values as they are, up to this many distinct ones; later names count as "other". */
export const MAX_OPERATION_NAMES = 200;
const MAX_NAME_LENGTH = 64;

export type Outcome = 'ok' | 'error';

const FACT_KINDS = { posts: 'post', events: 'event', statements: 'statement', commitments: 'commitment', figures: 'figure' } as const;

/**
 * The server's Prometheus metrics, in a registry of its own (not prom-client's global one), so
 * that several servers in one process (tests) each count their own.
 *
 * Connection pool: neo4j-driver 5 has no public API for its pool (in use, idle, waiting; the
 * Java driver has one, the JavaScript driver does not), only private fields. What the Db sees
 * stands in for it: sessions open (each holds at most one pooled connection while it works, so
 * this bounds the connections in use) and queries in flight, by access mode.
 */
export class ServerMetrics {
  readonly registry = new Registry();
  private readonly names = new Set<string>();
  private readonly requests: Counter<'operation' | 'outcome'>;
  private readonly requestSeconds: Histogram<'operation'>;
  private readonly querySeconds: Histogram<'mode'>;
  private readonly queriesInFlight: Gauge<'mode'>;
  private readonly sessionsOpen: Gauge;
  private readonly sessionsOpened: Counter;
  private readonly ingestDocuments: Counter<'result'>;
  private readonly ingestFacts: Counter<'kind'>;
  private readonly ingestFailures: Counter<'code'>;
  private readonly cacheResults: Counter<'result'>;

  constructor() {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    this.requests = new Counter({
      name: 'kg_graphql_requests_total',
      help: 'GraphQL requests answered, by operation name (anonymous; other: past the name limit; unknown: refused before its operation was read) and outcome (error: the response has errors)',
      labelNames: ['operation', 'outcome'],
      registers,
    });
    this.requestSeconds = new Histogram({
      name: 'kg_graphql_request_duration_seconds',
      help: "Time from a GraphQL request's arrival to its response, by operation name (unknown: refused before its operation was read)",
      labelNames: ['operation'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    });
    this.querySeconds = new Histogram({
      name: 'kg_neo4j_query_duration_seconds',
      help: 'Time one Neo4j query took, by access mode (read: an auto-commit read; write: a statement of a write transaction or a schema statement)',
      labelNames: ['mode'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 60],
      registers,
    });
    this.queriesInFlight = new Gauge({ name: 'kg_neo4j_queries_in_flight', help: 'Neo4j queries sent and not yet answered, by access mode', labelNames: ['mode'], registers });
    this.sessionsOpen = new Gauge({ name: 'kg_neo4j_sessions_open', help: 'Neo4j sessions open now (each holds at most one pooled connection while it works)', registers });
    this.sessionsOpened = new Counter({ name: 'kg_neo4j_sessions_opened_total', help: 'Neo4j sessions opened', registers });
    this.ingestDocuments = new Counter({
      name: 'kg_ingest_documents_total',
      help: 'Documents ingestDocument processed (result new: written; unchanged: the graph already held it)',
      labelNames: ['result'],
      registers,
    });
    this.ingestFacts = new Counter({ name: 'kg_ingest_facts_total', help: 'New facts ingestDocument wrote, by kind', labelNames: ['kind'], registers });
    this.ingestFailures = new Counter({ name: 'kg_ingest_failures_total', help: 'ingestDocument calls that ended in an error, by error code', labelNames: ['code'], registers });
    this.cacheResults = new Counter({
      name: 'kg_response_cache_total',
      help: 'Response cache (src/api/response-cache.ts): read operations answered from it (hit), computed because it held no answer for the graph as it is (miss), and answers stored',
      labelNames: ['result'],
      registers,
    });
    // Series that exist from the start, at zero, so that rates and alerts need no special case for "never happened".
    for (const mode of ['read', 'write']) this.queriesInFlight.set({ mode }, 0);
    for (const result of ['new', 'unchanged']) this.ingestDocuments.inc({ result }, 0);
    for (const kind of Object.values(FACT_KINDS)) this.ingestFacts.inc({ kind }, 0);
    for (const result of ['hit', 'miss', 'stored']) this.cacheResults.inc({ result }, 0);
  }

  /**
   * The label value for an operation name. Names come from clients, so the label's cardinality is
   * bounded: characters outside GraphQL names become "_", long names are cut, an anonymous
   * operation is "anonymous", and after MAX_OPERATION_NAMES distinct names new ones are "other".
   */
  operationLabel(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    const label = name.replace(/[^A-Za-z0-9_]/g, '_').slice(0, MAX_NAME_LENGTH);
    if (this.names.has(label)) return label;
    if (this.names.size >= MAX_OPERATION_NAMES) return 'other';
    this.names.add(label);
    return label;
  }

  operationDone(name: string | null | undefined, outcome: Outcome, seconds: number): void {
    this.count(this.operationLabel(name), outcome, seconds);
  }

  /** A request refused before its operation was read (an API key refused, a malformed request): operation "unknown". */
  requestRefused(seconds: number): void {
    this.count('unknown', 'error', seconds);
  }

  private count(operation: string, outcome: Outcome, seconds: number): void {
    this.requests.inc({ operation, outcome });
    this.requestSeconds.observe({ operation }, seconds);
  }

  /** Counters of the response cache, by what it did. */
  readonly cache = {
    hit: () => this.cacheResults.inc({ result: 'hit' }),
    miss: () => this.cacheResults.inc({ result: 'miss' }),
    stored: () => this.cacheResults.inc({ result: 'stored' }),
  };

  ingested(written: Pick<IngestResult, 'newDocument' | 'facts'>): void {
    this.ingestDocuments.inc({ result: written.newDocument ? 'new' : 'unchanged' });
    for (const [field, kind] of Object.entries(FACT_KINDS) as [keyof typeof FACT_KINDS, string][]) this.ingestFacts.inc({ kind }, written.facts[field]);
  }

  ingestFailed(code: string): void {
    this.ingestFailures.inc({ code });
  }

  /** Sessions and queries of the server's Db (see Db.observe). */
  readonly dbObserver: DbObserver = {
    sessionOpened: () => {
      this.sessionsOpened.inc();
      this.sessionsOpen.inc();
      return () => this.sessionsOpen.dec();
    },
    queryStarted: (mode: AccessMode) => {
      const labels = { mode: mode === 'READ' ? 'read' : 'write' };
      this.queriesInFlight.inc(labels);
      const end = this.querySeconds.startTimer(labels);
      return () => {
        end();
        this.queriesInFlight.dec(labels);
      };
    },
  };

  /** GET /metrics: the Prometheus text format. */
  readonly handler: RequestHandler = async (_req, res) => {
    res.set('Content-Type', this.registry.contentType).send(await this.registry.metrics());
  };
}
