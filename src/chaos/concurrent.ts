/**
 * Phase 4, concurrent ingestion: eight bulletins naming the same officials in different forms.
 *
 * (a) all eight at once on a fresh server;
 * (b) one at a time, in the order (a)'s answers came back (its commit order), on another fresh
 *     server: any difference from (a) is the concurrency's doing (duplicates, lost citations);
 * (b′) one at a time in file order, on a third: any difference from (b) is the arrival order's.
 *
 * The graphs are compared with entityChecksum, which does not depend on which name form came
 * first. (c) One more bulletin sent four times at once to (a): exactly one answer may say
 * newDocument: true, and the graph must gain what one send adds to (b).
 */
import type { Agent } from 'node:http';
import { repeatedBulletin, sameOfficialsBulletins, type Bulletin } from './articles.js';
import { ENTITY_KINDS } from '../domain/model.js';
import { boltDriver, documentFootprint, entityChecksum, multisetMinus, unmatchedHolders, type DocumentFootprint, type EntityChecksum } from './checksum.js';
import { agent, gql } from './http.js';
import { INGEST, type IngestAnswer } from './outage.js';
import type { Report, Tally } from './report.js';
import type { ServerProcess } from './server-process.js';
import { progress } from './util.js';

export interface ConcurrentResult {
  checksumsMatch: boolean;
  /** (b) and (b′): the same documents one at a time in two orders */
  orderIndependent: boolean;
  duplicates: number;
  lostCitations: number;
  newDocumentTrue: number;
  sameAsOneSend: boolean;
  ingestFailures: number;
}

interface Ingested {
  fileName: string;
  ok: boolean;
  newDocument: boolean;
  answer: string;
  answeredAt: number;
}

interface Run {
  checksum: EntityChecksum;
  /** in the order the answers came back */
  answered: Ingested[];
  repeat?: { checksum: EntityChecksum; footprint: DocumentFootprint; answers: string[]; newDocumentTrue: number };
}

