/**
 * Phases 2 and 3: the local Neo4j killed (SIGKILL) under load, and what the server does about it.
 *
 * - neo4j-kill-reads: reads at concurrency 4; the Neo4j process killed; the server's supervisor
 *   is expected to start it again. Measured: the seconds from the Bolt port accepting TCP again,
 *   and from the database answering `RETURN 1` over Bolt again (a restarted Neo4j opens its port
 *   some seconds before its database is online), to the first successful GraphQL read, and every
 *   answer given during the outage (they should all be typed 503s). The suite never restarts Neo4j itself here: no restart is a finding.
 * - neo4j-kill-writes: ingestDocument mutations in flight when Neo4j is killed; after recovery,
 *   every document sent is either absent from the graph or complete, compared with a clean
 *   ingest of the same text under another file name.
 */
import type { Agent } from 'node:http';
import { generateArticles } from '../bench/articles.js';
import { absent, boltDriver, documentFootprint, footprintDifference, graphChecksum, graphDifference, sameGraph, type GraphChecksum } from './checksum.js';
import { agent, classify, gql, send, type Outcome, type RawRequest } from './http.js';
import type { Report, Tally } from './report.js';
import { acceptsTcp, isAlive, type ServerProcess } from './server-process.js';
import { bump, histogramText, int, now, pick, progress, secs, seeded, sleep, until, type Rng } from './util.js';

export const INGEST = `mutation Ingest($input: IngestDocumentInput!) {
  ingestDocument(input: $input) { newDocument document { id } facts { posts events statements commitments figures } newEntities { id } }
}`;

export interface IngestAnswer {
  newDocument: boolean;
  document: { id: string };
  facts: Record<string, number>;
  newEntities: { id: string }[];
}

export async function checksumOf(server: ServerProcess): Promise<GraphChecksum> {
  const driver = boltDriver(server.boltUri);
  try {
    return await graphChecksum(driver);
  } finally {
    await driver.close();
  }
}

/** One read that must succeed when the graph is up. */
async function readOk(server: ServerProcess, via: Agent, slug: string): Promise<boolean> {
  const { answer, body } = await gql<{ person: { name: string } | null }>(server.base, via, 'query Probe($s: String!) { person(slug: $s) { name } }', { s: slug }, undefined, 5000);
  return answer.status === 200 && !body?.errors?.length && !!body?.data?.person?.name;
}

interface Kill {
  pid: number;
  killedAt: number;
  /** when the Bolt port was seen refusing connections after the kill */
  portDownAt: number;
  /** when the Bolt port accepted TCP again; null: not within the wait */
  portBackAt: number | null;
  /** when the database first answered `RETURN 1` over Bolt after that (null: not before the first read) */
  onlineAt: number | null;
  /** first successful GraphQL read after that */
  firstReadAt: number | null;
  newPid: number | null;
  announced: boolean;
}

/**
 * SIGKILLs the server's Neo4j and waits for it to come back: the Bolt port accepting TCP
 * (polled every 100 ms), then a successful read (every 100 ms). Restarts nothing itself.
 */
