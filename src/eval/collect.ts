/**
 * Asks the running GraphQL API what it knows of each evaluated document, as a client would:
 * the entities the document names and the facts it supports (with their citations), every post
 * held at each date a time question asks about, and the entities bearing each trap's names.
 */
import { holdersKey, type ACite, type ADate, type AEntity, type APost, type Answers, type DocAnswer } from './answers.js';
import type { GoldArticle } from './gold.js';
import { sameName } from './score.js';

const CITE = 'citations { document { id } start end excerpt }';
const ENTITY = `__typename id name aliases ... on Organization { acronym } ${CITE}`;
const NAMED = 'id name aliases';
const DATE = 'iso start end precision inferred';
const POST = `id role holder { ${NAMED} } organization { ${NAMED} acronym } jurisdiction { ${NAMED} } from { ${DATE} } to { ${DATE} } ${CITE}`;

const DOCUMENT_QUERY = `query EvalDocument($id: ID!) {
  document(id: $id) {
    id
    mentions { ${ENTITY} }
    supports {
      __typename id ${CITE}
      ... on Post { ${POST} }
      ... on Event { kind date { ${DATE} } place { name aliases } venue { name aliases } participants { person { ${NAMED} } } }
      ... on Statement { speaker { ${NAMED} } }
      ... on Figure { value unit label }
      ... on Commitment { deadline { ${DATE} } statements { statement { speaker { ${NAMED} } } } }
    }
  }
}`;

const HOLDERS_QUERY = `query EvalHolders($role: String!, $of: String!, $at: String!) {
  holders(role: $role, of: $of, at: $at) { holder { ${NAMED} } }
}`;

const SEARCH_QUERY = `query EvalNamed($q: String!) {
  search(query: $q, first: 20, types: [PERSON, ORGANIZATION, PLACE, FACILITY, PROGRAM]) { node { id ... on Entity { name aliases } } }
}`;

const DUPLICATES_QUERY = `query EvalDuplicates($after: String) {
  possibleDuplicates(first: 100, after: $after) { pageInfo { hasNextPage endCursor } nodes { a { id } b { id } } }
}`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- GraphQL response data: checked field by field below
type Json = any;

async function post(url: string, query: string, variables: Record<string, unknown>, allow: string[] = []): Promise<Json> {
  const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data?: Json; errors?: { message: string; extensions?: { code?: string } }[] };
  if (body.errors?.length && body.errors.every((e) => allow.includes(e.extensions?.code ?? ''))) return null;
  if (body.errors?.length) throw new Error(`the API answered ${body.errors.map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`).join('; ')}`);
  return body.data;
}

const names = (n: Json): string[] => (n ? [n.name, ...(n.aliases ?? []), n.acronym].filter((x: unknown): x is string => typeof x === 'string' && x.length > 0) : []);
const date = (d: Json): ADate | null => (d ? { iso: d.iso, start: d.start, end: d.end, precision: d.precision, inferred: d.inferred } : null);
const person = (n: Json): AEntity | null => (n ? { id: n.id, kind: 'Person', names: names(n), cites: [] } : null);
const citesIn =
  (docId: string) =>
  (n: Json): ACite[] =>
    (n.citations ?? []).filter((c: Json) => c.document?.id === docId).map((c: Json) => ({ start: c.start, end: c.end, excerpt: c.excerpt ?? null }));
const toPost = (p: Json, cites: (n: Json) => ACite[]): APost => ({
  id: p.id,
  role: p.role,
  holder: person(p.holder),
  of: [...names(p.organization), ...names(p.jurisdiction)],
  from: date(p.from),
  to: date(p.to),
  cites: cites(p),
});

/** What the API answers for one document (its file name), keeping only citations into it. */
async function collectDocument(url: string, fileName: string, text: string): Promise<DocAnswer> {
  const data = await post(url, DOCUMENT_QUERY, { id: fileName });
  const d = data?.document;
  const doc: DocAnswer = { found: !!d, text, entities: [], posts: [], events: [], statements: [], figures: [], commitments: [] };
  if (!d) return doc;
  const cites = citesIn(d.id);
  doc.entities = (d.mentions ?? []).map((e: Json) => ({ id: e.id, kind: e.__typename, names: names(e), cites: cites(e) }));
  for (const f of d.supports ?? []) {
    switch (f.__typename) {
      case 'Post':
        doc.posts.push(toPost(f, cites));
        break;
      case 'Event':
        doc.events.push({
          id: f.id,
          kind: f.kind,
          date: date(f.date),
          places: [...names(f.place), ...names(f.venue)],
          participants: (f.participants ?? []).map((p: Json) => names(p.person)),
          cites: cites(f),
        });
        break;
      case 'Statement':
        doc.statements.push({ id: f.id, speaker: f.speaker ? names(f.speaker) : null, cites: cites(f) });
        break;
      case 'Figure':
        doc.figures.push({ id: f.id, value: f.value, unit: f.unit, label: f.label ?? null, cites: cites(f) });
        break;
      case 'Commitment':
        doc.commitments.push({ id: f.id, makers: (f.statements ?? []).map((s: Json) => names(s.statement?.speaker)).filter((n: string[]) => n.length), deadline: date(f.deadline), cites: cites(f) });
        break;
      default:
        break;
    }
  }
  return doc;
}

/** Who the API says held the post at the date; null when it knows no body or place of that name. */
async function collectHolders(url: string, q: { role: string; of: string; at: string }): Promise<AEntity[] | null> {
  const data: Json = await post(url, HOLDERS_QUERY, q, ['NOT_FOUND']);
  if (!data) return null;
  return (data.holders as Json[]).map((p) => person(p.holder)).filter((h): h is AEntity => !!h);
}

/** Ids of the entities whose name or an alias is `name` (accents and case ignored). */
async function collectNamed(url: string, name: string): Promise<string[]> {
  const data = await post(url, SEARCH_QUERY, { q: name });
  return (data.search ?? [])
    .map((h: Json) => h.node)
    .filter((n: Json) => names(n).some((x) => sameName(x, name)))
    .map((n: Json) => n.id as string);
}

/** Everything the scorer needs, for the articles whose texts were ingested under `fileNames`. */
export async function collectAnswers(url: string, gold: GoldArticle[], files: Map<string, { fileName: string; text: string }>): Promise<Answers> {
  const answers: Answers = { documents: new Map(), holders: new Map(), entitiesNamed: new Map(), duplicates: [] };
  for (let after: string | null = null; ;) {
    const data: Json = await post(url, DUPLICATES_QUERY, { after });
    for (const p of data.possibleDuplicates.nodes) answers.duplicates.push([p.a.id, p.b.id]);
    if (!data.possibleDuplicates.pageInfo.hasNextPage) break;
    after = data.possibleDuplicates.pageInfo.endCursor;
  }
  for (const g of gold) {
    const f = files.get(g.id);
    if (f) answers.documents.set(g.id, await collectDocument(url, f.fileName, f.text));
    for (const q of g.temporal) if (!answers.holders.has(holdersKey(q))) answers.holders.set(holdersKey(q), await collectHolders(url, q));
    for (const t of g.traps) for (const n of [t.a, t.b]) if (!answers.entitiesNamed.has(n)) answers.entitiesNamed.set(n, await collectNamed(url, n));
  }
  return answers;
}
