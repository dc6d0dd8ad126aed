/**
 * Turns a GraphQL response into the vocabulary of the acceptance file: the events, people,
 * organizations, facilities, figures, posts, paths... that the answer holds.
 *
 * Nothing here knows a question. Objects are recognised by their `__typename`, wherever they sit
 * in the response; the operation decides what the answer holds by what it selects. The items at
 * the top of the response (list items, connection nodes, search hits, timeline entries) are the
 * answer's primary items: the things the question asks about, whose dates and speakers the
 * `date`, `start_date` and `speaker` expectations read.
 */
import { Kind, parse, type FieldNode, type OperationDefinitionNode } from 'graphql';

type Json = Record<string, unknown>;

/** An entity as the checker sees it: every name it answers to. */
export interface Named {
  id: string | null;
  typename: string;
  names: string[];
}

export interface DateRef {
  iso: string;
  precision: string | null;
}

export interface EventItem {
  id: string | null;
  date: DateRef | null;
  /** Names of the place, the places containing it, the venue and the venue's place. */
  placeNames: string[];
  participants: Named[];
}

export interface FigureItem {
  id: string | null;
  value: number;
  unit: string;
  asOf: string | null;
  changePercent: number | null;
  sources: string[];
  consistent: boolean | null;
}

export interface PostItem {
  role: string;
  holder: Named | null;
  /** The post's organization and the bodies containing it. */
  organizations: Named[];
  jurisdiction: Named | null;
}

export interface FacilityItem {
  entity: Named;
  placeNames: string[];
}

export interface CommitmentItem {
  id: string | null;
  statementDates: DateRef[];
}

export interface StatementItem {
  id: string | null;
  speaker: Named | null;
  date: DateRef | null;
}

export interface PathItem {
  length: number;
  hopCitations: number[];
}

export interface CitedSource {
  publisher: string | null;
  date: string | null;
}

export interface PrimaryItem {
  typename: string;
  /** Every date selected directly on the item (date, start, deadline, asOf, published, from). */
  dates: DateRef[];
  speaker: Named | null;
}

export interface Answer {
  errors: string[];
  /**
   * What the API said it holds nothing by (NOT_FOUND on an argument naming an entity): an answer,
   * not a failure. A question whose answer is "none" passes; one that expects items fails on them.
   */
  notFound: string[];
  primary: PrimaryItem[];
  events: EventItem[];
  people: Named[];
  organizations: Named[];
  facilities: FacilityItem[];
  figures: FigureItem[];
  posts: PostItem[];
  statements: StatementItem[];
  commitments: CommitmentItem[];
  paths: PathItem[];
  /** Every date anywhere in the answer. */
  dates: DateRef[];
  /** File names of the documents cited by, or reporting, the facts of the answer. */
  sources: Set<string>;
  /** Documents reached through a `cites` field: the outside sources a document cites. */
  citedSources: CitedSource[];
  /** Top search result for each `search(query: ...)` field of the operation. */
  searches: { query: string; top: Named | null }[];
  /** Facts that came back without citations (by typename and id). */
  uncited: string[];
}

const FACT_TYPES = new Set(['Event', 'Statement', 'Commitment', 'Figure', 'Post']);
const DATE_FIELDS = ['date', 'start', 'deadline', 'asOf', 'published', 'from'];

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function named(o: unknown): Named | null {
  if (!isObj(o)) return null;
  const names = [str(o.name), str(o.acronym), ...(Array.isArray(o.aliases) ? o.aliases.map(str) : [])].filter((n): n is string => !!n);
  if (names.length === 0) return null;
  return { id: str(o.id), typename: str(o.__typename) ?? '', names };
}

function dateRef(o: unknown): DateRef | null {
  if (!isObj(o) || typeof o.iso !== 'string') return null;
  return { iso: o.iso, precision: str(o.precision)?.toLowerCase() ?? null };
}

/** The place and every place it is part of. */
function placeChain(o: unknown): string[] {
  const out: string[] = [];
  for (let p = o; isObj(p); p = p.partOf) out.push(...(named(p)?.names ?? []));
  return out;
}

function organizationChain(o: unknown): Named[] {
  const out: Named[] = [];
  for (let p = o; isObj(p); p = p.parent) {
    const n = named(p);
    if (n) out.push(n);
  }
  return out;
}

function citationFiles(o: Json): string[] {
  const files: string[] = [];
  for (const c of Array.isArray(o.citations) ? o.citations : []) {
    if (isObj(c) && isObj(c.document) && typeof c.document.fileName === 'string') files.push(c.document.fileName);
  }
  return files;
}

function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** Unwraps connections, lists, search hits and timeline entries down to the items themselves. */
function primaryItems(v: unknown): Json[] {
  if (Array.isArray(v)) return v.flatMap(primaryItems);
  if (!isObj(v)) return [];
  if (Array.isArray(v.nodes)) return v.nodes.flatMap(primaryItems);
  if (Array.isArray(v.edges)) return v.edges.flatMap((e) => (isObj(e) ? primaryItems(e.node) : []));
  if (v.__typename === undefined && isObj(v.node)) return primaryItems(v.node);
  return [v];
}

/** alias (or field name) -> the `query` argument of each top-level `search` field. */
function searchQueries(operation: string, variables: Json): Map<string, string> {
  const out = new Map<string, string>();
  const doc = parse(operation);
  const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  for (const sel of op?.selectionSet.selections ?? []) {
    if (sel.kind !== Kind.FIELD || sel.name.value !== 'search') continue;
    const arg = (sel as FieldNode).arguments?.find((a) => a.name.value === 'query');
    let text: string | null = null;
    if (arg?.value.kind === Kind.STRING) text = arg.value.value;
    if (arg?.value.kind === Kind.VARIABLE) text = str(variables[arg.value.name.value]);
    if (text !== null) out.set(sel.alias?.value ?? sel.name.value, text);
  }
  return out;
}