async function ingest(server: ServerProcess, via: Agent, tally: Tally, b: Bulletin): Promise<Ingested> {
  const { answer, outcome, body } = await gql<{ ingestDocument: IngestAnswer | null }>(server.base, via, INGEST, { input: { fileName: b.fileName, content: b.content } }, server.token);
  tally.add('concurrent-ingest', { method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json' }, body: `ingestDocument ${b.fileName}` }, answer, outcome);
  const r = body?.data?.ingestDocument;
  const ok = !!r && outcome.codes.length === 0;
  return { fileName: b.fileName, ok, newDocument: !!r?.newDocument, answer: ok ? (r!.newDocument ? 'new' : 'unchanged') : outcome.key, answeredAt: performance.now() };
}

/** Ingests `bulletins` (all at once, or one at a time in the order given), then sends the repeated bulletin `repeats` times at once. */
async function oneRun(server: ServerProcess, bulletins: Bulletin[], mode: 'at once' | 'one at a time', repeats: number, tally: Tally): Promise<Run> {
  const via = agent(8);
  const driver = boltDriver(server.boltUri);
  try {
    let answered: Ingested[];
    if (mode === 'at once') {
      answered = (await Promise.all(bulletins.map((b) => ingest(server, via, tally, b)))).sort((x, y) => x.answeredAt - y.answeredAt);
    } else {
      answered = [];
      for (const b of bulletins) answered.push(await ingest(server, via, tally, b));
    }
    const checksum = await entityChecksum(driver);
    if (!repeats) return { checksum, answered };
    const repeated = repeatedBulletin();
    const rs = await Promise.all(Array.from({ length: repeats }, () => ingest(server, via, tally, repeated)));
    return {
      checksum,
      answered,
      repeat: {
        checksum: await entityChecksum(driver),
        footprint: await documentFootprint(driver, repeated.fileName),
        answers: rs.map((r) => r.answer),
        newDocumentTrue: rs.filter((r) => r.ok && r.newDocument).length,
      },
    };
  } finally {
    await driver.close();
    via.destroy();
  }
}

const countsLine = (c: EntityChecksum) =>
  `${Object.entries(c.counts)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ')}, POSSIBLY_SAME_AS ${c.possiblySameAs}`;

/** What the repeated bulletin added to a graph: nodes per kind and links, after minus before. */
function delta(before: EntityChecksum, after: EntityChecksum): string {
  const parts = Object.keys(after.counts)
    .map((k) => [k, (after.counts[k] ?? 0) - (before.counts[k] ?? 0)] as const)
    .filter(([, n]) => n !== 0)
    .map(([k, n]) => `${k} ${n > 0 ? '+' : ''}${n}`);
  const links = after.possiblySameAs - before.possiblySameAs;
  if (links) parts.push(`POSSIBLY_SAME_AS +${links}`);
  return parts.join(', ') || 'nothing';
}

/** How two graphs differ, in lines: counts, entities and facts whose citations differ. */
function differences(A: EntityChecksum, B: EntityChecksum, a: string, b: string): string[] {
  const out: string[] = [];
  const counts = Object.keys({ ...A.counts, ...B.counts })
    .filter((k) => (A.counts[k] ?? 0) !== (B.counts[k] ?? 0))
    .map((k) => `${k} ${A.counts[k] ?? 0} in ${a}, ${B.counts[k] ?? 0} in ${b}`);
  if (A.possiblySameAs !== B.possiblySameAs) counts.push(`POSSIBLY_SAME_AS ${A.possiblySameAs} in ${a}, ${B.possiblySameAs} in ${b}`);
  if (counts.length) out.push(`Counts that differ: ${counts.join('; ')}.`);
  const list = (what: string, xs: string[]) => {
    if (xs.length) out.push(`${what} whose citations differ (${xs.length}): ${xs.slice(0, 8).join('; ')}${xs.length > 8 ? '; …' : ''}.`);
  };
  list('Entities', [...unmatchedHolders(A.entities, B.entities).map((x) => `${a} ${x}`), ...unmatchedHolders(B.entities, A.entities).map((x) => `${b} ${x}`)]);
  list('Facts', [...unmatchedHolders(A.facts, B.facts).map((x) => `${a} ${x}`), ...unmatchedHolders(B.facts, A.facts).map((x) => `${b} ${x}`)]);
  return out;
}

export async function runConcurrent(launch: (label: string) => Promise<ServerProcess>, stop: (s: ServerProcess) => Promise<void>, report: Report, tally: Tally): Promise<ConcurrentResult> {
  const section = report.section('Phase 4: concurrent ingestion');
  const bulletins = sameOfficialsBulletins();
  progress('concurrent-ingest: three fresh servers start; (a) 8 bulletins at once on the first');
  // the three fresh servers start together (their start-up is the slow part); each waits its turn
  const launchingB = launch('sequential-commit-order');
  const launchingB2 = launch('sequential-file-order');
  launchingB.catch(() => {});
  launchingB2.catch(() => {});
  const run = async (launching: Promise<ServerProcess>, work: (s: ServerProcess) => Promise<Run>): Promise<Run> => {
    const server = await launching;
    try {
      return await work(server);
    } finally {
      await stop(server);
    }
  };
  const concurrent = await run(launch('concurrent'), (s) => oneRun(s, bulletins, 'at once', 4, tally));
  const commitOrder = concurrent.answered.map((x) => bulletins.find((b) => b.fileName === x.fileName)!);
  progress('concurrent-ingest: (b) the same 8 one at a time, in the order (a) answered them');
  const sequential = await run(launchingB, (s) => oneRun(s, commitOrder, 'one at a time', 1, tally));
  progress('concurrent-ingest: (b′) the same 8 one at a time, in file order');
  const fileOrder = await run(launchingB2, (s) => oneRun(s, bulletins, 'one at a time', 0, tally));

  const A = concurrent.checksum;
  const B = sequential.checksum;
  const B2 = fileOrder.checksum;
  const checksumsMatch = A.digest === B.digest;
  const orderIndependent = B.digest === B2.digest;
  const duplicates = ENTITY_KINDS.reduce((s, k) => s + Math.max(0, (A.counts[k] ?? 0) - (B.counts[k] ?? 0)), 0);
  const lostNode = multisetMinus(B.nodeCites, A.nodeCites);
  const lostRel = multisetMinus(B.relCites, A.relCites);
  const lostCitations = lostNode.length + lostRel.length + A.sourcedWithoutCitation.length;
  const short = (f: string) => f.replace(/^chaos-bulletin-|\.md$/g, '');

  section.line('Eight invented bulletins (src/chaos/articles.ts) naming the same three officials, their bodies and one hospital in different forms, each on a fresh server (seed graph only).');
  section.table(
    ['', 'order', 'answers', 'nodes and links', 'checksum'],
    [
      ['(a) 8 at once', `answered ${concurrent.answered.map((x) => short(x.fileName)).join(' ')}`, concurrent.answered.map((x) => x.answer).join(' '), countsLine(A), A.digest.slice(0, 16)],
      ['(b) one at a time', `(a)'s: ${commitOrder.map((b) => short(b.fileName)).join(' ')}`, sequential.answered.map((x) => x.answer).join(' '), countsLine(B), B.digest.slice(0, 16)],
      ['(b′) one at a time', `files: ${bulletins.map((b) => short(b.fileName)).join(' ')}`, fileOrder.answered.map((x) => x.answer).join(' '), countsLine(B2), B2.digest.slice(0, 16)],
    ],
  );
  section.line(
    `Checksum (nodes per kind, POSSIBLY_SAME_AS links, each entity's set of citation keys) of (a) and (b): ${checksumsMatch ? 'equal' : 'different'}${A.factDigest === B.factDigest ? "; facts' citations equal too" : "; facts' citations differ"}.`,
  );
  for (const line of differences(A, B, '(a)', '(b)')) section.line(line);
  section.line(`Duplicates (entities of (a) beyond (b), per kind): ${duplicates}.`);
  section.line(
    `Lost citations: ${lostCitations} (node citations of (b) missing in (a): ${lostNode.length}${lostNode.length ? ` — ${lostNode.slice(0, 6).join(', ')}` : ''}; relationship citations: ${lostRel.length}${lostRel.length ? ` — ${lostRel.slice(0, 6).join(', ')}` : ''}; nodes of (a) SOURCED_FROM a document without a citation from it: ${A.sourcedWithoutCitation.length}${
      A.sourcedWithoutCitation.length
        ? ` — ${A.sourcedWithoutCitation
            .slice(0, 6)
            .map((x) => `${x.kind} ${x.name} ← ${x.document}`)
            .join(', ')}`
        : ''
    }).`,
  );
  const extra = multisetMinus(A.nodeCites, B.nodeCites).length + multisetMinus(A.relCites, B.relCites).length;
  if (extra) section.line(`Citations of (a) that (b) lacks: ${extra}.`);
  section.line(
    `Arrival order: (b) and (b′) ${orderIndependent ? 'equal: the graph does not depend on the order the documents came in' : 'differ: the same documents one at a time in another order give another graph'}.`,
  );
  if (!orderIndependent) for (const line of differences(B, B2, '(b)', '(b′)')) section.line(line);

  // (c) one document, four sends at once
  const rA = concurrent.repeat!;
  const rB = sequential.repeat!;
  const dA = delta(A, rA.checksum);
  const dB = delta(B, rB.checksum);
  const fp = (f: DocumentFootprint) => `${f.nodes.length} node citations, ${f.relationships.length} relationship citations, ${f.sourcedFrom} SOURCED_FROM`;
  const same = (x: string[], y: string[]) => multisetMinus(x, y).length === 0 && multisetMinus(y, x).length === 0;
  const sameAsOneSend =
    dA === dB && same(rA.footprint.nodes, rB.footprint.nodes) && same(rA.footprint.relationships, rB.footprint.relationships) && rA.footprint.sourcedFrom === rB.footprint.sourcedFrom;
  section.line('(c) One more bulletin, about other people, sent 4 times at once to server (a), and once to server (b):');
  section.table(
    ['', 'answers', 'added to the graph', 'what cites it'],
    [
      ['4 sends at once', rA.answers.join(' '), dA, fp(rA.footprint)],
      ['1 send', rB.answers.join(' '), dB, fp(rB.footprint)],
    ],
  );
  section.line(`Answers with newDocument: true: ${rA.newDocumentTrue} of 4. Graph as after one send: ${sameAsOneSend ? 'yes' : 'no'}.`);
  const failures = [...concurrent.answered, ...sequential.answered, ...fileOrder.answered].filter((x) => !x.ok).length;
  if (failures) section.line(`Ingests that failed: ${failures}.`);
  return { checksumsMatch, orderIndependent, duplicates, lostCitations, newDocumentTrue: rA.newDocumentTrue, sameAsOneSend, ingestFailures: failures };
}
