/**
 * Gold facts for real articles (the format of `realset/FORMAT.md`): one YAML list, one entry per
 * article, facts written as facts. Pure: YAML text in, checked entries out; every problem names
 * the entry and the field.
 */
import { parse as parseYaml } from 'yaml';

const FACT_TYPES = ['people', 'posts', 'organizations', 'facilities', 'events', 'statements', 'figures', 'commitments'] as const;
export type FactType = (typeof FACT_TYPES)[number];

interface GoldPost {
  role: string;
  of: string | null;
  from: string | null;
  to: string | null;
}
export interface GoldPerson {
  name: string;
  aliases: string[];
  posts: GoldPost[];
}
interface GoldEvent {
  key: string;
  kind: string | null;
  /** an ISO date at its precision, or a range [from, to] that accepts any date inside */
  date: string | [string, string] | null;
  place: string[];
  participants: string[];
  sameAs: string | null;
}
interface GoldStatement {
  speaker: string;
  event: string | null;
  about: string[];
  quote: boolean;
}
interface GoldFigure {
  value: number;
  unit: string;
  qualifier: string | null;
  about: string[];
}
interface GoldCommitment {
  key: string;
  by: string;
  what: string[];
  deadline: string | null;
  start: string | null;
  sameAs: string | null;
}
interface GoldTemporal {
  role: string;
  of: string;
  at: string;
  holder: string;
}
interface GoldNotFact {
  text: string;
  why: string;
}
interface GoldTrap {
  a: string;
  b: string;
}

export interface GoldArticle {
  id: string;
  query: string | null;
  url: string | null;
  published: string | null;
  publisher: string | null;
  /** types whose every fact is listed, so that precision can be scored for them */
  exhaustive: FactType[];
  people: GoldPerson[];
  organizations: string[];
  facilities: string[];
  events: GoldEvent[];
  statements: GoldStatement[];
  figures: GoldFigure[];
  commitments: GoldCommitment[];
  temporal: GoldTemporal[];
  notFacts: GoldNotFact[];
  traps: GoldTrap[];
}

export class GoldError extends Error {}

type Obj = Record<string, unknown>;
const ISO = /^\d{4}(-\d{2}(-\d{2})?)?$/;

function reader(where: string) {
  const fail = (field: string, what: string): never => {
    throw new GoldError(`${where}: ${field} ${what}`);
  };
  const str = (o: Obj, k: string, required = false): string | null => {
    const v = o[k];
    if (v === undefined || v === null) return required ? fail(k, 'is missing') : null;
    if (typeof v === 'string' || typeof v === 'number') return String(v);
    return fail(k, 'must be a string');
  };
  const strs = (o: Obj, k: string): string[] => {
    const v = o[k];
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) return typeof v === 'string' ? [v] : fail(k, 'must be a list of strings');
    return v.map((x, i) => (typeof x === 'string' || typeof x === 'number' ? String(x) : fail(`${k}[${i}]`, 'must be a string')));
  };
  const date = (o: Obj, k: string): string | null => {
    const v = str(o, k);
    if (v !== null && !ISO.test(v)) fail(k, `"${v}" is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)`);
    return v;
  };
  const list = (o: Obj, k: string): Obj[] => {
    const v = o[k];
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) return fail(k, 'must be a list');
    return v.map((x, i) => (x && typeof x === 'object' && !Array.isArray(x) ? (x as Obj) : fail(`${k}[${i}]`, 'must be a mapping')));
  };
  return { fail, str, strs, date, list };
}