async function killAndWatch(server: ServerProcess, slug: string, restartWaitMs: number, onKilled?: () => void): Promise<Kill | { error: string }> {
  const pid = server.neo4jPid();
  if (pid === null) return { error: 'the Neo4j process could not be found' };
  const startsBefore = server.neo4jStarts.length;
  const killedAt = Date.now();
  process.kill(pid, 'SIGKILL');
  onKilled?.();
  await until(() => !isAlive(pid), 10_000, 20);
  // the port stops accepting once the process is gone
  await until(async () => !(await acceptsTcp(server.boltPort, 200)), 5000, 20);
  const portDownAt = Date.now();
  let portBackAt: number | null = null;
  const back = await until(
    async () => {
      if (!server.running) return true;
      if (await acceptsTcp(server.boltPort, 300)) {
        portBackAt = Date.now();
        return true;
      }
      return false;
    },
    restartWaitMs,
    100,
  );
  if (!back || portBackAt === null) return { pid, killedAt, portDownAt, portBackAt: null, onlineAt: null, firstReadAt: null, newPid: null, announced: false };
  const via = agent(1);
  let firstReadAt: number | null = null;
  let onlineAt: number | null = null;
  // the database online, seen over Bolt directly (not through the server), polled beside the reads
  const bolt = boltDriver(server.boltUri);
  const online = until(
    async () => {
      if (firstReadAt !== null || !server.running) return true;
      const session = bolt.session();
      try {
        await session.run('RETURN 1');
        onlineAt = Date.now();
        return true;
      } catch {
        return false;
      } finally {
        await session.close().catch(() => {});
      }
    },
    60_000,
    100,
  );
  await until(
    async () => {
      if (!server.running) return true;
      if (await readOk(server, via, slug)) {
        firstReadAt = Date.now();
        return true;
      }
      return false;
    },
    60_000,
    100,
  );
  await online;
  await bolt.close().catch(() => {});
  via.destroy();
  const newPid = server.neo4jPid();
  // the first read may come before the probe saw the database: then it was online by then
  const seenOnline = onlineAt !== null && (firstReadAt === null || onlineAt <= firstReadAt) ? onlineAt : firstReadAt;
  return { pid, killedAt, portDownAt, portBackAt, onlineAt: seenOnline, firstReadAt, newPid, announced: server.neo4jStarts.length > startsBefore };
}

export interface KillReadsResult {
  cycles: { recoveryMs: number | null; onlineRecoveryMs: number | null; portBackMs: number | null; outage: Map<string, number>; pid: number; newPid: number | null; announced: boolean }[];
  restarted: boolean;
  /** answers received during outages that were typed 503s, of all of them */
  typed503: number;
  outageAnswers: number;
  before: GraphChecksum;
  after: GraphChecksum | null;
  crashed: boolean;
  error?: string;
}

const READS: ((rng: Rng, slugs: string[]) => string)[] = [
  (rng, s) => JSON.stringify({ query: 'query R1($s: String!) { person(slug: $s) { name posts { role } } }', variables: { s: pick(rng, s) } }),
  (rng) => JSON.stringify({ query: `query R2 { events(first: ${int(rng, 1, 20)}) { totalCount nodes { title } } }` }),
  (rng) => JSON.stringify({ query: `query R3 { search(query: ${JSON.stringify(pick(rng, ['salud', 'hospital', 'gobernadora', 'IMSS']))}) { score node { id } } }` }),
];

