// Document view. The API gives no document's full text, only each cited passage (Citation.excerpt
// with its offsets), so the view shows the document's cited passages in the order of the text,
// each highlighted and linked to its fact, with the length of the text left out between them.
import { useEffect } from 'react';
import { DateText, Status, useQuery, type FuzzyDate } from '../common.js';
import { factTitle, type Fact } from '../facts.js';
import { link } from '../route.js';
import { DOCUMENT } from '../queries.js';

interface Doc {
  id: string;
  title: string;
  url?: string | null;
  fileName?: string | null;
  kind: string;
  publisher?: string | null;
  author?: string | null;
  contentHash?: string | null;
  published?: FuzzyDate | null;
  mentions: { __typename: string; id: string; name: string }[];
  supports: Fact[];
}

interface Passage {
  start: number;
  end: number;
  excerpt: string | null;
  facts: Fact[];
}

export function DocumentView({ id, at, fact }: { id: string; at: string; fact: string }) {
  const { data, error, loading } = useQuery<{ document: Doc | null }>(DOCUMENT, { id }, id);
  const doc = data?.document;
  // passages of the text, each once, with every fact that cites it
  const passages = new Map<string, Passage>();
  for (const f of doc?.supports ?? []) {
    for (const c of f.citations) {
      if (c.document.id !== doc?.id) continue;
      const key = `${c.start}-${c.end}`;
      const p = passages.get(key) ?? { start: c.start, end: c.end, excerpt: c.excerpt ?? null, facts: [] };
      if (!p.facts.some((x) => x.id === f.id)) p.facts.push(f);
      passages.set(key, p);
    }
  }
  const ordered = [...passages.values()].sort((a, b) => a.start - b.start || a.end - b.end);
  const segments = stitch(ordered);
  useEffect(() => {
    if (!doc || !(at || fact)) return;
    document.querySelector('mark.cited.target')?.scrollIntoView({ block: 'center' });
  }, [doc, at, fact]);
  return (
    <Status loading={loading} error={error}>
      {doc ? (
        <article className="document-view" data-id={doc.id}>
          <h1>{doc.title}</h1>
          <p className="muted">
            {doc.kind}
            {doc.publisher ? ` · ${doc.publisher}` : ''}
            {doc.author ? ` · ${doc.author}` : ''} · <DateText date={doc.published} />
            {doc.fileName ? ` · ${doc.fileName}` : ''}
            {doc.url ? (
              <>
                {' · '}
                <a href={doc.url} target="_blank" rel="noreferrer noopener">
                  original ↗
                </a>
              </>
            ) : null}
          </p>
          <p className="muted">
            {ordered.length} cited passages supporting {doc.supports.length} facts. Highlights link to their facts.
          </p>
          <div className="doc-text">
            {segments.map((seg, i) => (
              <p key={seg.start} className="passage" data-start={seg.start}>
                {seg.start - (i > 0 ? segments[i - 1]!.end : 0) > 4 ? <span className="gap">[… {seg.start - (i > 0 ? segments[i - 1]!.end : 0)} characters not cited …]</span> : null}
                {seg.pieces.map((piece) => {
                  const inner = piece.covering.reduce((a, b) => (b.end - b.start < a.end - a.start ? b : a));
                  const target = piece.covering.some((c) => `${c.start}-${c.end}` === at || c.facts.some((f) => f.id === fact));
                  return (
                    <span key={piece.start}>
                      <a href={link('fact', inner.facts[0]!.id)} className="cite-anchor" title={piece.covering.flatMap((c) => c.facts.map(factTitle)).join('\n')}>
                        <mark className={`cited depth-${Math.min(piece.covering.length, 3)}${target ? ' target' : ''}`} data-spans={piece.covering.map((c) => `${c.start}-${c.end}`).join(' ')}>
                          {piece.text}
                        </mark>
                      </a>
                      {piece.closing.map((c) =>
                        c.facts.map((f) => (
                          <a key={`${c.start}-${c.end}-${f.id}`} className="fact-link" href={link('fact', f.id)} title={factTitle(f)}>
                            {f.__typename.toLowerCase()}
                          </a>
                        )),
                      )}
                    </span>
                  );
                })}
                {seg.unknown.map((p) => (
                  <span key={`${p.start}-${p.end}`} className="muted">
                    {' '}
                    (characters {p.start}–{p.end}: no text stored){' '}
                    {p.facts.map((f) => (
                      <a key={f.id} className="fact-link" href={link('fact', f.id)}>
                        {f.__typename.toLowerCase()}
                      </a>
                    ))}
                  </span>
                ))}
              </p>
            ))}
          </div>
          {doc.mentions.length ? (
            <section>
              <h2>Names</h2>
              <p>
                {doc.mentions.map((m) => (
                  <span key={m.id}>
                    <a href={link('entity', m.id)}>{m.name}</a>{' '}
                  </span>
                ))}
              </p>
            </section>
          ) : null}
        </article>
      ) : null}
    </Status>
  );
}

interface Piece {
  start: number;
  end: number;
  text: string;
  /** passages that cover this piece */
  covering: Passage[];
  /** passages that end with this piece: their fact links follow it */
  closing: Passage[];
}

interface Segment {
  start: number;
  end: number;
  pieces: Piece[];
  /** passages whose text is not stored */
  unknown: Passage[];
}

/**
 * The document's text as far as its cited passages give it: overlapping and adjacent passages are
 * stitched into runs of text, cut where any passage starts or ends, so that nested citations show
 * as deeper highlights over one copy of the text.
 */
function stitch(passages: Passage[]): Segment[] {
  const segments: Segment[] = [];
  const known = passages.filter((p) => p.excerpt !== null && p.excerpt.length === p.end - p.start);
  const unknown = passages.filter((p) => !known.includes(p));
  let group: Passage[] = [];
  const flush = () => {
    if (!group.length) return;
    const start = Math.min(...group.map((p) => p.start));
    const end = Math.max(...group.map((p) => p.end));
    const chars: string[] = new Array<string>(end - start).fill('');
    for (const p of group) for (let i = 0; i < p.excerpt!.length; i++) chars[p.start - start + i] = p.excerpt![i]!;
    const cuts = [...new Set(group.flatMap((p) => [p.start, p.end]))].sort((a, b) => a - b);
    const pieces: Piece[] = [];
    for (let k = 0; k + 1 < cuts.length; k++) {
      const a = cuts[k]!;
      const b = cuts[k + 1]!;
      const covering = group.filter((p) => p.start <= a && p.end >= b);
      if (!covering.length) continue;
      pieces.push({ start: a, end: b, text: chars.slice(a - start, b - start).join(''), covering, closing: group.filter((p) => p.end === b) });
    }
    segments.push({ start, end, pieces, unknown: [] });
    group = [];
  };
  for (const p of known) {
    if (group.length && p.start > Math.max(...group.map((g) => g.end))) flush();
    group.push(p);
  }
  flush();
  if (unknown.length) segments.push({ start: segments.at(-1)?.end ?? 0, end: segments.at(-1)?.end ?? 0, pieces: [], unknown });
  return segments;
}