export function readAnswer(operation: string, response: unknown, variables: Json = {}): Answer {
  const answer: Answer = {
    errors: [],
    notFound: [],
    primary: [],
    events: [],
    people: [],
    organizations: [],
    facilities: [],
    figures: [],
    posts: [],
    statements: [],
    commitments: [],
    paths: [],
    dates: [],
    sources: new Set(),
    citedSources: [],
    searches: [],
    uncited: [],
  };
  if (!isObj(response)) {
    answer.errors.push('response is not a JSON object');
    return answer;
  }
  for (const e of list(response.errors)) {
    const code = isObj(e) && isObj(e.extensions) ? String(e.extensions.code) : '';
    const line = isObj(e) ? `${String(e.message)} (${code})` : String(e);
    if (code === 'NOT_FOUND' && isObj(e) && isObj(e.extensions) && typeof e.extensions.argumentName === 'string') answer.notFound.push(line);
    else answer.errors.push(line);
  }
  const data = isObj(response.data) ? response.data : {};

  const seen = new Set<string>();
  const firstTime = (o: Json): boolean => {
    const key = `${String(o.__typename)}:${String(o.id ?? JSON.stringify(o))}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  };

  const visit = (v: unknown, field: string): void => {
    if (Array.isArray(v)) {
      for (const x of v) visit(x, field);
      return;
    }
    if (!isObj(v)) return;
    const type = str(v.__typename);
    const date = dateRef(v);
    if (date && 'iso' in v) answer.dates.push(date);
    if (field === 'citations' || field === 'quote') for (const f of citationFiles({ citations: [v] })) answer.sources.add(f);
    if (type === 'Document') {
      if (field === 'sources' && typeof v.fileName === 'string') answer.sources.add(v.fileName);
      if (field === 'cites') answer.citedSources.push({ publisher: str(v.publisher), date: dateRef(v.published)?.iso ?? null });
    }
    if (type && FACT_TYPES.has(type) && firstTime(v)) {
      if (!Array.isArray(v.citations) || v.citations.length === 0) answer.uncited.push(`${type} ${String(v.id ?? '')}`.trim());
      record(type, v);
    } else if (type && ['Person', 'Organization', 'Facility', 'Path'].includes(type) && firstTime(v)) {
      record(type, v);
    }
    for (const [k, child] of Object.entries(v)) visit(child, k);
  };

  const record = (type: string, o: Json): void => {
    switch (type) {
      case 'Event':
        answer.events.push({
          id: str(o.id),
          date: dateRef(o.date),
          placeNames: [...placeChain(o.place), ...(named(o.venue)?.names ?? []), ...(isObj(o.venue) ? placeChain(o.venue.place) : [])],
          participants: list(o.participants)
            .map((p) => (isObj(p) ? named(p.person) : null))
            .filter((p): p is Named => !!p),
        });
        break;
      case 'Statement':
        answer.statements.push({ id: str(o.id), speaker: named(o.speaker), date: dateRef(o.date) });
        break;
      case 'Commitment':
        answer.commitments.push({
          id: str(o.id),
          statementDates: list(o.statements)
            .map((s) => (isObj(s) && isObj(s.statement) ? dateRef(s.statement.date) : null))
            .filter((d): d is DateRef => !!d),
        });
        break;
      case 'Figure':
        answer.figures.push({
          id: str(o.id),
          value: Number(o.value),
          unit: str(o.unit) ?? '',
          asOf: dateRef(o.asOf)?.iso ?? null,
          changePercent: typeof o.changePercent === 'number' ? o.changePercent : null,
          sources: [
            ...new Set([
              ...citationFiles(o),
              ...list(o.sources)
                .map((d) => (isObj(d) ? str(d.fileName) : null))
                .filter((f): f is string => !!f),
            ]),
          ],
          consistent: isObj(o.agreement) && typeof o.agreement.consistent === 'boolean' ? o.agreement.consistent : null,
        });
        break;
      case 'Post':
        answer.posts.push({ role: str(o.role) ?? '', holder: named(o.holder), organizations: organizationChain(o.organization), jurisdiction: named(o.jurisdiction) });
        break;
      case 'Person': {
        const n = named(o);
        if (n) answer.people.push(n);
        break;
      }
      case 'Organization': {
        const n = named(o);
        if (n) answer.organizations.push(n);
        break;
      }
      case 'Facility': {
        const n = named(o);
        if (n) answer.facilities.push({ entity: n, placeNames: placeChain(o.place) });
        break;
      }
      case 'Path':
        answer.paths.push({ length: Number(o.length), hopCitations: list(o.hops).map((h) => (isObj(h) ? citationFiles(h).length : 0)) });
        break;
    }
  };

  const searches = searchQueries(operation, variables);
  for (const [key, value] of Object.entries(data)) {
    const query = searches.get(key);
    if (query !== undefined) {
      const top = list(value)[0];
      answer.searches.push({ query, top: isObj(top) ? named(top.node) : null });
    }
    for (const item of primaryItems(value)) {
      answer.primary.push({
        typename: str(item.__typename) ?? '',
        dates: DATE_FIELDS.map((f) => dateRef(item[f])).filter((d): d is DateRef => !!d),
        speaker: named(item.speaker),
      });
    }
    visit(value, key);
  }
  return answer;
}
