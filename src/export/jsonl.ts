/**
 * JSON Lines: one object per node, then one per relationship.
 *
 *   {"type":"node","id":"person:ana-ruiz","kind":"Person","properties":{...},"documents":[...]}
 *   {"type":"relationship","relType":"HOLDS","from":"person:ana-ruiz","to":"post:...","properties":{...},"documents":[...]}
 *
 * Properties as the graph holds them (citations in `cites`), internal ones left out; dates and
 * other temporal values as ISO text. `documents` lists the documents cited.
 */
import type { Db } from '../graph/db.js';
import { citedDocuments, plainProps } from './fields.js';
import type { Out } from './out.js';
import { readNodes, readRelationships, type ReadOptions } from './reader.js';

export async function writeJsonl(db: Db, out: Out, opts: ReadOptions = {}): Promise<{ nodes: number; relationships: number }> {
  let nodes = 0;
  let relationships = 0;
  for await (const page of readNodes(db, opts)) {
    nodes += page.length;
    await out.write(page.map((n) => `${JSON.stringify({ type: 'node', id: n.id, kind: n.kind, properties: plainProps(n.props), documents: citedDocuments(n.props) })}\n`).join(''));
  }
  for await (const page of readRelationships(db, opts)) {
    relationships += page.length;
    await out.write(
      page.map((r) => `${JSON.stringify({ type: 'relationship', relType: r.type, from: r.from, to: r.to, properties: plainProps(r.props), documents: citedDocuments(r.props) })}\n`).join(''),
    );
  }
  await out.flush();
  return { nodes, relationships };
}