function readArticle(o: Obj, index: number): GoldArticle {
  const id = typeof o.id === 'string' ? o.id : null;
  const where = id ? `entry ${id}` : `entry ${index + 1}`;
  const r = reader(where);
  if (!id) r.fail('id', 'is missing');
  const exhaustive = r.strs(o, 'exhaustive').map((t) => ((FACT_TYPES as readonly string[]).includes(t) ? (t as FactType) : r.fail('exhaustive', `names an unknown fact type "${t}"`)));
  const people = r.list(o, 'people').map((p, i) => {
    const pr = reader(`${where} people[${i}]`);
    return {
      name: pr.str(p, 'name', true)!,
      aliases: pr.strs(p, 'aliases'),
      posts: pr.list(p, 'posts').map((q) => ({ role: pr.str(q, 'role', true)!, of: pr.str(q, 'of'), from: pr.date(q, 'from'), to: pr.date(q, 'to') })),
    };
  });
  const events = r.list(o, 'events').map((e, i) => {
    const er = reader(`${where} events[${i}]`);
    const d = e.date;
    let date: GoldEvent['date'];
    if (Array.isArray(d)) {
      if (d.length !== 2 || !d.every((x) => typeof x === 'string' && ISO.test(x))) er.fail('date', 'as a range must be [from, to], two ISO dates');
      date = [String(d[0]), String(d[1])];
    } else date = er.date(e, 'date');
    return { key: er.str(e, 'key', true)!, kind: er.str(e, 'kind'), date, place: er.strs(e, 'place'), participants: er.strs(e, 'participants'), sameAs: er.str(e, 'same_as') };
  });
  const statements = r.list(o, 'statements').map((s, i) => {
    const sr = reader(`${where} statements[${i}]`);
    return { speaker: sr.str(s, 'speaker', true)!, event: sr.str(s, 'event'), about: sr.strs(s, 'about'), quote: s.quote === true };
  });
  const figures = r.list(o, 'figures').map((f, i) => {
    const fr = reader(`${where} figures[${i}]`);
    const value = Number(f.value);
    if (!Number.isFinite(value)) fr.fail('value', 'must be a number');
    return { value, unit: fr.str(f, 'unit', true)!, qualifier: fr.str(f, 'qualifier'), about: fr.strs(f, 'about') };
  });
  const commitments = r.list(o, 'commitments').map((c, i) => {
    const cr = reader(`${where} commitments[${i}]`);
    return { key: cr.str(c, 'key', true)!, by: cr.str(c, 'by', true)!, what: cr.strs(c, 'what'), deadline: cr.date(c, 'deadline'), start: cr.date(c, 'start'), sameAs: cr.str(c, 'same_as') };
  });
  const temporal = r.list(o, 'temporal').map((t, i) => {
    const tr = reader(`${where} temporal[${i}]`);
    return { role: tr.str(t, 'role', true)!, of: tr.str(t, 'of', true)!, at: tr.date(t, 'at') ?? tr.fail('at', 'is missing'), holder: tr.str(t, 'holder', true)! };
  });
  const notFacts = r.list(o, 'not_facts').map((n, i) => {
    const nr = reader(`${where} not_facts[${i}]`);
    return { text: nr.str(n, 'text', true)!, why: nr.str(n, 'why') ?? '' };
  });
  const traps = r.list(o, 'traps').map((t, i) => {
    const tr = reader(`${where} traps[${i}]`);
    return { a: tr.str(t, 'a', true)!, b: tr.str(t, 'b', true)! };
  });
  return {
    id: id!,
    query: r.str(o, 'query'),
    url: r.str(o, 'url'),
    published: r.date(o, 'published'),
    publisher: r.str(o, 'publisher'),
    exhaustive,
    people,
    organizations: r.strs(o, 'organizations'),
    facilities: r.strs(o, 'facilities'),
    events,
    statements,
    figures,
    commitments,
    temporal,
    notFacts,
    traps,
  };
}

/** Parses and checks a gold file: a YAML list of article entries with unique ids. */
export function parseGold(yamlText: string, fileName = 'gold'): GoldArticle[] {
  let doc: unknown;
  try {
    doc = parseYaml(yamlText);
  } catch (e) {
    throw new GoldError(`${fileName}: not valid YAML: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  }
  if (!Array.isArray(doc)) throw new GoldError(`${fileName}: must be a YAML list of article entries`);
  const articles = doc.map((o, i) => {
    if (!o || typeof o !== 'object' || Array.isArray(o)) throw new GoldError(`${fileName}: entry ${i + 1} must be a mapping`);
    return readArticle(o as Obj, i);
  });
  const seen = new Set<string>();
  for (const a of articles) {
    if (seen.has(a.id)) throw new GoldError(`${fileName}: id ${a.id} is used twice`);
    seen.add(a.id);
  }
  return articles;
}
