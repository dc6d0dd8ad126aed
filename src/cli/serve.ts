/**
 * `kg serve`: Neo4j (NEO4J_URI, else the local one, restarted whenever it dies), the migrations,
 * the seed graph when the database is empty, then the API, warmed up before it says it is ready,
 * until SIGINT or SIGTERM, which stop the server, the NLP engine and the Neo4j this process started.
 */
import { startServer } from '../api/server.js';
import type { Config } from '../config/env.js';
import { migrate } from '../graph/migrate.js';
import { Repository } from '../graph/repository.js';
import { loadSeed } from '../ingest/seed/load.js';
import { nlpEngine } from '../nlp/engine.js';
import { connectGraph } from './graph.js';

export async function serve(config: Config, log: (line: string) => void): Promise<number> {
  let server: Awaited<ReturnType<typeof startServer>> | null = null;
  // the local Neo4j is restarted when it dies; a restarted one is cold, so it is warmed again
  const graph = await connectGraph(log, {
    supervise: true,
    onRestarted: () => void server?.rewarm().then((r) => log(`Neo4j warmed again in ${(r.ms / 1000).toFixed(1)} s`)),
  });
  // started on the first ingestDocument, so the API answers at once
  const nlp = nlpEngine(log);
  const shutdown = async () => {
    log('stopping');
    await server?.stop();
    await nlp.stop();
    await graph.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  await migrate(graph.db, log);
  const count = await new Repository(graph.db).countNodes();
  if (count === 0) {
    log('database is empty: loading the seed graph');
    await loadSeed(graph.db, { log });
  } else {
    log(`database holds ${count} nodes: seed not reloaded (npm run seed reloads it)`);
  }
  server = await startServer({ db: graph.db, port: config.PORT, host: config.HOST, nlp, warmUp: true });
  const base = server.url.replace(/\/graphql$/, '');
  log(`warming Neo4j up: requests wait for it; ${base}/ready says when it is done`);
  const warm = await server.warmed;
  log(`warm-up done in ${((warm?.ms ?? 0) / 1000).toFixed(1)} s (${warm?.operations ?? 0} questions)`);
  log(`GraphQL API and playground at ${server.url}; liveness at ${base}/health, readiness at ${base}/ready`);
  return new Promise(() => {}); // runs until a signal
}
