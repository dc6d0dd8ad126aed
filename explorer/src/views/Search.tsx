// Search across kinds (the API's `search`: accents and case ignored), results grouped by kind.
import { useState } from 'react';
import { DateText, EntityLink, KINDS, Status, kindOf, useQuery, type FuzzyDate } from '../common.js';
import { link, navigate } from '../route.js';
import { SEARCH } from '../queries.js';

interface Hit {
  score: number;
  node: { __typename: string; id: string; name?: string; aliases?: string[]; title?: string; summary?: string; date?: FuzzyDate | null; published?: FuzzyDate | null };
}

export function SearchView({ q }: { q: string }) {
  const [text, setText] = useState(q);
  const { data, error, loading } = useQuery<{ search: Hit[] }>(q.trim() ? SEARCH : null, { q }, q);
  const groups = new Map<string, Hit[]>();
  for (const hit of data?.search ?? []) groups.set(hit.node.__typename, [...(groups.get(hit.node.__typename) ?? []), hit]);
  const order = Object.keys(KINDS);
  const sorted = [...groups.entries()].sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0]));
  return (
    <section>
      <form
        className="search"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          navigate(link('search', '', { q: text.trim() }));
        }}
      >
        <input name="q" type="search" aria-label="Search" placeholder="Search people, bodies, places, events, documents…" value={text} onChange={(e) => setText(e.target.value)} autoFocus />
        <button type="submit">Search</button>
      </form>
      {q.trim() ? (
        <Status loading={loading} error={error}>
          {sorted.length === 0 ? <p className="muted">Nothing matches “{q}”.</p> : null}
          <div className="results">
            {sorted.map(([type, hits]) => (
              <div key={type} className="result-group" data-kind={type}>
                <h2 style={{ borderColor: kindOf(type).color }}>
                  {kindOf(type).label} <span className="muted">({hits.length})</span>
                </h2>
                <ul>
                  {hits.map((h) => (
                    <li key={h.node.id} className="hit">
                      <EntityLink node={h.node} />
                      {h.node.aliases?.length ? <span className="muted"> · {h.node.aliases.slice(0, 3).join(', ')}</span> : null}
                      {h.node.date !== undefined ? (
                        <span className="muted">
                          {' '}
                          · <DateText date={h.node.date} />
                        </span>
                      ) : null}
                      {h.node.published ? (
                        <span className="muted">
                          {' '}
                          · <DateText date={h.node.published} />
                        </span>
                      ) : null}
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
        </Status>
      ) : (
        <p className="muted">Type a name (with or without accents), a title or words of a statement.</p>
      )}
    </section>
  );
}
