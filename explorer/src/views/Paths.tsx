// Path view: the shortest connections between two entities (the API's `paths`), drawn as a graph
// and listed hop by hop; clicking a hop (in the list or on the graph) shows its evidence.
import type { Core, EdgeSingular } from 'cytoscape';
import { useEffect, useRef, useState } from 'react';
import { Sources, Status, useQuery, type Citation } from '../common.js';
import { createCy, elements } from '../cy.js';
import { edgeId, toGNode, type GEdge, type GNode } from '../graph-data.js';
import { link, navigate } from '../route.js';
import { PATHS } from '../queries.js';

type RawNode = Parameters<typeof toGNode>[0];

interface PathData {
  paths:
    | {
        length: number;
        nodes: RawNode[];
        hops: { relationship: string; forward: boolean; from: { id: string }; to: { id: string }; citations: Citation[] }[];
      }[]
    | null;
}

interface Hop {
  key: string;
  from: GNode;
  to: GNode;
  relationship: string;
  forward: boolean;
  citations: Citation[];
}

export function PathsView({ from, to, maxHops }: { from: string; to: string; maxHops: number }) {
  const [a, setA] = useState(from);
  const [b, setB] = useState(to);
  const ready = Boolean(from && to);
  const { data, error, loading } = useQuery<PathData>(ready ? PATHS : null, { from, to, maxHops }, `${from}|${to}|${maxHops}`);
  return (
    <section className="paths-view">
      <h1>Connections</h1>
      <form
        className="paths-form"
        onSubmit={(e) => {
          e.preventDefault();
          navigate(link('paths', '', { from: a.trim(), to: b.trim() }));
        }}
      >
        <label>
          from <input name="from" value={a} onChange={(e) => setA(e.target.value)} placeholder="id, slug or exact name" />
        </label>
        <label>
          to <input name="to" value={b} onChange={(e) => setB(e.target.value)} placeholder="id, slug or exact name" />
        </label>
        <button type="submit">Find paths</button>
      </form>
      {ready ? (
        <Status loading={loading} error={error}>
          {data?.paths ? <PathResults paths={data.paths} /> : null}
        </Status>
      ) : (
        <p className="muted">Give two entities (their id, slug, or exact name or alias).</p>
      )}
    </section>
  );
}

function PathResults({ paths }: { paths: NonNullable<PathData['paths']> }) {
  const [hop, setHop] = useState<Hop | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const nodes = new Map<string, GNode>();
  const hops = new Map<string, Hop>();
  const listed = paths.map((p) => {
    const ns = p.nodes.map(toGNode);
    for (const n of ns) nodes.set(n.id, n);
    return {
      length: p.length,
      nodes: ns,
      hops: p.hops.map((h) => {
        const [s, t] = h.forward ? [h.from.id, h.to.id] : [h.to.id, h.from.id];
        const key = edgeId(s, h.relationship, t);
        const item: Hop = { key, from: nodes.get(h.from.id)!, to: nodes.get(h.to.id)!, relationship: h.relationship, forward: h.forward, citations: h.citations };
        hops.set(key, item);
        return item;
      }),
    };
  });
  useEffect(() => {
    if (!box.current || !nodes.size) return;
    const edges: GEdge[] = [...hops.values()].map((h) => {
      const [source, target] = h.forward ? [h.from.id, h.to.id] : [h.to.id, h.from.id];
      return { id: h.key, source, target, label: h.relationship };
    });
    const first = listed[0]?.nodes;
    const cy = createCy(box.current, elements([...nodes.values()], edges));
    if (first?.length) {
      cy.getElementById(first[0]!.id).addClass('center');
      cy.getElementById(first[first.length - 1]!.id).addClass('center');
    }
    cy.edges().addClass('hop');
    cy.on('tap', 'edge', (evt) => setHop(hops.get((evt.target as EdgeSingular).id()) ?? null));
    cy.on('mouseover', 'edge', (evt) => setHop(hops.get((evt.target as EdgeSingular).id()) ?? null));
    cyRef.current = cy;
    return () => cy.destroy();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [paths]);

  if (!paths.length) return <p className="muted">Not connected within the hops asked for.</p>;
  return (
    <div className="paths-body">
      <div ref={box} className="cy cy-small" />
      <div className="paths-side">
        <ol className="path-list">
          {listed.map((p, i) => (
            <li key={i} className="path">
              <span className="muted">{p.length} hops: </span>
              {p.nodes.map((n, j) => (
                <span key={n.id + j}>
                  <a href={link(['Person', 'Organization', 'Place', 'Facility', 'Program'].includes(n.type) ? 'entity' : 'fact', n.id)}>{n.label}</a>
                  {p.hops[j] ? (
                    <button
                      type="button"
                      className={`hop-button${hop?.key === p.hops[j]!.key ? ' active' : ''}`}
                      onClick={() => {
                        const h = p.hops[j]!;
                        setHop(h);
                        cyRef.current?.elements().unselect();
                        cyRef.current?.getElementById(h.key).select();
                      }}
                      onMouseEnter={() => setHop(p.hops[j]!)}
                      title="Show the evidence of this hop"
                    >
                      {p.hops[j]!.forward ? `—${p.hops[j]!.relationship}→` : `←${p.hops[j]!.relationship}—`}
                    </button>
                  ) : null}
                </span>
              ))}
            </li>
          ))}
        </ol>
        {hop ? (
          <div className="evidence" data-hop={hop.key}>
            <h3>
              {hop.from.label} {hop.forward ? '→' : '←'} {hop.to.label}
            </h3>
            <p className="muted">{hop.relationship}</p>
            {hop.citations.length ? (
              <ul>
                {hop.citations.map((c, i) => (
                  <li key={i}>
                    <q>{c.excerpt ?? '(no text for this passage)'}</q> <span className="muted">{c.document.title}</span> <Sources citations={[c]} />
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">No passage states this relationship itself (it follows from the facts at its ends).</p>
            )}
          </div>
        ) : (
          <p className="muted">Click or hover a hop to see its evidence.</p>
        )}
      </div>
    </div>
  );
}
