/**
 * Events of one document: a sentence naming a gathering opens one; a later one with another date
 * or kind opens another; who took part, where and when, each with its passage. A sentence saying
 * the gathering did not happen opens none. Pure.
 */
import type { XEvent } from './facts.js';
import type { Span } from '../../text/sentences.js';
import { participationRe, publishedDate, VAGUE_PAST, vagueDate, within, xdate, type Discourse } from './discourse.js';
import { ACT_EVENTS, EVENT_CUES, NEGATED_EVENT, REPORTING_VERBS, SETTING_EVENTS, uword } from './lexicon.js';

const VENUE_CUE = uword(/\b(en|instalaciones|sede)\b/i);
const INAUGURATED = uword(/\binaugur(ó|aron|a|an|ará|arán)\s+(?:(?:el|la|los|las|un|una)\s+)?(?:(?:nuev[oa]s?|moderno|moderna)\s+)?$/i);

export function findEvents(d: Discourse): { events: XEvent[]; eventOfSentence: Map<number, XEvent> } {
  const { input, text, sentences, M, key, id, entity } = d;
  // Events: a sentence naming a gathering opens one; a later one with another date or place opens another.
  const events: XEvent[] = [];
  const eventOfSentence = new Map<number, XEvent>();
  const datelineDate = input.dates.find((d) => d.start < 400 && d.precision === 'day' && !d.inferred);
  // "Toluca. El Presidente..." / "Estado de México, viernes 12 de enero": a place opening a paragraph
  const datelinePlace = M.mentions.find((m) => m.kind === 'Place' && m.start < 1500 && (m.start === 0 || text[m.start - 1] === '\n') && /^[.,]/.test(text.slice(m.end, m.end + 1)));
  let current: XEvent | null = null;
  let pendingCue: [RegExp, string] | null = null;
  sentences.forEach((s, si) => {
    // a sentence saying the gathering did not happen opens none and adds no one to one
    const negated = NEGATED_EVENT.test(s.text);
    const cue = negated ? undefined : EVENT_CUES.find(([re]) => re.test(s.text));
    const people = M.mentions.filter((m) => m.kind === 'Person' && within(m, s));
    // a place that qualifies a post ("la gobernadora del Estado de México") says whom, not where
    const places = M.mentions.filter((m) => m.kind === 'Place' && within(m, s) && !M.roles.some((r) => r.jurisdiction === m) && !M.roleReferences.some((r) => r.jurisdiction === m));
    // the venue: a facility said to be where it happened ("en el Hospital..."), or the one inaugurated ("inauguró el Hospital...")
    const venue = M.mentions.find(
      (m) => m.kind === 'Facility' && within(m, s) && (VENUE_CUE.test(text.slice(Math.max(s.start, m.start - 30), m.start)) || INAUGURATED.test(text.slice(Math.max(s.start, m.start - 40), m.start))),
    );
    const date = input.dates.find((d) => within(d, s) && d.role === 'point' && d.precision === 'day');
    const participates = !negated && participationRe.test(s.text);
    if (cue) pendingCue = cue;
    const opens = cue ?? (participates && people.length > 0 && !current ? (pendingCue ?? EVENT_CUES.find(([, k]) => k === 'meeting')!) : null);
    const referred = [...M.roleReferences, ...M.backReferences].some((r) => r.start >= s.start && r.end <= s.end);
    if (opens && (people.length > 0 || referred || date || places.length > 0 || participates)) {
      const cueKind = opens;
      const place = places.sort((a, b) => (a.category === 'municipality' ? -1 : 0) - (b.category === 'municipality' ? -1 : 0))[0];
      const differs = current && ((date && current.date && !current.date.inferred && current.date.iso !== date.iso) || (cueKind[1] !== current.kind && cueKind[1] !== 'meeting'));
      if (!current || differs) {
        const vague = VAGUE_PAST.test(s.text);
        const when = date
          ? xdate(date)
          : vague
            ? vagueDate(input.published, 'event')
            : datelineDate
              ? { ...xdate(datelineDate), inferred: true, note: 'the text does not date the event; the date line of the document is used' }
              : publishedDate(input.published, 'event');
        current = {
          key: id('event'),
          kind: cueKind[1],
          title: '',
          date: when,
          place: key(place),
          venue: key(venue),
          participants: [],
          cites: [],
          confidence: date ? 0.75 : 0.6,
        };
        events.push(current);
      }
      current.cites.push({ start: s.start, end: s.end });
      current.place ??= key(place);
      current.venue ??= key(venue);
      current.place ??= key(datelinePlace);
    }
    if (current && (participates || cue)) {
      // nobody named: the official a description or a post named alone points to ("la mandataria")
      const referents =
        people.length > 0
          ? []
          : [...M.backReferences.filter((r) => within(r, s)).map((r) => d.referent(r)), ...M.roleReferences.filter((r) => within(r, s)).map((r) => d.holderOf(r))].filter((k): k is string => !!k);
      for (const k of [...people.map((p) => key(p)!), ...referents]) {
        const have = current.participants.find((x) => x.person === k);
        if (have) have.cites.push({ start: s.start, end: s.end });
        else current.participants.push({ person: k, cites: [{ start: s.start, end: s.end }] });
      }
    }
    if (current) eventOfSentence.set(si, current);
  });
  const merged = oneEventPerOccasion(events, eventOfSentence);
  if (merged.length === 0) {
    const report = leadReport(d);
    if (report) {
      merged.push(report.event);
      for (const si of report.sentences) eventOfSentence.set(si, report.event);
    }
  }
  for (const e of merged) {
    const where = e.venue ? entity(e.venue).name : e.place ? entity(e.place).name : null;
    const label =
      {
        meeting: 'Reunión',
        'press-conference': 'Conferencia de prensa',
        session: 'Sesión',
        inauguration: 'Inauguración',
        agreement: 'Firma de convenio',
        publication: 'Publicación',
        appointment: 'Nombramiento',
        report: 'Informe',
      }[e.kind] ?? 'Evento';
    e.title = `${label}${where ? ` en ${where}` : ''}${e.date ? ` (${e.date.iso})` : ''}`;
  }

  return { events: merged, eventOfSentence };
}

