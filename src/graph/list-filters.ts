/**
 * The filters of each list query (cypher/read/list-<name>.cypher, and the variants that start
 * from a participant or a speaker), typed: what the API's list resolvers hand the repository.
 * Every filter is sent, null or [] when the request gives none (Neo4j refuses a query whose
 * parameter is missing). The page (`skip`, `limit`), the order (`desc`) and a variant's `anchor`
 * are added by the repository. test/unit/list-filters.test.ts checks these keys against the
 * parameters of the Cypher files.
 */
import type { EntityKind } from '../domain/model.js';

type Text = string | null;
/** An ISO day (a range's first or last), from dateArg */
type Day = string | null;

export interface ListFilters {
  events: { participants: string[]; place: Text; involves: Text; kinds: string[]; from: Day; to: Day; text: Text; document: Text; reviewStatuses: string[] };
  statements: { speaker: Text; about: Text; event: Text; kinds: string[]; from: Day; to: Day; text: Text; document: Text; reviewStatuses: string[] };
  /** `today`: the day a commitment's status is judged on */
  commitments: { concerning: Text; statuses: string[]; madeBy: Text; today: string; deadlineFrom: Day; deadlineTo: Day; text: Text; document: Text; reviewStatuses: string[] };
  figures: { metric: Text; unit: Text; subject: Text; text: Text; document: Text; reviewStatuses: string[] };
  documents: { publisher: Text; kinds: string[]; from: Day; to: Day; text: Text };
  /** `at`, `atEnd`: the first and last day a post must cover */
  posts: { person: Text; organization: Text; jurisdiction: Text; at: Day; atEnd: Day; text: Text; reviewStatuses: string[] };
  entities: { kind: EntityKind; text: Text; categories: string[]; within: Text; document: Text; order: string };
}

export type ListName = keyof ListFilters;

/** Every key of T, each once: the compiler refuses a list that leaves one out. */
const allKeys =
  <T>() =>
  <const K extends readonly (keyof T)[]>(...keys: K & ([Exclude<keyof T, K[number]>] extends [never] ? unknown : never)): K =>
    keys;

/** The keys of each list's filters, at run time (the Cypher files are checked against them). */
export const LIST_FILTER_KEYS: { readonly [N in ListName]: readonly string[] } = {
  events: allKeys<ListFilters['events']>()('participants', 'place', 'involves', 'kinds', 'from', 'to', 'text', 'document', 'reviewStatuses'),
  statements: allKeys<ListFilters['statements']>()('speaker', 'about', 'event', 'kinds', 'from', 'to', 'text', 'document', 'reviewStatuses'),
  commitments: allKeys<ListFilters['commitments']>()('concerning', 'statuses', 'madeBy', 'today', 'deadlineFrom', 'deadlineTo', 'text', 'document', 'reviewStatuses'),
  figures: allKeys<ListFilters['figures']>()('metric', 'unit', 'subject', 'text', 'document', 'reviewStatuses'),
  documents: allKeys<ListFilters['documents']>()('publisher', 'kinds', 'from', 'to', 'text'),
  posts: allKeys<ListFilters['posts']>()('person', 'organization', 'jurisdiction', 'at', 'atEnd', 'text', 'reviewStatuses'),
  entities: allKeys<ListFilters['entities']>()('kind', 'text', 'categories', 'within', 'document', 'order'),
};
