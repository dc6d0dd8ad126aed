import { Router } from 'express';
import type { Logger } from 'pino';
import type { Db } from '../../graph/db.js';

/** How long /ready waits for Neo4j: its answer comes within 2 s, whatever Neo4j does. */
const READY_TIMEOUT_MS = 1_500;

type Neo4jState = 'up' | 'down' | 'timeout';

/**
 * Readiness checks of Neo4j: one probe at a time. A hung Neo4j (a stopped process accepts TCP and
 * never answers) holds a probe for as long as its connection lives; callers arriving meanwhile
 * wait on that same probe, each for at most `timeoutMs`, instead of sending one more query to
 * hang beside it. The next probe starts once it settles.
 */
class Readiness {
  private inFlight: Promise<Neo4jState> | null = null;
  private last: Neo4jState | null = null;

  constructor(
    private readonly probe: () => Promise<void>,
    private readonly logger: Logger,
    private readonly timeoutMs = READY_TIMEOUT_MS,
  ) {}

  async check(): Promise<Neo4jState> {
    this.inFlight ??= this.probe().then(
      () => this.settled('up'),
      (e: unknown) => this.settled('down', e),
    );
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<Neo4jState>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), this.timeoutMs);
    });
    try {
      const state = await Promise.race([this.inFlight, timeout]);
      if (state === 'timeout') this.note(state);
      return state;
    } finally {
      clearTimeout(timer);
    }
  }

  private settled(state: Neo4jState, error?: unknown): Neo4jState {
    this.inFlight = null;
    this.note(state, error);
    return state;
  }

  /** A change of state is logged once, not at every check. */
  private note(state: Neo4jState, error?: unknown): void {
    if (state === this.last) return;
    this.last = state;
    if (state === 'up') this.logger.info({ neo4j: state }, 'neo4j ready');
    else this.logger.warn({ neo4j: state, ...(error ? { err: error } : {}) }, 'neo4j not ready');
  }
}

/**
 * /health: liveness. The process serves HTTP; it touches no database, so a Neo4j outage never
 * gets a healthy server restarted. /ready: readiness. Neo4j answered a query within
 * READY_TIMEOUT_MS and the server's warm-up is over (200), or not (503, `status` says which:
 * `unavailable` or `warming`): send no traffic here for now.
 */
export function healthRoutes(db: Db, logger: Logger, warming: () => boolean = () => false): Router {
  const readiness = new Readiness(() => db.probe(), logger);
  const router = Router();
  router.get('/health', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ status: 'ok' });
  });
  router.get('/ready', async (_req, res) => {
    const neo4j = await readiness.check();
    if (neo4j === 'up' && warming()) {
      res.set('Cache-Control', 'no-store').status(503).json({ status: 'warming', neo4j });
      return;
    }
    res
      .set('Cache-Control', 'no-store')
      .status(neo4j === 'up' ? 200 : 503)
      .json({ status: neo4j === 'up' ? 'ready' : 'unavailable', neo4j });
  });
  return router;
}
