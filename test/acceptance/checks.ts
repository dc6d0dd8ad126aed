/**
 * One checker per expectation key of the acceptance file. Each returns the problems it finds
 * (empty when the answer holds what the key says). A key without a checker is itself a problem,
 * so an expectation can never pass unread.
 *
 * Comparison rules (from the acceptance file's header): entities match by canonical name or any
 * alias, ignoring accents and case; figures by value and unit; dates by ISO string, a `between`
 * range accepting any date inside it. Free-text descriptions (`about`, topics) say what a figure
 * or statement is for the reader; they are not matched against the graph's own wording.
 */
import type { Answer, DateRef, Named } from './answer.js';

type Problems = string[];
type Expect = Record<string, unknown>;
type Checker = (expected: any, answer: Answer, expect: Expect) => Problems;

/** Lower case, no accents, punctuation as spaces: the acceptance file's comparison form. */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const matches = (name: string, entity: Named | null | undefined): boolean => !!entity && entity.names.some((n) => fold(n) === fold(name));
const show = (e: Named): string => e.names[0] ?? e.id ?? '?';

/** A place name given in the file appears, as whole words, among the names of a place chain. */
const inPlaces = (place: string, names: string[]): boolean => names.some((n) => ` ${fold(n)} `.includes(` ${fold(place)} `));

/** `2024-01-12`, or `{between: [from, to]}`. */
type DateSpec = string | { between: [string, string] };

function dateMatches(spec: DateSpec, d: DateRef | null | undefined): boolean {
  if (!d) return false;
  if (typeof spec === 'string') return d.iso === spec;
  const [from, to] = spec.between;
  return d.iso.length === 10 && d.iso >= from && d.iso <= to;
}
const showSpec = (s: DateSpec): string => (typeof s === 'string' ? s : `between ${s.between.join(' and ')}`);

function unique(entities: Named[]): Named[] {
  const seen = new Map<string, Named>();
  for (const e of entities) seen.set(e.id ?? show(e), e);
  return [...seen.values()];
}

function exactly(label: string, expected: string[], got: Named[]): Problems {
  const problems = includes(label, expected, got);
  for (const e of unique(got)) if (!expected.some((n) => matches(n, e))) problems.push(`${label}: unexpected ${show(e)}`);
  return problems;
}

function includes(label: string, expected: string[], got: Named[]): Problems {
  return expected.filter((n) => !got.some((e) => matches(n, e))).map((n) => `${label}: missing ${n}`);
}

function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
}

function nonEmpty(label: string, n: number): Problems {
  return n === 0 ? [`${label}: the answer holds none`] : [];
}

const eventsAll = (label: string, a: Answer, test: (e: Answer['events'][number]) => boolean, what: string): Problems => [
  ...nonEmpty('events', a.events.length),
  ...a.events.filter((e) => !test(e)).map((e) => `${label}: event ${e.id} ${what}`),
];

