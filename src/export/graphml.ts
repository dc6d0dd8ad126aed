/**
 * GraphML (http://graphml.graphdrawing.org/), as Gephi, yEd, Cytoscape and graph libraries read
 * it: one directed graph, every node with its `label` (name), `kind`, `date` and the number of
 * documents it cites; every relationship an edge with its `label` and `type` (the relationship
 * type), `role`, `key` and cited documents. Parallel edges (two INVOLVES with different roles)
 * stay apart. Nodes come first, then edges.
 */
import type { Db } from '../graph/db.js';
import { citedDocuments, dateOf, displayName, postBound, citeKeys } from './fields.js';
import type { Out } from './out.js';
import { readNodes, readRelationships, type ReadOptions } from './reader.js';
import { LIST_SEPARATOR } from './csv.js';

const KEYS: { id: string; for: 'node' | 'edge'; name: string; type: 'string' | 'int' | 'double' }[] = [
  { id: 'label', for: 'node', name: 'label', type: 'string' },
  { id: 'kind', for: 'node', name: 'kind', type: 'string' },
  { id: 'slug', for: 'node', name: 'slug', type: 'string' },
  { id: 'date', for: 'node', name: 'date', type: 'string' },
  { id: 'category', for: 'node', name: 'category', type: 'string' },
  { id: 'reviewStatus', for: 'node', name: 'reviewStatus', type: 'string' },
  { id: 'documents', for: 'node', name: 'documents', type: 'int' },
  { id: 'citations', for: 'node', name: 'citations', type: 'string' },
  { id: 'elabel', for: 'edge', name: 'label', type: 'string' },
  { id: 'type', for: 'edge', name: 'type', type: 'string' },
  { id: 'role', for: 'edge', name: 'role', type: 'string' },
  { id: 'key', for: 'edge', name: 'key', type: 'string' },
  { id: 'edocuments', for: 'edge', name: 'documents', type: 'int' },
  { id: 'ecitations', for: 'edge', name: 'citations', type: 'string' },
];

// XML 1.0 forbids most control characters even escaped; they are dropped
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function xmlEscape(s: string): string {
  return s.replace(INVALID_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function data(values: [string, string | number | null | undefined][]): string {
  return values
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => `<data key="${k}">${xmlEscape(String(v))}</data>`)
    .join('');
}

const HEADER = `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
${KEYS.map((k) => `  <key id="${k.id}" for="${k.for}" attr.name="${k.name}" attr.type="${k.type}"/>`).join('\n')}
  <graph id="officials" edgedefault="directed">
`;

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

export async function writeGraphml(db: Db, out: Out, opts: ReadOptions = {}): Promise<{ nodes: number; relationships: number }> {
  let nodes = 0;
  let relationships = 0;
  await out.write(HEADER);
  for await (const page of readNodes(db, opts)) {
    nodes += page.length;
    await out.write(
      page
        .map((n) => {
          const date = n.kind === 'Post' ? postBound(n.props, 'from') : (dateOf(n.props, 'date') ?? dateOf(n.props, 'published') ?? dateOf(n.props, 'asOf') ?? dateOf(n.props, 'deadline'));
          return `    <node id="${xmlEscape(n.id)}">${data([
            ['label', displayName(n.kind, n.props)],
            ['kind', n.kind],
            ['slug', str(n.props.slug)],
            ['date', date?.iso],
            ['category', str(n.props.category)],
            ['reviewStatus', str(n.props.reviewStatus)],
            ['documents', citedDocuments(n.props).length],
            ['citations', citeKeys(n.props).join(LIST_SEPARATOR)],
          ])}</node>\n`;
        })
        .join(''),
    );
  }
  for await (const page of readRelationships(db, opts)) {
    await out.write(
      page
        .map((r) => {
          relationships++;
          return `    <edge id="e${relationships}" source="${xmlEscape(r.from)}" target="${xmlEscape(r.to)}">${data([
            ['elabel', r.type],
            ['type', r.type],
            ['role', str(r.props.role)],
            ['key', str(r.props.key)],
            ['edocuments', citedDocuments(r.props).length],
            ['ecitations', citeKeys(r.props).join(LIST_SEPARATOR)],
          ])}</edge>\n`;
        })
        .join(''),
    );
  }
  await out.write('  </graph>\n</graphml>\n');
  await out.flush();
  return { nodes, relationships };
}
