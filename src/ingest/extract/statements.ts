/**
 * Statements, commitments and figures of one document, sentence by sentence: who said it (named
 * before or after the verb, a post named alone, a description pointing back, the speaker a
 * paragraph goes on with), when, what it quotes, the figures it reports and what it promises.
 * Pure.
 */
import { slugify } from '../../domain/names.js';
import type { XCommitment, XEvent, XFigure, XStatement } from './facts.js';
import { participationRe, publishedDate, speechRe, VAGUE_PAST, vagueDate, within, xdate, type Discourse } from './discourse.js';
import { isFigure } from './figures.js';
import { COMMITMENT_CUES, WORK_DONE, WORK_PROGRESS, uword } from './lexicon.js';
import type { Span } from '../../text/sentences.js';

const OWN_DATE_CUE = uword(/\b(el|este|ayer|hoy)\b/i);
const SAID_CLAUSE = uword(/^[^.;]{0,80}?\bque\s+(.*)$/isu);
const QUOTE = /[“"«]([^”"»]{12,})[”"»]/u;

/** The items of a list after a colon, separated by semicolons (two or more), as spans of the text. */
function listItems(s: Span): Span[] {
  const colon = s.text.indexOf(':');
  if (colon < 0) return [];
  const rest = s.text.slice(colon + 1);
  const parts = rest.split(';');
  if (parts.length < 2) return [];
  const out: Span[] = [];
  let at = s.start + colon + 1;
  for (const p of parts) {
    const lead = p.length - p.trimStart().length;
    const body = p.trim().replace(/[.]$/, '');
    if (body.length >= 12) out.push({ start: at + lead, end: at + lead + body.length, text: body });
    at += p.length + 1;
  }
  return out.length >= 2 ? out : [];
}

export function findStatements(d: Discourse, eventOfSentence: Map<number, XEvent>): { statements: XStatement[]; commitments: XCommitment[]; figures: XFigure[] } {
  const { input, text, sentences, M, key, id, lastPerson, holderOf, referent, personBefore } = d;
  // Figures, statements and commitments, sentence by sentence.
  const figures: XFigure[] = [];
  const statements: XStatement[] = [];
  const commitments: XCommitment[] = [];
  let lastSpeaker: string | null = null;
  let lastStatementSentence = -10;
  const mainPlace = M.mentions.find((m) => m.kind === 'Place' && m.category === 'state') ?? M.mentions.find((m) => m.kind === 'Place');
  sentences.forEach((s, si) => {
    const verb = speechRe.exec(s.text);
    const quantities = input.quantities.filter((q) => within(q, s) && isFigure(q, text, s));
    const future = COMMITMENT_CUES.test(s.text);
    // a report of a promised work done or under way, about a facility or program the sentence names
    const report = WORK_DONE.test(s.text) ? ('done' as const) : WORK_PROGRESS.test(s.text) ? ('progress' as const) : null;
    const works = report ? M.mentions.filter((m) => (m.kind === 'Facility' || m.kind === 'Program') && within(m, s)) : [];
    // Reported speech goes on after its verb: a sentence right after a statement, in the same
    // paragraph, naming nobody else, is more of what the same speaker said.
    const prev = sentences[si - 1];
    const continues =
      !verb &&
      lastSpeaker !== null &&
      lastStatementSentence === si - 1 &&
      !!prev &&
      !text.slice(prev.end, s.start).includes('\n') &&
      !M.mentions.some((m) => m.kind === 'Person' && within(m, s)) &&
      !M.roleReferences.some((r) => within(r, s)) &&
      s.text.length >= 40;
    if (!verb && quantities.length === 0 && !future && !continues && works.length === 0) {
      const p = M.mentions.filter((m) => m.kind === 'Person' && within(m, s)).pop();
      if (p) lastPerson.key = key(p);
      return;
    }
    let speaker: { key: string; confidence: number } | null = null;
    if (verb) {
      const verbAt = s.start + verb.index;
      const verbEnd = verbAt + verb[0].length;
      // ", informó Tomás Garibay, director...": the name right after the verb is the speaker
      const after = M.mentions.find((m) => m.kind === 'Person' && m.start >= verbEnd && /^[\s*_"“]{1,6}$/.test(text.slice(verbEnd, m.start)));
      const inverted = /[,”"»]\s*[*_]*$/.test(text.slice(s.start, verbAt));
      if (after && inverted) speaker = { key: key(after)!, confidence: 0.85 };
      // "..., apuntó la mandataria" / "..., señaló el titular del IMSS"
      if (!speaker && inverted) {
        const back = M.backReferences.find((b) => b.start >= verbEnd && b.start - verbEnd <= 4);
        const ref = M.roleReferences.find((r) => r.start >= verbEnd && r.start - verbEnd <= 8);
        const k = back ? referent(back) : ref ? holderOf(ref) : null;
        if (k) speaker = { key: k, confidence: 0.65 };
      }
      speaker ??= personBefore(s, verbAt);
      // "Destacó el titular de la SSA que...": a sentence opening with the verb has its subject after it
      if (!speaker && /^\s*[¿¡"“]?\s*$/.test(s.text.slice(0, verb.index))) {
        const back = M.backReferences.find((b) => b.start >= verbEnd && b.start - verbEnd <= 4);
        const ref = M.roleReferences.find((r) => r.start >= verbEnd && r.start - verbEnd <= 4);
        const k = after && after.start - verbEnd <= 4 ? key(after) : back ? referent(back) : ref ? holderOf(ref) : null;
        if (k) speaker = { key: k, confidence: 0.7 };
      }
      // "Destacó que...", "Además, informó...": the subject is the last speaker
      if (!speaker && lastSpeaker && /^\s*(?:(?:además|asimismo|también|finalmente|por otra parte|por su parte|en ese sentido|de igual forma)\s*,?\s*)?$/iu.test(s.text.slice(0, verb.index))) {
        speaker = { key: lastSpeaker, confidence: 0.7 };
      }
      if (!speaker && after && !participationRe.test(s.text)) speaker = { key: key(after)!, confidence: 0.7 };
      // Spanish drops the subject: "...y recordó que..." with no one named before the verb is the last
      // speaker, unless an impersonal "se" or a body is the subject.
      const lead = text.slice(s.start, verbAt);
      const referred = [...M.roleReferences, ...M.backReferences].some((r) => r.start >= s.start && r.end <= verbAt);
      if (
        !speaker &&
        !referred &&
        lastSpeaker &&
        lastStatementSentence >= si - 3 &&
        !/\bse\s*$/iu.test(lead) &&
        !M.mentions.some((m) => m.kind === 'Organization' && m.start >= s.start && m.end <= verbAt && /^\s*[*_]*\s*$/.test(text.slice(m.end, verbAt)))
      ) {
        speaker = { key: lastSpeaker, confidence: 0.6 };
      }
    } else {
      // "La Secretaría de Salud, a cargo de Ana Ruiz, aplicará...": the person named before the promise makes it
      // (the subject right before the verb: "..., Ana Ruiz, aplicará")
      const promise = future ? COMMITMENT_CUES.exec(s.text) : null;
      const subject = promise ? M.mentions.filter((m) => m.kind === 'Person' && within(m, s) && m.end <= s.start + promise.index).pop() : undefined;
      if (subject && /^[\s,]{0,3}$/.test(text.slice(subject.end, s.start + promise!.index))) speaker = { key: key(subject)!, confidence: 0.7 };
      // figures reported right after someone spoke continue their report
      if (!speaker && lastSpeaker && lastStatementSentence >= si - 3) speaker = { key: lastSpeaker, confidence: 0.55 };
    }
    const event = eventOfSentence.get(si) ?? null;
    const ownDate = input.dates.find(
      (d) =>
        within(d, s) &&
        d.role === 'point' &&
        d.precision === 'day' &&
        (!input.published || d.iso.slice(0, input.published.length) <= input.published) &&
        OWN_DATE_CUE.test(text.slice(Math.max(s.start, d.start - 12), d.start + 1)),
    );
    // the vague phrase dates the statement only when it modifies the main verb (comes before it)
    const vague = VAGUE_PAST.exec(s.text);
    const vagueMain = vague && (!verb || vague.index < verb.index);
    const date = ownDate ? xdate(ownDate) : vagueMain ? vagueDate(input.published, 'statement') : (event?.date ?? publishedDate(input.published, 'statement'));
    const subject = M.mentions.filter((m) => m.kind === 'Place' && within(m, s))[0] ?? mainPlace;
    const figs: XFigure[] = quantities.map((q) => ({
      key: id('figure'),
      value: q.value,
      unit: q.unit,
      counted: q.counted,
      label: q.counted ?? q.text,
      metric: slugify(`${q.counted ?? q.unit} ${q.unit}`),
      qualifier: q.qualifier,
      changePercent: q.changePercent,
      asOf: publishedDate(input.published, 'figure'),
      subject: key(subject),
      cites: [{ start: q.start, end: q.end }],
      confidence: 0.85,
    }));
    figures.push(...figs);
    const about = [...new Set(M.mentions.filter((m) => m.kind !== 'Person' && within(m, s)).map((m) => key(m)!))];
    const commitmentKeys: string[] = [];
    if (future) {
      const start = input.dates.find((d) => within(d, s) && d.role === 'from');
      const deadline = input.dates.find((d) => within(d, s) && d.role === 'until');
      // what was said: the clause after "<verb> que", else the sentence
      const clause = verb ? SAID_CLAUSE.exec(s.text.slice(verb.index + verb[0].length)) : null;
      // a list of works after a colon ("iniciarán seis obras: el Hospital A; la Unidad B; y la clínica C") is one
      // promise per item, each concerning what its item names, beside the promise the lead clause makes
      const items = listItems(s);
      const lead: Span = items.length ? { start: s.start, end: items[0]!.start, text: text.slice(s.start, items[0]!.start) } : s;
      const c: XCommitment = {
        key: id('commitment'),
        summary: (clause?.[1] ?? s.text).slice(0, 400),
        start: start ? xdate(start) : null,
        deadline: deadline ? xdate(deadline) : null,
        concerns: items.length ? about.filter((k) => M.mentions.some((m) => key(m) === k && within(m, lead))) : about,
        targets: figs.filter((f) => !items.length || f.cites.every((x) => within(x, lead))).map((f) => f.key),
        cites: [{ start: lead.start, end: lead.end }],
        confidence: 0.6,
        report,
      };
      commitments.push(c);
      commitmentKeys.push(c.key);
      for (const item of items) {
        const k: XCommitment = {
          key: id('commitment'),
          summary: text.slice(item.start, item.end).trim().slice(0, 400),
          start: c.start,
          deadline: c.deadline,
          concerns: [...new Set(M.mentions.filter((m) => m.kind !== 'Person' && within(m, item)).map((m) => key(m)!))],
          targets: figs.filter((f) => f.cites.every((x) => within(x, item))).map((f) => f.key),
          cites: [{ start: item.start, end: item.end }],
          confidence: 0.55,
        };
        commitments.push(k);
        commitmentKeys.push(k.key);
      }
    }
    if (!future && works.length > 0) {
      const c: XCommitment = {
        key: id('commitment'),
        summary: s.text.slice(0, 400),
        start: null,
        deadline: null,
        concerns: [...new Set(works.map((m) => key(m)!))],
        targets: [],
        cites: [{ start: s.start, end: s.end }],
        confidence: 0.55,
        report,
        reportOnly: true,
      };
      commitments.push(c);
      commitmentKeys.push(c.key);
    }
    if (speaker) {
      lastPerson.key = speaker.key;
      lastSpeaker = speaker.key;
      lastStatementSentence = si;
    }
    if (!verb && figs.length === 0 && commitmentKeys.length === 0 && !continues) return;
    const quote = QUOTE.exec(s.text);
    statements.push({
      key: id('statement'),
      kind: verb ? (/anunci/i.test(verb[0]) ? 'announcement' : /inform|detall|report/i.test(verb[0]) ? 'report' : 'declaration') : 'report',
      speaker: speaker?.key ?? null,
      event: event?.key ?? null,
      date,
      summary: s.text.slice(0, 600),
      quote: quote ? { start: s.start + quote.index + 1, end: s.start + quote.index + 1 + quote[1]!.length } : null,
      about,
      figures: figs.map((f) => f.key),
      commitments: commitmentKeys,
      cites: [{ start: s.start, end: s.end }],
      confidence: speaker ? speaker.confidence * 0.9 : 0.6,
    });
    // a speaker at the event took part in it
    if (speaker && event && !event.participants.some((p) => p.person === speaker!.key)) event.participants.push({ person: speaker.key, cites: [{ start: s.start, end: s.end }] });

    // Reported speech inside reported speech: "recordó que el director del IMSS en días pasados informó
    // que...": a second statement, by the second subject, at its own time.
    if (verb && speaker) {
      const restAt = verb.index + verb[0].length;
      const second = speechRe.exec(s.text.slice(restAt));
      if (second) {
        const at = s.start + restAt + second.index;
        const inner = personBefore({ start: s.start + restAt, end: s.end, text: s.text.slice(restAt) }, at);
        if (inner && inner.key !== speaker.key) {
          const between = s.text.slice(restAt, restAt + second.index);
          const when = VAGUE_PAST.test(between) ? vagueDate(input.published, 'statement') : date;
          const clause = SAID_CLAUSE.exec(s.text.slice(restAt + second.index + second[0].length));
          statements.push({
            key: id('statement'),
            kind: /anunci/i.test(second[0]) ? 'announcement' : 'report',
            speaker: inner.key,
            event: when === date ? (event?.key ?? null) : null,
            date: when,
            summary: (clause?.[1] ?? s.text).slice(0, 600),
            quote: null,
            about,
            figures: [],
            commitments: commitmentKeys,
            cites: [{ start: s.start, end: s.end }],
            confidence: inner.confidence * 0.8,
          });
        }
      }
    }
  });

  return { statements, commitments, figures };
}
