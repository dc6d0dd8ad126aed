/**
 * Entities of one document: the mentions that name one thing grouped into one entity ("Tomás
 * Garibay" and "Tomás Garibay Luna"; "IMSS" and its long form; "JOR" (Julián Ortega Ríos) and the person whose
 * initials it spells), with the rule of domain/similarity.ts. Pure.
 */
import { foldName, slugify } from '../../domain/names.js';
import { compareNames } from '../../domain/similarity.js';
import type { XEntity, XLookalike } from './facts.js';
import type { Discourse } from './discourse.js';
import { FACILITY_REPLACES } from './lexicon.js';
import type { Mention, MentionKind } from './mentions.js';

/** Groups the mentions that name one thing: "Tomás Garibay" and "Tomás Garibay Luna"; "IMSS" and its long form. */
export function clusterEntities(ms: Mention[], canonical: (name: string) => string | null): { entities: XEntity[]; keyOf: Map<Mention, string> } {
  const clusters: { kind: MentionKind; names: Set<string>; mentions: Mention[]; acronym: string | null; category: string | null }[] = [];
  // one rule for "the same entity" (domain/similarity.ts); inside a document a person's surnames refer back to
  // the full name, while "Hospital Ceylán" and "Hospital General Ceylán" in one story may be two hospitals
  const sameName = (a: string, b: string, kind: MentionKind): boolean => {
    if (kind === 'Place') return foldName(canonical(a) ?? a) === foldName(canonical(b) ?? b);
    return compareNames(kind, a, b, { sameDocument: kind === 'Person' }).verdict === 'same';
  };
  for (const m of ms) {
    const c = clusters.find((x) => x.kind === m.kind && ([...x.names].some((n) => sameName(n, m.text, m.kind)) || (x.acronym !== null && (x.acronym === m.text || x.acronym === m.acronym))));
    if (c) {
      c.names.add(m.text);
      c.mentions.push(m);
      c.acronym ??= m.acronym && m.acronym !== m.text ? m.acronym : null;
      c.category ??= m.category;
    } else {
      clusters.push({ kind: m.kind, names: new Set([m.text]), mentions: [m], acronym: m.acronym && m.acronym !== m.text ? m.acronym : null, category: m.category });
    }
  }
  // an acronym cluster defined elsewhere joins its long form
  for (const c of clusters) {
    if (c.names.size === 1 && c.acronym === null) {
      const only = [...c.names][0]!;
      const long = clusters.find((x) => x !== c && x.acronym === only);
      if (long) {
        for (const m of c.mentions) long.mentions.push(m);
        c.mentions = [];
      }
    }
  }
  // A nickname of capitals that spells a person's initials ("JOR" (Julián Ortega Ríos)) is that person.
  const initials = (name: string) =>
    name
      .split(/\s+/)
      .filter((w) => /^\p{Lu}/u.test(w))
      .map((w) => w[0])
      .join('');
  for (const c of clusters) {
    const only = [...c.names][0]!;
    if (c.kind !== 'Organization' || c.names.size !== 1 || !/^\p{Lu}{3,6}$/u.test(only)) continue;
    const person = clusters.find((x) => x.kind === 'Person' && [...x.names].some((n) => foldName(initials(n)) === foldName(only)));
    if (person) {
      for (const m of c.mentions) {
        m.kind = 'Person';
        person.mentions.push(m);
      }
      person.names.add(only);
      c.mentions = [];
    }
  }
  const keyOf = new Map<Mention, string>();
  const entities: XEntity[] = [];
  const used = new Set<string>();
  for (const c of clusters.filter((x) => x.mentions.length > 0)) {
    const names = [...new Set(c.mentions.map((m) => m.text))];
    const known = c.kind === 'Place' ? names.map(canonical).find((n): n is string => !!n) : undefined;
    const name = known ?? names.filter((n) => n !== c.acronym).sort((a, b) => b.length - a.length || a.localeCompare(b))[0] ?? names[0]!;
    let key = slugify(name);
    while (used.has(key)) key += '-2';
    used.add(key);
    // "Beca Jóvenes Construyendo el Futuro" is also called by its own name
    const unheaded = c.kind === 'Program' ? names.map((n) => /^(?:beca|becas|programa|pensión)\s+(?!para\b|de\b|del\b)(\p{Lu}.+\s\S+)$/iu.exec(n)?.[1]).filter((n): n is string => !!n) : [];
    const aliases = [...new Set([...names, ...unheaded, ...(c.acronym ? [c.acronym] : [])])].filter((n) => n !== name);
    for (const m of c.mentions) keyOf.set(m, key);
    entities.push({
      key,
      kind: c.kind,
      name,
      aliases,
      acronym: c.acronym,
      category: c.category,
      cites: c.mentions.map((m) => ({ start: m.start, end: m.end })),
      confidence: c.kind === 'Person' ? 0.8 : 0.75,
    });
  }
  return { entities, keyOf };
}

/**
 * Facilities the text says replace one another ("el nuevo Hospital Regional de Durango, que
 * sustituirá al antiguo hospital Doctor Santiago Ramón"): two facilities, one of which may come to be
 * called by the other's name, so an editor should see them side by side.
 */
export function replacedFacilities(d: Pick<Discourse, 'text' | 'sentences' | 'M' | 'key'>): XLookalike[] {
  const out: XLookalike[] = [];
  for (const s of d.sentences) {
    const cue = FACILITY_REPLACES.exec(s.text);
    if (!cue) continue;
    const at = s.start + cue.index;
    const facilities = d.M.mentions.filter((m) => m.kind === 'Facility' && m.start >= s.start && m.end <= s.end);
    const before = facilities.filter((m) => m.end <= at).pop();
    const after = facilities.find((m) => m.start >= at + cue[0].length && m.start - (at + cue[0].length) <= 12);
    const a = d.key(before);
    const b = d.key(after);
    if (a && b && a !== b) out.push({ a, b, evidence: `the text says one replaces the other ("${d.text.slice(at, at + cue[0].length).trim()}")` });
  }
  return out;
}