export async function runKillReads(server: ServerProcess, slugs: string[], opts: { seed: number; cycles: number; restartWaitMs: number }, report: Report, tally: Tally): Promise<KillReadsResult> {
  const section = report.section('Phase 2: Neo4j killed under reads');
  const before = await checksumOf(server);
  const via = agent(4);
  const rng = seeded(opts.seed ^ 0x2b2b);
  let stop = false;
  let typed503 = 0;
  let outageAnswers = 0;
  /** the load's answers of the current cycle */
  let answers: { sentAt: number; answeredAt: number; ok: boolean; outcome: Outcome }[] = [];
  const load = async () => {
    while (!stop && server.running) {
      const req: RawRequest = { method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json' }, body: pick(rng, READS)(rng, slugs) };
      const sentAt = Date.now();
      const a = await send(server.base, req, via, 30_000);
      const o = classify(a);
      tally.add('kill-reads load', req, a, o);
      answers.push({ sentAt, answeredAt: Date.now(), ok: a.status === 200 && o.codes.length === 0, outcome: o });
      if (a.status === null) await sleep(50);
    }
  };
  const workers = Array.from({ length: 4 }, load);
  const cycles: KillReadsResult['cycles'] = [];
  let restarted = true;
  let error: string | undefined;
  const probe = agent(1);
  for (let c = 1; c <= opts.cycles && server.running; c++) {
    if (!(await until(() => readOk(server, probe, slugs[0]!), 30_000, 200))) {
      error = 'reads did not succeed before the kill';
      break;
    }
    await sleep(1000);
    answers = [];
    progress(`neo4j-kill-reads: kill ${c}/${opts.cycles}`);
    const k = await killAndWatch(server, slugs[0]!, opts.restartWaitMs);
    if ('error' in k) {
      error = k.error;
      break;
    }
    // the outage: requests sent once the Bolt port refused connections and answered before the
    // first successful read; successes once the port is back are the recovery, not the outage
    const end = k.firstReadAt ?? Date.now();
    const window = new Map<string, number>();
    for (const x of answers) {
      if (x.sentAt < k.portDownAt || x.answeredAt > end || (x.ok && k.portBackAt !== null && x.sentAt >= k.portBackAt)) continue;
      bump(window, x.outcome.key);
      // a read answered from what the server already had is no error: only errors must be typed 503s
      if (x.ok) continue;
      outageAnswers++;
      if (x.outcome.typed503) typed503++;
    }
    const recoveryMs = k.portBackAt !== null && k.firstReadAt !== null ? k.firstReadAt - k.portBackAt : null;
    const onlineRecoveryMs = k.onlineAt !== null && k.firstReadAt !== null ? k.firstReadAt - k.onlineAt : null;
    cycles.push({ recoveryMs, onlineRecoveryMs, portBackMs: k.portBackAt === null ? null : k.portBackAt - k.killedAt, outage: window, pid: k.pid, newPid: k.newPid, announced: k.announced });
    progress(
      `neo4j-kill-reads: kill ${c}: ${k.portBackAt === null ? `not restarted within ${opts.restartWaitMs / 1000} s` : `port back after ${secs(k.portBackAt - k.killedAt)}, first read ${recoveryMs === null ? 'never' : `${secs(recoveryMs)} later`}`}`,
    );
    if (k.portBackAt === null) {
      restarted = false;
      break;
    }
    await sleep(2000);
  }
  stop = true;
  await Promise.all(workers);
  via.destroy();
  probe.destroy();
  const crashed = !server.running;
  const after = restarted && !crashed ? await checksumOf(server) : null;

  section.table(
    ['kill', 'Neo4j pid', 'new pid', 'announced by the server', 'port back after kill', 'port back → first read', 'database online → first read', 'answers during the outage'],
    cycles.map((c, i) => [
      i + 1,
      c.pid,
      c.newPid ?? '–',
      c.announced ? 'yes' : 'no',
      c.portBackMs === null ? `not restarted within ${opts.restartWaitMs / 1000} s` : secs(c.portBackMs),
      c.recoveryMs === null ? '–' : secs(c.recoveryMs),
      c.onlineRecoveryMs === null ? '–' : secs(c.onlineRecoveryMs),
      histogramText(c.outage),
    ]),
  );
  section.line(
    `Error answers during outages (requests sent once the Bolt port refused connections, answered before the first successful read): ${outageAnswers}, of which typed 503s (DATABASE_UNAVAILABLE or DATABASE_BUSY with HTTP 503): ${typed503}.`,
  );
  if (error) section.line(`Stopped early: ${error}.`);
  if (crashed) section.line(`**The server exited** (${JSON.stringify(server.exit)}). Last lines:\n\n\`\`\`\n${server.lastLines()}\n\`\`\``);
  section.line(`Graph checksum before and after: ${after ? (sameGraph(before, after) ? 'equal' : `different: ${graphDifference(before, after)}`) : 'not taken (Neo4j not back)'}.`);
  return { cycles, restarted, typed503, outageAnswers, before, after, crashed, ...(error ? { error } : {}) };
}

// ---------------------------------------------------------------------------------------------

/** Write statements the server has sent to Neo4j and not yet seen answered (kg_neo4j_queries_in_flight). */
async function writesInFlight(server: ServerProcess, via: Agent): Promise<number> {
  const a = await send(server.base, { method: 'GET', path: '/metrics' }, via, 2000);
  const m = /^kg_neo4j_queries_in_flight\{mode="write"\} (\d+)/m.exec(a.body);
  return m ? Number(m[1]) : 0;
}

interface SentDocument {
  fileName: string;
  content: string;
  cycle: number;
  sentAt: number;
  answeredAt: number | null;
  /** "newDocument", "unchanged", or the answer's status and codes */
  answer: string;
  acknowledged: boolean;
  inFlightAtKill: boolean;
}

export interface KillWritesResult {
  documents: number;
  inFlight: number;
  partial: number;
  acknowledgedLost: number;
  controlMismatch: number;
  restartedByServer: boolean;
  server: ServerProcess;
  error?: string;
}

export async function runKillWrites(
  initial: ServerProcess,
  relaunch: (previous: ServerProcess) => Promise<ServerProcess>,
  opts: { seed: number; cycles: number; restartWaitMs: number; concurrency: number; probeSlug: string },
  report: Report,
  tally: Tally,
): Promise<KillWritesResult> {
  const section = report.section('Phase 3: Neo4j killed under writes');
  let server = initial;
  const articles = generateArticles(200, opts.seed).map((a, i) => ({ ...a, fileName: `chaos-write-${String(i + 1).padStart(3, '0')}.md` }));
  let nextArticle = 0;
  const sent: SentDocument[] = [];
  const rng = seeded(opts.seed ^ 0x3c3c);
  const via = agent(opts.concurrency + 1);

  const ingest = async (cycle: number, killedAt: () => number | null): Promise<void> => {
    const article = articles[nextArticle++];
    if (!article) return;
    const doc: SentDocument = { fileName: article.fileName, content: article.content, cycle, sentAt: Date.now(), answeredAt: null, answer: '', acknowledged: false, inFlightAtKill: false };
    sent.push(doc);
    const req = {
      method: 'POST' as const,
      path: '/graphql',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` },
      body: JSON.stringify({ query: INGEST, variables: { input: { fileName: article.fileName, content: article.content } } }),
    };
    const a = await send(server.base, req, via, 120_000);
    const o = classify(a);
    tally.add('kill-writes ingest', req, a, o);
    doc.answeredAt = Date.now();
    const body = (() => {
      try {
        return JSON.parse(a.body) as { data?: { ingestDocument?: IngestAnswer | null } };
      } catch {
        return null;
      }
    })();
    const result = body?.data?.ingestDocument;
    doc.acknowledged = !!result && a.status === 200 && o.codes.length === 0;
    doc.answer = doc.acknowledged ? (result!.newDocument ? 'newDocument' : 'unchanged') : o.key;
    const k = killedAt();
    doc.inFlightAtKill = k !== null && doc.sentAt <= k && doc.answeredAt >= k;
  };

  // warm-up: the first ingest starts the NLP engine; these documents are the control group
  progress('neo4j-kill-writes: warm-up ingests (the first starts the NLP engine)');
  const warm: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = now();
    await ingest(0, () => null);
    warm.push(now() - t);
  }
  const typical = warm.slice(1).reduce((s, x) => s + x, 0) / Math.max(1, warm.length - 1);

  let restartedByServer = true;
  let error: string | undefined;
  const recoveries: string[] = [];
  const triggers: string[] = [];
  // once the server has shown it does not restart Neo4j, the next kills do not wait the full time again
  const restartWait = () => (restartedByServer ? opts.restartWaitMs : 15_000);
  for (let c = 1; c <= opts.cycles; c++) {
    if (!server.running) {
      error = 'the server exited';
      break;
    }
    let killedAt: number | null = null;
    let stop = false;
    const writer = async () => {
      while (!stop && server.running) await ingest(c, () => killedAt);
    };
    const writers = Array.from({ length: opts.concurrency }, writer);
    // the first kill ~300 ms after the mutations start; the others the moment the server has a
    // write statement in flight (its /metrics gauge), so that a transaction is cut half-way
    let trigger: string;
    if (c === 1) {
      const delay = 300 + Math.round(rng() * 200);
      await sleep(delay);
      trigger = `${delay} ms after the writes started`;
    } else {
      await sleep(Math.round(rng() * typical * 0.5));
      const seen = await until(async () => (await writesInFlight(server, via)) > 0, 10_000, 15);
      trigger = seen ? 'with a write statement in flight (/metrics)' : 'after 10 s without seeing a write statement in flight';
    }
    progress(`neo4j-kill-writes: kill ${c}/${opts.cycles}, ${trigger} (${sent.filter((d) => d.answeredAt === null).length} mutations in flight)`);
    triggers.push(`kill ${c} ${trigger}`);
    const waited = restartWait();
    const k = await killAndWatch(server, opts.probeSlug, waited, () => {
      killedAt = Date.now();
      stop = true;
    });
    await Promise.all(writers);
    if ('error' in k) {
      error = k.error;
      break;
    }
    if (k.portBackAt === null || k.firstReadAt === null) {
      // no supervisor brought it back: recover as a user would, by starting the server again on the same data
      restartedByServer = false;
      progress(`neo4j-kill-writes: Neo4j not restarted by the server; starting the server again on the same data`);
      server = await relaunch(server);
      recoveries.push(`kill ${c}: not restarted by the server within ${waited / 1000} s; the suite started the server again on the same data folder`);
    } else {
      recoveries.push(`kill ${c}: Neo4j back after ${secs(k.portBackAt - k.killedAt)}, first read ${secs(k.firstReadAt - k.portBackAt)} later`);
    }
    await sleep(1000);
  }

  // after recovery: every document sent, absent or complete
  progress(`neo4j-kill-writes: checking ${sent.length} documents against clean ingests of the same texts`);
  const driver = boltDriver(server.boltUri);
  const rows: (string | number)[][] = [];
  let partial = 0;
  let acknowledgedLost = 0;
  let controlMismatch = 0;
  try {
    for (const doc of sent) {
      const f = await documentFootprint(driver, doc.fileName);
      let state: string;
      let detail = '';
      if (absent(f)) {
        state = 'absent';
        if (doc.acknowledged && doc.answer === 'newDocument') {
          acknowledgedLost++;
          state = 'absent, though the mutation answered newDocument: true';
        }
      } else {
        const refName = `ref-${doc.fileName}`;
        const { body, outcome } = await gql<{ ingestDocument: IngestAnswer | null }>(server.base, via, INGEST, { input: { fileName: refName, content: doc.content } }, server.token);
        const ref = await documentFootprint(driver, refName);
        if (!body?.data?.ingestDocument || !ref.exists) {
          state = 'not compared';
          detail = `the clean ingest failed: ${outcome.key}`;
        } else {
          detail = footprintDifference(f, ref);
          state = detail ? 'PARTIAL' : 'complete';
          if (detail) {
            if (doc.acknowledged && !doc.inFlightAtKill) controlMismatch++;
            else partial++;
          }
        }
      }
      if (doc.inFlightAtKill || state !== 'complete' || doc.cycle === 0) rows.push([doc.fileName, doc.cycle || 'warm-up', doc.inFlightAtKill ? 'yes' : 'no', doc.answer, state, detail || '–']);
    }
  } finally {
    await driver.close();
    via.destroy();
  }
  const inFlight = sent.filter((d) => d.inFlightAtKill).length;
  section.line(
    `${sent.length} documents sent (3 warm-up, then ${opts.concurrency} writers at a time; typical ingest ${Math.round(typical)} ms), ${inFlight} in flight when Neo4j was killed. ${recoveries.join('; ')}.`,
  );
  section.line(`When: ${triggers.join('; ')}.`);
  section.line('Documents in flight at a kill, warm-up documents (the control group) and any not complete:');
  section.table(['document', 'kill', 'in flight', 'answer', 'graph after recovery', 'difference from a clean ingest'], rows);
  section.line(
    `Partial writes: ${partial}. Acknowledged documents missing after recovery: ${acknowledgedLost}. Acknowledged documents that differ from their clean ingest (a partial write, or a limit of the comparison): ${controlMismatch}.`,
  );
  if (error) section.line(`Stopped early: ${error}.`);
  return { documents: sent.length, inFlight, partial, acknowledgedLost, controlMismatch, restartedByServer, server, ...(error ? { error } : {}) };
}
