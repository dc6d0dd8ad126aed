// cytoscape.js set up for the explorer: node colour and shape by kind, relationship labels on
// edges, and the options that keep 1,000 nodes responsive (labels hidden when zoomed out, edges
// hidden and a texture drawn while panning or zooming).
import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import { KINDS } from './common.js';
import type { GEdge, GNode } from './graph-data.js';

export function elements(nodes: GNode[], edges: GEdge[], center?: string): ElementDefinition[] {
  return [
    ...nodes.map((n) => ({ group: 'nodes' as const, data: { id: n.id, label: n.label, type: n.type }, classes: n.id === center ? 'center' : '' })),
    ...edges.map((e) => ({ group: 'edges' as const, data: { id: e.id, source: e.source, target: e.target, label: e.label } })),
  ];
}

const typeStyles = Object.entries(KINDS).map(([type, k]) => ({
  selector: `node[type = "${type}"]`,
  style: { 'background-color': k.color, shape: k.shape as cytoscape.Css.NodeShape },
}));

/** The graph drawn in `container`, laid out (see runLayout) and fitted to it. */
export function createCy(container: HTMLElement, els: ElementDefinition[], center?: string): Core {
  const large = els.length > 800;
  const cy = cytoscape({
    container,
    elements: els,
    minZoom: 0.05,
    maxZoom: 4,
    hideEdgesOnViewport: large,
    textureOnViewport: large,
    pixelRatio: large ? 1 : 'auto',
    style: [
      {
        selector: 'node',
        style: {
          label: 'data(label)',
          'font-size': 10,
          'min-zoomed-font-size': 7,
          'text-valign': 'bottom',
          'text-margin-y': 3,
          // ellipsis measures each label again and again: too slow for a thousand of them
          'text-wrap': large ? 'none' : 'ellipsis',
          'text-max-width': '140px',
          width: 22,
          height: 22,
          'border-width': 1,
          'border-color': '#fff',
          color: '#222',
        },
      },
      ...typeStyles,
      { selector: 'node.center', style: { width: 34, height: 34, 'border-width': 3, 'border-color': '#111', 'font-weight': 'bold' } },
      { selector: 'node.expanded', style: { 'border-width': 2, 'border-color': '#111' } },
      { selector: 'node:selected', style: { 'overlay-color': '#ffd400', 'overlay-opacity': 0.35, 'overlay-padding': 6 } },
      {
        selector: 'edge',
        style: {
          // at a thousand nodes the labels of every edge cannot be read anyway: they show on hover and selection
          label: large ? '' : 'data(label)',
          'font-size': 7,
          'min-zoomed-font-size': 8,
          'text-rotation': 'autorotate',
          'text-background-color': '#fff',
          'text-background-opacity': 0.8,
          'text-background-padding': '1px',
          color: '#555',
          width: 1.2,
          'line-color': '#b8b8b8',
          'target-arrow-color': '#b8b8b8',
          'target-arrow-shape': 'triangle',
          'arrow-scale': 0.7,
          'curve-style': large ? 'haystack' : 'bezier',
        },
      },
      { selector: 'edge:selected, edge.hovered', style: { label: 'data(label)', 'font-size': 9, 'min-zoomed-font-size': 0 } },
      { selector: 'edge.hop', style: { width: 3, 'line-color': '#e0a800', 'target-arrow-color': '#e0a800', color: '#222', 'font-size': 9 } },
      { selector: 'edge:selected', style: { width: 4, 'line-color': '#ff6f00', 'target-arrow-color': '#ff6f00' } },
    ],
  });
  cy.on('mouseover', 'edge', (e) => e.target.addClass('hovered'));
  cy.on('mouseout', 'edge', (e) => e.target.removeClass('hovered'));
  if (center) cy.getElementById(center).addClass('center');
  runLayout(cy, center);
  return cy;
}

/** The whole graph in view, but a few nodes not blown up to fill the canvas. */
function fitView(cy: Core): void {
  cy.fit(undefined, 30);
  if (cy.zoom() > 1.3) {
    cy.zoom(1.3);
    cy.center();
  }
}

/**
 * A layout that suits the graph's size: force-directed when small, concentric rings when large.
 * `keep`: start from the nodes' current positions (after an expansion), so the picture moves little.
 */
export function runLayout(cy: Core, center?: string, opts: { keep?: boolean } = {}): void {
  const n = cy.nodes().length;
  const layout =
    n <= 150
      ? cy.layout({ name: 'cose', animate: false, randomize: !opts.keep, nodeRepulsion: () => 12000, idealEdgeLength: () => 110, numIter: 600, fit: false } as cytoscape.LayoutOptions)
      : cy.layout({
          name: 'concentric',
          animate: false,
          fit: false,
          minNodeSpacing: 4,
          concentric: (node: cytoscape.NodeSingular) => (node.id() === center ? 1000 : node.degree(false)),
          levelWidth: () => 2,
        } as cytoscape.LayoutOptions);
  layout.run();
  if (cy.container()) fitView(cy);
}
