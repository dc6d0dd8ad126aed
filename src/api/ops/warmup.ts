/**
 * Warming Neo4j before the server says it is ready. A freshly started Neo4j answers its first
 * queries slowly: its page cache is empty, the Cypher planner's own code is not yet compiled by
 * the JVM, and every query text is planned on first use. Measured on the seed graph right after
 * `npm start` on the 2-core machine: the 22 acceptance questions took 26 s the first time and
 * 2.3 s the second, and under load several of the first ones ran past the 5 s read timeout. The
 * warm-up reads every node and relationship once (page cache), then asks the API's own kinds of
 * questions, each twice, through the whole request pipeline: the playground's examples and, for
 * data the graph holds, a lookup, the root lists, a search, a timeline and a path search.
 */
import type { ApolloServer } from '@apollo/server';
import type { Logger } from 'pino';
import type { Db } from '../../graph/db.js';
import { createContext, type Context } from '../context.js';
import { EXAMPLES } from '../examples.js';

/** How long the page-cache reads may run (a large graph takes a while; they are cut there). */
const TOUCH_TIMEOUT_MS = 120_000;

/** The questions of one round: root lists first (the people list gives the slugs the others use). */
export const LISTS = [
  'people(first: 5) { nodes { name slug posts { role organization { name } } citations { excerpt } } }',
  'organizations(first: 5) { nodes { name slug } }',
  'places(first: 5) { nodes { name slug } }',
  'facilities(first: 5) { nodes { name commitments { summary } } }',
  'programs(first: 5) { nodes { name } }',
  'events(first: 5) { nodes { title date { iso } place { name } participants { person { name } posts { role } citations { document { title } excerpt } } } }',
  'statements(first: 5) { nodes { summary speaker { name } figures { value unit } commitments { role commitment { summary } } citations { excerpt } } }',
  'commitments(first: 5) { nodes { summary status deadline { iso } statements { role statement { summary } } } }',
  'figures(first: 5) { nodes { value unit label sources { title } } }',
  'documents(first: 5) { nodes { title publisher } }',
  'posts(first: 5) { nodes { role holder { name } organization { name } from { iso } } }',
];

export function entityQuestions(slugs: string[]): string[] {
  const [a, b] = slugs;
  if (!a) return [];
  const q: string[] = [
    `{ person(slug: ${JSON.stringify(a)}) { name aliases posts { role from { iso } to { iso } organization { name } } events { title date { iso } } statements { summary } citations { document { title } excerpt } } }`,
    `{ timeline(entity: ${JSON.stringify(a)}) { date kind } }`,
    `{ search(query: ${JSON.stringify(a.split('-')[0] ?? a)}, first: 5) { score node { id } } }`,
  ];
  if (b) q.push(`{ paths(from: ${JSON.stringify(a)}, to: ${JSON.stringify(b)}, maxHops: 4, first: 1) { length hops { relationship citations { excerpt } } } }`);
  return q;
}

export interface WarmUpReport {
  ms: number;
  operations: number;
  failed: number;
}

/**
 * Warms Neo4j for the API (see above). Never throws: a question that fails is counted and
 * logged at debug level (the examples name seed entities another graph may lack).
 */
export async function warmUp(db: Db, apollo: ApolloServer<Context>, logger: Logger): Promise<WarmUpReport> {
  const started = Date.now();
  let operations = 0;
  let failed = 0;
  try {
    await db.runSchema('CALL db.awaitIndexes(300)');
    const touch = db.withTimeouts({ readMs: TOUCH_TIMEOUT_MS });
    await touch.readText('MATCH (n) RETURN count(n.id) AS nodes, sum(size(keys(n))) AS props');
    await touch.readText('MATCH ()-[r]->() RETURN count(r) AS relationships, sum(size(keys(r))) AS props');
    // the response cache's lookup, planned before the first request asks it
    await touch.read('read/cached-response', { key: '' });
  } catch (e) {
    logger.warn({ err: e }, 'warm-up: page-cache reads failed');
  }
  const ask = async (query: string): Promise<Record<string, unknown> | null> => {
    operations++;
    try {
      const res = await apollo.executeOperation({ query }, { contextValue: { ...createContext(db, { name: 'warm-up', role: 'reader' }), uncached: true } });
      const single = res.body.kind === 'single' ? res.body.singleResult : null;
      if (single?.errors?.length) {
        failed++;
        logger.debug({ query, errors: single.errors.map((e) => e.message) }, 'warm-up question answered an error');
      }
      return (single?.data as Record<string, unknown> | null | undefined) ?? null;
    } catch (e) {
      failed++;
      logger.debug({ err: e, query }, 'warm-up question failed');
      return null;
    }
  };
  for (let round = 0; round < 2; round++) {
    const people = await ask(`{ ${LISTS[0]} }`);
    const slugs = ((people?.people as { nodes?: { slug: string }[] } | null)?.nodes ?? []).map((n) => n.slug);
    for (const list of LISTS.slice(1)) await ask(`{ ${list} }`);
    for (const q of entityQuestions(slugs)) await ask(q);
    for (const example of EXAMPLES) await ask(example.query);
  }
  return { ms: Date.now() - started, operations, failed };
}