export const CHECKERS: Record<string, Checker> = {
  event_date: (d: string, a) => eventsAll('event_date', a, (e) => dateMatches(d, e.date), `is not dated ${d}`),
  event_date_between: (r: [string, string], a) => eventsAll('event_date_between', a, (e) => dateMatches({ between: r }, e.date), `is not dated between ${r[0]} and ${r[1]}`),
  place_includes: (p: string, a) => eventsAll('place_includes', a, (e) => inPlaces(p, e.placeNames), `is not held in ${p}`),
  event_count_exactly: (n: number, a) => (a.events.length === n ? [] : [`event_count_exactly: ${a.events.length} events, expected ${n}`]),
  event_dates: (specs: DateSpec[], a) => {
    const left = [...a.events];
    const problems: Problems = [];
    for (const s of specs) {
      const i = left.findIndex((e) => dateMatches(s, e.date));
      if (i < 0) problems.push(`event_dates: no event dated ${showSpec(s)}`);
      else left.splice(i, 1);
    }
    return problems;
  },
  ordered_event_dates: (specs: DateSpec[], a) => {
    if (a.events.length !== specs.length) return [`ordered_event_dates: ${a.events.length} events, expected ${specs.length}`];
    return specs.flatMap((s, i) => (dateMatches(s, a.events[i]?.date) ? [] : [`ordered_event_dates: event ${i + 1} is dated ${a.events[i]?.date?.iso}, expected ${showSpec(s)}`]));
  },
  ordered: (direction: string, a) => {
    if (a.events.length < 2) return [`ordered: ${a.events.length} events, nothing to order`];
    const isos = a.events.map((e) => e.date?.iso ?? '');
    const sorted = [...isos].sort();
    if (direction === 'descending') sorted.reverse();
    return isos.every((d, i) => d === sorted[i]) ? [] : [`ordered: events are not in ${direction} date order (${isos.join(', ')})`];
  },

  people_exactly: (names: string[], a) => exactly('people', names, a.people),
  people_includes: (names: string[], a) => includes('people', names, a.people),
  organizations_includes: (names: string[], a) => includes('organizations', names, a.organizations),
  organization: (name: string, a) => includes('organization', [name], a.organizations),
  facility: (name: string, a) =>
    includes(
      'facility',
      [name],
      a.facilities.map((f) => f.entity),
    ),
  facility_aliases_include: (aliases: string[], a, expect) => {
    const f = a.facilities.find((x) => matches(String(expect.facility), x.entity));
    if (!f) return [`facility_aliases_include: the answer holds no facility named ${String(expect.facility)}`];
    return aliases.filter((n) => !matches(n, f.entity)).map((n) => `facility_aliases_include: ${show(f.entity)} is not also known as ${n}`);
  },
  facilities_exactly: (expected: { name: string; place: string }[], a) => {
    const problems: Problems = [];
    for (const x of expected) {
      const f = a.facilities.find((y) => matches(x.name, y.entity));
      if (!f) problems.push(`facilities: missing ${x.name}`);
      else if (!inPlaces(x.place, f.placeNames)) problems.push(`facilities: ${x.name} is in ${f.placeNames.join(' < ') || 'no place'}, not ${x.place}`);
    }
    for (const f of unique(a.facilities.map((y) => y.entity))) if (!expected.some((x) => matches(x.name, f))) problems.push(`facilities: unexpected ${show(f)}`);
    return problems;
  },

  resolves: (table: Record<string, string>, a) =>
    Object.entries(table).flatMap(([query, name]) => {
      const s = a.searches.find((x) => x.query === query);
      if (!s) return [`resolves: the operation has no search for "${query}"`];
      if (!s.top) return [`resolves: "${query}" found nothing`];
      return matches(name, s.top) ? [] : [`resolves: "${query}" -> ${show(s.top)}, expected ${name}`];
    }),

  positions_includes: (expected: { person?: string; role: string; organization?: string; jurisdiction?: string }[], a) =>
    expected.flatMap((x) => {
      const ok = a.posts.some(
        (p) =>
          fold(p.role) === fold(x.role) &&
          (!x.person || matches(x.person, p.holder)) &&
          (!x.organization || p.organizations.some((o) => matches(x.organization!, o))) &&
          (!x.jurisdiction || matches(x.jurisdiction, p.jurisdiction)),
      );
      return ok ? [] : [`positions: missing ${[x.person, x.role, x.organization, x.jurisdiction].filter(Boolean).join(', ')}`];
    }),

  speaker: (name: string, a) => {
    const statements = a.primary.filter((p) => p.typename === 'Statement');
    return [
      ...nonEmpty('statements', statements.length),
      ...statements.filter((s) => !matches(name, s.speaker)).map((s) => `speaker: a statement is by ${s.speaker ? show(s.speaker) : 'nobody'}, not ${name}`),
    ];
  },
  statement_count_at_least: (n: number, a) => {
    const count = a.primary.filter((p) => p.typename === 'Statement').length;
    return count >= n ? [] : [`statement_count_at_least: ${count} statements, expected at least ${n}`];
  },
  /** Topics are prose for the reader; the answer must hold at least one statement per topic. */
  statements_include_topics: (topics: string[], a) => {
    const count = a.primary.filter((p) => p.typename === 'Statement').length;
    return count >= topics.length ? [] : [`statements_include_topics: ${count} statements for ${topics.length} topics`];
  },

  date: (d: string, a) => [
    ...nonEmpty('items', a.primary.length),
    ...a.primary.filter((p) => !p.dates.some((x) => x.iso === d)).map((p) => `date: a ${p.typename} is dated ${p.dates.map((x) => x.iso).join('/') || 'nothing'}, not ${d}`),
  ],
  date_precision: (precision: string, a) => [
    ...nonEmpty('items', a.primary.length),
    ...a.primary.filter((p) => !p.dates.some((x) => x.precision === precision)).map((p) => `date_precision: a ${p.typename} has no ${precision}-precision date`),
  ],
  start_date: (d: string, a) => [
    ...nonEmpty('items', a.primary.length),
    ...a.primary.filter((p) => !p.dates.some((x) => x.iso === d)).map((p) => `start_date: a ${p.typename} does not start on ${d}`),
  ],
  dates_includes: (expected: { date: DateSpec }[], a) => expected.filter((x) => !a.dates.some((d) => dateMatches(x.date, d))).map((x) => `dates: no date ${showSpec(x.date)} in the answer`),

  figures_includes: (expected: { value: number; unit: string; as_of?: string; change_percent?: number; sources?: string[] }[], a) =>
    expected.flatMap((x) => {
      const found = a.figures.filter(
        (f) =>
          sameNumber(f.value, x.value) &&
          fold(f.unit) === fold(x.unit) &&
          (x.as_of === undefined || f.asOf === x.as_of) &&
          (x.change_percent === undefined || (f.changePercent !== null && sameNumber(f.changePercent, x.change_percent))),
      );
      if (found.length === 0) return [`figures: missing ${x.value} ${x.unit}${x.as_of ? ` as of ${x.as_of}` : ''}${x.change_percent !== undefined ? ` (+${x.change_percent}%)` : ''}`];
      const cited = new Set(found.flatMap((f) => f.sources));
      return (x.sources ?? []).filter((s) => !cited.has(s)).map((s) => `figures: ${x.value} ${x.unit} is not sourced from ${s}`);
    }),
  consistent: (value: boolean, a) => {
    if (a.figures.length === 0) return ['consistent: the answer holds no figure'];
    return a.figures.filter((f) => f.consistent !== value).map((f) => `consistent: figure ${f.id} agreement is ${String(f.consistent)}, expected ${String(value)}`);
  },

  commitments_includes: (expected: { about?: string; dates_include?: DateSpec[] }[], a) =>
    expected.flatMap((x) => {
      if (!x.dates_include?.length) return [`commitments: nothing checkable for "${x.about ?? '?'}" (no dates_include)`];
      const ok = a.commitments.some((c) => (x.dates_include ?? []).every((s) => c.statementDates.some((d) => dateMatches(s, d))));
      return ok ? [] : [`commitments: none made or repeated on ${(x.dates_include ?? []).map(showSpec).join(' and ')}${x.about ? ` (${x.about})` : ''}`];
    }),

  path_max_hops: (n: number, a) => {
    if (a.paths.length === 0) return ['paths: none found'];
    return a.paths.filter((p) => p.length > n).map((p) => `paths: a path of ${p.length} hops, more than ${n}`);
  },
  every_hop_has_source: (required: boolean, a) =>
    !required
      ? []
      : [
          ...nonEmpty('paths', a.paths.length),
          ...a.paths.flatMap((p, i) =>
            p.hopCitations.length === 0 ? [`paths: path ${i + 1} came back without hops`] : p.hopCitations.flatMap((c, j) => (c > 0 ? [] : [`paths: hop ${j + 1} of path ${i + 1} has no citation`])),
          ),
        ],

  sources: (files: string[], a) => files.filter((f) => !a.sources.has(f)).map((f) => `sources: ${f} is not cited`),
  cited_sources_include: (expected: { publisher: string; date: string }[], a) =>
    expected
      .filter((x) => !a.citedSources.some((s) => s.publisher !== null && fold(s.publisher) === fold(x.publisher) && s.date === x.date))
      .map((x) => `cited sources: missing ${x.publisher} of ${x.date}`),
};

/** Every problem of an answer against one question's expectations. */
export function check(expect: Expect, answer: Answer): Problems {
  const problems: Problems = [...answer.errors.map((e) => `GraphQL error: ${e}`)];
  problems.push(...answer.uncited.map((f) => `${f} came back without a citation`));
  for (const [key, expected] of Object.entries(expect)) {
    const checker = CHECKERS[key];
    if (!checker) problems.push(`no checker for expectation "${key}"`);
    else problems.push(...checker(expected, answer, expect));
  }
  return problems;
}
