// Graph view: the neighbourhood of a node, expanded by clicking a node (its own neighbourhood is
// added), edges labelled by relationship, colour and shape by kind.
import type { Core, NodeSingular } from 'cytoscape';
import { useEffect, useRef, useState } from 'react';
import { ENTITY_TYPES, KINDS, kindOf } from '../common.js';
import { createCy, elements, runLayout } from '../cy.js';
import { neighbourhood, syntheticNeighbourhood, type GNode, type Neighbourhood } from '../graph-data.js';
import { link } from '../route.js';

/** What the graph view reports to a benchmark or a test (window.__explorerGraph). */
interface GraphStats {
  nodes: number;
  edges: number;
  /** ms since navigation start when the data was ready */
  dataAt: number;
  /** ms spent building the graph, laying it out and mounting it on the page */
  buildMs: number;
  /** ms since navigation start when the first frame with the graph was drawn */
  renderedAt: number | null;
  expansions: number;
  cy: Core;
}

declare global {
  interface Window {
    __explorerGraph?: GraphStats;
  }
}

export function GraphView({ id, synthetic }: { id: string; synthetic: number }) {
  const box = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<GNode | null>(null);
  const [counts, setCounts] = useState({ nodes: 0, edges: 0 });
  const [busy, setBusy] = useState<string | null>(null);
  const [rendered, setRendered] = useState(false);

  useEffect(() => {
    let live = true;
    setError(null);
    setRendered(false);
    const load: Promise<Neighbourhood> = synthetic > 0 ? Promise.resolve(syntheticNeighbourhood(synthetic)) : neighbourhood(id);
    load.then(
      (hood) => {
        if (!live || !box.current) return;
        const dataAt = performance.now();
        const cy = createCy(box.current, elements([hood.center, ...hood.nodes], hood.edges, hood.center.id), hood.center.id);
        cyRef.current = cy;
        cy.getElementById(hood.center.id).addClass('expanded');
        const built = performance.now();
        const stats: GraphStats = { nodes: cy.nodes().length, edges: cy.edges().length, dataAt, buildMs: built - dataAt, renderedAt: null, expansions: 0, cy };
        window.__explorerGraph = stats;
        cy.one('render', () => {
          // the frame after the first draw has been painted
          requestAnimationFrame(() => {
            stats.renderedAt = performance.now();
            if (live) setRendered(true);
          });
        });
        setCounts({ nodes: cy.nodes().length, edges: cy.edges().length });
        cy.on('tap', 'node', (evt) => {
          const n = evt.target as NodeSingular;
          const node: GNode = { id: n.id(), type: String(n.data('type')), label: String(n.data('label')) };
          setSelected(node);
          if (synthetic > 0 || n.hasClass('expanded')) return;
          void expand(node);
        });
      },
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
      cyRef.current?.destroy();
      cyRef.current = null;
    };
  }, [id, synthetic]);

  async function expand(node: GNode) {
    const cy = cyRef.current;
    if (!cy) return;
    setBusy(node.label);
    try {
      const hood = await neighbourhood(node.id);
      const fresh = elements(hood.nodes, hood.edges).filter((el) => cy.getElementById(String(el.data.id)).empty());
      const origin = cy.getElementById(node.id).position();
      cy.add(fresh.map((el, i) => (el.group === 'nodes' ? { ...el, position: { x: origin.x + 60 * Math.cos(i), y: origin.y + 60 * Math.sin(i) } } : el)));
      cy.getElementById(node.id).addClass('expanded');
      runLayout(cy, cy.nodes('.center').first().id(), { keep: true });
      setCounts({ nodes: cy.nodes().length, edges: cy.edges().length });
      if (window.__explorerGraph) {
        window.__explorerGraph.nodes = cy.nodes().length;
        window.__explorerGraph.edges = cy.edges().length;
        window.__explorerGraph.expansions++;
      }
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="graph-view">
      <div className="graph-toolbar">
        <strong>{synthetic > 0 ? `Generated neighbourhood of ${synthetic} nodes` : 'Neighbourhood'}</strong>
        <span className="graph-counts" data-nodes={counts.nodes} data-edges={counts.edges}>
          {counts.nodes} nodes, {counts.edges} relationships
        </span>
        {busy ? <span className="muted">expanding {busy}…</span> : null}
        {rendered ? <span className="graph-ready" data-rendered="1" /> : null}
        <span className="legend">
          {Object.entries(KINDS)
            .filter(([t]) => t !== 'Document')
            .map(([t, k]) => (
              <span key={t} className="legend-item">
                <span className="swatch" style={{ background: k.color }} />
                {t}
              </span>
            ))}
        </span>
      </div>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="graph-body">
        <div ref={box} className="cy" data-testid="graph-canvas" />
        <aside className="graph-side">
          <p className="muted">Click a node to add its neighbours.</p>
          {selected ? (
            <div className="selected" data-id={selected.id}>
              <h3>
                <span className="swatch" style={{ background: kindOf(selected.type).color }} /> {selected.label}
              </h3>
              <p className="muted">{selected.type}</p>
              {synthetic > 0 ? null : (
                <p>
                  <a href={ENTITY_TYPES.includes(selected.type) ? link('entity', selected.id) : link('fact', selected.id)}>Open</a>
                  {' · '}
                  <a href={link('graph', selected.id)}>Centre here</a>
                  {ENTITY_TYPES.includes(selected.type) && selected.id !== id ? (
                    <>
                      {' · '}
                      <a href={link('paths', '', { from: id, to: selected.id })}>Paths from the centre</a>
                    </>
                  ) : null}
                </p>
              )}
            </div>
          ) : null}
        </aside>
      </div>
    </section>
  );
}
