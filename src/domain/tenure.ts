/**
 * Tenures of a post that one person holds at a time (a governor, a director, a secretary), from
 * every holder the graph knows, in whatever order their documents arrived. Pure.
 *
 * - Bounds the text gives (`from`, `to`) stand.
 * - A holder without a start, after an earlier holder, starts when first reported in it (the
 *   earliest document that states the post): inferred.
 * - A holder without an end, before a later holder, ends when the later one starts: inferred,
 *   with the successor named in the note.
 * - The first holder's start and the last holder's end stay open: the graph does not know them.
 */
import { dateBounds, parseIsoDate, type FuzzyDate } from './dates.js';

export interface TenurePost {
  id: string;
  holder: string;
  holderName: string;
  from: FuzzyDate | null;
  to: FuzzyDate | null;
  /** publication date (ISO, any precision) of the earliest document that states the post */
  firstSeen: string | null;
}

export interface InferredTenure {
  id: string;
  from: FuzzyDate | null;
  to: FuzzyDate | null;
}

const startOf = (p: TenurePost) => (p.from ? dateBounds(p.from).start : p.firstSeen ? dateBounds(parseIsoDate(p.firstSeen)).start : null);

/** The inferred bounds of each post of one group (same body, same role); null where none is inferred. */
export function inferTenures(posts: TenurePost[]): InferredTenure[] {
  const dated = posts.filter((p) => startOf(p) !== null).sort((a, b) => startOf(a)!.localeCompare(startOf(b)!) || a.id.localeCompare(b.id));
  const out = new Map<string, InferredTenure>(posts.map((p) => [p.id, { id: p.id, from: null, to: null }]));
  dated.forEach((p, i) => {
    const inferred = out.get(p.id)!;
    const earlier = dated.slice(0, i).some((q) => q.holder !== p.holder);
    if (!p.from && earlier && p.firstSeen) {
      inferred.from = parseIsoDate(p.firstSeen, { inferred: true, note: `no document gives the start; ${p.holderName} is first reported in the post in a document of ${p.firstSeen}` });
    }
    if (!p.to) {
      const next = dated.slice(i + 1).find((q) => q.holder !== p.holder && startOf(q)! > startOf(p)!);
      if (next) {
        const at = next.from ?? (next.firstSeen ? parseIsoDate(next.firstSeen) : null);
        // a successor from a day ends the tenure the day before; from a month or a year, in it
        const end = at && at.precision === 'day' ? parseIsoDate(new Date(Date.parse(`${at.iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10)) : at;
        if (end) inferred.to = { ...end, inferred: true, note: `no document gives the end; ${next.holderName} holds the post from ${at!.iso}` };
      }
    }
  });
  return [...out.values()];
}