const sameDay = (a: XEvent, b: XEvent) => !a.date || !b.date || a.date.iso === b.date.iso || a.date.inferred || b.date.inferred;

/**
 * One event per occasion of the document: an act told with its setting ("durante la conferencia
 * matutina inauguró la unidad") is one act, with everyone named at either; a later sentence that
 * names the gathering again without anyone in it ("El ISSSTE inauguró la unidad") is that
 * gathering. Two settings (a session and the press conference after it) stay two.
 */
function oneEventPerOccasion(events: XEvent[], eventOfSentence: Map<number, XEvent>): XEvent[] {
  const out: XEvent[] = [];
  for (const e of events) {
    const into = out.find(
      (o) =>
        sameDay(o, e) &&
        ((ACT_EVENTS.has(o.kind) && SETTING_EVENTS.has(e.kind)) ||
          (SETTING_EVENTS.has(o.kind) && ACT_EVENTS.has(e.kind)) ||
          (o.kind === e.kind && (o.participants.length === 0 || e.participants.length === 0))),
    );
    if (!into) {
      out.push(e);
      continue;
    }
    if (ACT_EVENTS.has(e.kind)) into.kind = e.kind;
    if (!into.date || (into.date.inferred && e.date && !e.date.inferred)) into.date = e.date;
    for (const p of e.participants) {
      const have = into.participants.find((x) => x.person === p.person);
      if (have) have.cites.push(...p.cites);
      else into.participants.push(p);
    }
    into.cites.push(...e.cites);
    into.place ??= e.place;
    into.venue ??= e.venue;
    into.confidence = Math.max(into.confidence, e.confidence);
    for (const [si, x] of eventOfSentence) if (x === e) eventOfSentence.set(si, into);
  }
  return out;
}

/**
 * A bulletin that names no gathering is the report of the official it opens with ("El director
 * general del ISSSTE, Ana Ruiz, informó que..."): one event of kind report on the document's day,
 * inferred, with that official, cited by the lead sentence.
 */
function leadReport(d: Discourse): { event: XEvent; sentences: number[] } | null {
  const { input, sentences, M, key, id } = d;
  // the official is the subject: named (or referred to: "la mandataria") before the verb
  const subject = (s: Span) => {
    const verb = s.start < 800 ? REPORTING_VERBS.exec(s.text) : null;
    return verb ? d.personBefore(s, s.start + verb.index) : null;
  };
  const subjects = sentences.slice(0, 3).map(subject);
  const lead = subjects.findIndex((x) => x !== null);
  if (lead < 0) return null;
  const s = sentences[lead]!;
  const official = subjects[lead]!.key;
  const dateline = input.dates.find((x) => x.start < 400 && x.precision === 'day' && !x.inferred);
  const date = dateline ? { ...xdate(dateline), inferred: true, note: 'the text does not date the report; the date line of the document is used' } : publishedDate(input.published, 'report');
  if (!date) return null;
  const cite = { start: s.start, end: s.end };
  const event: XEvent = { key: id('event'), kind: 'report', title: '', date, place: null, venue: null, participants: [{ person: official, cites: [cite] }], cites: [cite], confidence: 0.5 };
  // the sentences that go on reporting what the same official said belong to it
  const follow = sentences.map((x, i) => i).filter((i) => i >= lead && M.mentions.some((m) => m.kind === 'Person' && key(m) === official && within(m, sentences[i]!)));
  return { event, sentences: follow };
}
