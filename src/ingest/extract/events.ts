/**
 * Events of one document: a sentence naming a gathering opens one; a later one with another date
 * or kind opens another; who took part, where and when, each with its passage. A sentence saying
 * the gathering did not happen opens none. Pure.
 */
import type { XEvent } from './facts.js';
import { participationRe, publishedDate, VAGUE_PAST, vagueDate, within, xdate, type Discourse } from './discourse.js';
import { EVENT_CUES, NEGATED_EVENT, uword } from './lexicon.js';

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
    const places = M.mentions.filter((m) => m.kind === 'Place' && within(m, s));
    // the venue: a facility said to be where it happened ("en el Hospital..."), or the one inaugurated ("inauguró el Hospital...")
    const venue = M.mentions.find((m) => m.kind === 'Facility' && within(m, s) && (VENUE_CUE.test(text.slice(Math.max(s.start, m.start - 30), m.start)) || INAUGURATED.test(text.slice(Math.max(s.start, m.start - 40), m.start))));
    const date = input.dates.find((d) => within(d, s) && d.role === 'point' && d.precision === 'day');
    const participates = !negated && participationRe.test(s.text);
    if (cue) pendingCue = cue;
    const opens = cue ?? (participates && people.length > 0 && !current ? pendingCue ?? EVENT_CUES.find(([, k]) => k === 'meeting')! : null);
    const referred = [...M.roleReferences, ...M.backReferences].some((r) => r.start >= s.start && r.end <= s.end);
    if (opens && (people.length > 0 || referred || date || places.length > 0 || participates)) {
      const cueKind = opens;
      const place = places.sort((a, b) => (a.category === 'municipality' ? -1 : 0) - (b.category === 'municipality' ? -1 : 0))[0];
      const differs = current && ((date && current.date && !current.date.inferred && current.date.iso !== date.iso) || (cueKind[1] !== current.kind && cueKind[1] !== 'meeting'));
      if (!current || differs) {
        const vague = VAGUE_PAST.test(s.text);
        const when = date ? xdate(date) : vague ? vagueDate(input.published, 'event') : datelineDate ? { ...xdate(datelineDate), inferred: true, note: 'the text does not date the event; the date line of the document is used' } : publishedDate(input.published, 'event');
        current = {
          key: id('event'), kind: cueKind[1], title: '', date: when, place: key(place), venue: key(venue), participants: [],
          cites: [], confidence: date ? 0.75 : 0.6,
        };
        events.push(current);
      }
      current.cites.push({ start: s.start, end: s.end });
      current.place ??= key(place);
      current.venue ??= key(venue);
      current.place ??= key(datelinePlace);
    }
    if (current && (participates || cue)) {
      for (const p of people) {
        const k = key(p)!;
        const have = current.participants.find((x) => x.person === k);
        if (have) have.cites.push({ start: s.start, end: s.end });
        else current.participants.push({ person: k, cites: [{ start: s.start, end: s.end }] });
      }
    }
    if (current) eventOfSentence.set(si, current);
  });
  for (const e of events) {
    const where = e.venue ? entity(e.venue).name : e.place ? entity(e.place).name : null;
    const label = { meeting: 'Reunión', 'press-conference': 'Conferencia de prensa', session: 'Sesión', inauguration: 'Inauguración', agreement: 'Firma de convenio', publication: 'Publicación', appointment: 'Nombramiento' }[e.kind] ?? 'Evento';
    e.title = `${label}${where ? ` en ${where}` : ''}${e.date ? ` (${e.date.iso})` : ''}`;
  }

  return { events, eventOfSentence };
}
