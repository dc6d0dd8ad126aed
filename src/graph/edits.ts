/**
 * Editors' changes to the graph: reviewing facts, merging and splitting entities. Each runs in
 * one write transaction (reads included), so a change lands whole or not at all, and each leaves
 * an `Edit` node linked `(edit)-[:EDITED]->(node)`. Edit nodes have no `Node` label: search,
 * paths and node() never see them; `history` fields read them (read/edit-history).
 */
import { randomUUID } from 'node:crypto';
import { parseCitationKey } from '../domain/citation.js';
import { ENTITY_KINDS, FACT_KINDS, NODE_KINDS, type EntityKind, type NodeKind } from '../domain/model.js';
import { foldName, slugify } from '../domain/names.js';
import type { WriteTx } from './db.js';
import type { Db } from './db.js';
import { rowToNode, type GraphNode, type NodeRow } from './records.js';

/** A change that cannot be made as asked: `argument` names the mutation argument at fault. */
export class EditError extends Error {
  constructor(
    readonly kind: 'not-found' | 'bad-input',
    readonly argument: string,
    message: string,
  ) {
    super(message);
    this.name = 'EditError';
  }
}

export interface EditBy {
  /** name of the API key making the change */
  by: string;
  note?: string | null;
}

export type EditAction = 'confirm' | 'reject' | 'merge' | 'split' | 'dismiss-duplicate';

interface EditRecord {
  id: string;
  action: EditAction;
  by: string;
  at: string;
  note: string | null;
  details: string | null;
  target: string;
}

function editRecord(action: EditAction, target: string, who: EditBy, at: string, details: string | null = null): EditRecord {
  return { id: `edit:${randomUUID()}`, action, by: who.by, at, note: who.note ?? null, details, target };
}

const kindOf = (labels: string[]): NodeKind | undefined => NODE_KINDS.find((k) => labels.includes(k));
const isEntity = (k: NodeKind | undefined): k is EntityKind => (ENTITY_KINDS as readonly string[]).includes(k ?? '');
const unique = <T>(xs: T[]): T[] => [...new Set(xs)];
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

/** The name properties of an entity as the writer derives them: `aliasText` feeds the full-text index, `fold` the text filters. */
function nameProps(name: string, aliases: string[]): { aliases: string[]; aliasText: string; fold: string } {
  const aliasText = [name, ...aliases].join(' | ');
  return { aliases, aliasText, fold: foldName([name, aliasText].join(' ')) };
}

// ---- facts ----

/** Sets a fact's review status, who reviewed it and when, and records the edit. Returns the fact. */
export async function reviewFact(db: Db, id: string, status: 'confirmed' | 'rejected', who: EditBy): Promise<GraphNode> {
  return db.write(async (tx) => {
    const [row] = await tx.run<NodeRow>('read/nodes-by-id', { ids: [id] });
    if (!row) throw new EditError('not-found', 'id', `no fact with id "${id}"`);
    const kind = kindOf(row.labels);
    if (!(FACT_KINDS as readonly string[]).includes(kind ?? '')) {
      throw new EditError('bad-input', 'id', `"${id}" is a ${kind ?? 'node'}, not a fact (Post, Event, Statement, Commitment or Figure)`);
    }
    const at = new Date().toISOString();
    const edit = editRecord(status === 'confirmed' ? 'confirm' : 'reject', id, who, at);
    const [fact] = await tx.run<NodeRow>('write/review-fact', { id, status, by: who.by, at, edit });
    if (!fact) throw new EditError('not-found', 'id', `no fact with id "${id}"`); // deleted meanwhile
    return rowToNode(fact);
  });
}

// ---- entities ----

async function entities(tx: WriteTx, refs: Record<string, string>): Promise<Record<string, NodeRow & { kind: EntityKind }>> {
  const rows = await tx.run<NodeRow & { ref: string }>('read/entities-for-edit', { refs: unique(Object.values(refs)) });
  const out: Record<string, NodeRow & { kind: EntityKind }> = {};
  for (const [argument, ref] of Object.entries(refs)) {
    const row = rows.find((r) => r.ref === ref);
    const kind = row ? kindOf(row.labels) : undefined;
    if (!row || !isEntity(kind)) throw new EditError('not-found', argument, `no entity with id or slug "${ref}"`);
    out[argument] = { ...row, kind };
  }
  return out;
}

/**
 * Merges entity `merge` into `keep` (same kind): every relationship of `merge` moves to `keep`,
 * its name and aliases become aliases of `keep`, citations are united, `merge` is deleted.
 * Returns the kept entity.
 */
export async function mergeEntities(db: Db, keepRef: string, mergeRef: string, who: EditBy): Promise<GraphNode> {
  return db.write(async (tx) => {
    const { keep, merge } = await entities(tx, { keep: keepRef, merge: mergeRef });
    if (keep!.id === merge!.id) throw new EditError('bad-input', 'merge', `"${mergeRef}" is the entity to keep: nothing to merge`);
    if (keep!.kind !== merge!.kind) {
      throw new EditError('bad-input', 'merge', `${merge!.id} is a ${merge!.kind} and ${keep!.id} a ${keep!.kind}: only entities of the same kind can be merged`);
    }
    const k = keep!.props;
    const m = merge!.props;
    const name = String(k.name);
    const aliases = unique([...strings(k.aliases), String(m.name), ...strings(m.aliases)]).filter((a) => a !== name);
    const props = { ...nameProps(name, aliases), cites: unique([...strings(k.cites), ...strings(m.cites)]) };
    const at = new Date().toISOString();
    const edit = editRecord('merge', keep!.id, who, at, `merged ${merge!.id} (${String(m.name)})`);
    const [row] = await tx.run<NodeRow>('write/merge-entities', { keep: keep!.id, merge: merge!.id, props, edit });
    if (!row) throw new EditError('not-found', 'merge', `${merge!.id} or ${keep!.id} was deleted meanwhile`);
    return rowToNode(row);
  });
}

/** Does folded text contain a folded name as whole words? */
function mentions(folded: string, name: string): boolean {
  return name !== '' && ` ${folded} `.includes(` ${name} `);
}

/**
 * Splits names off an entity into a new entity of the same kind named `name`: `names` (aliases of
 * the original, compared without accents and case) leave the original and become the new entity's
 * aliases. Citations whose passage reads one of the split names (and none of the names the
 * original keeps) move to the new entity. Relationships stay with the original. Returns the new entity.
 */
export async function splitEntity(db: Db, ref: string, names: string[], newName: string, who: EditBy): Promise<GraphNode> {
  return db.write(async (tx) => {
    const { id: original } = await entities(tx, { id: ref });
    const o = original!.props;
    const oName = String(o.name);
    const oAliases = strings(o.aliases);
    const name = newName.trim();
    if (!name || !slugify(name)) throw new EditError('bad-input', 'name', 'must contain letters or digits');
    const wanted = names.map((n) => n.trim());
    if (!wanted.length || wanted.some((n) => !foldName(n))) throw new EditError('bad-input', 'names', 'give one or more aliases of the entity to split off');
    const folds = new Set(wanted.map(foldName));
    for (const n of wanted) {
      if (foldName(n) === foldName(oName)) throw new EditError('bad-input', 'names', `"${n}" is the name of ${original!.id}, not an alias: it stays`);
      if (!oAliases.some((a) => foldName(a) === foldName(n))) {
        throw new EditError('bad-input', 'names', `"${n}" is not an alias of ${original!.id} (its aliases: ${oAliases.map((a) => `"${a}"`).join(', ') || 'none'})`);
      }
    }
    const moved = oAliases.filter((a) => folds.has(foldName(a)));
    const kept = oAliases.filter((a) => !folds.has(foldName(a)));
    if (foldName(name) === foldName(oName)) throw new EditError('bad-input', 'name', `must differ from the name of ${original!.id}`);
    if (kept.some((a) => foldName(a) === foldName(name))) {
      throw new EditError('bad-input', 'name', `"${name}" is an alias that stays with ${original!.id}; add it to names to move it`);
    }

    // A slug of the new name that no entity has yet.
    const base = slugify(name);
    const candidates = [base, ...Array.from({ length: 49 }, (_, i) => `${base}-${i + 2}`)];
    const taken = new Set((await tx.run<{ slug: string }>('read/taken-slugs', { slugs: candidates })).map((r) => r.slug));
    const slug = candidates.find((s) => !taken.has(s));
    if (!slug) throw new EditError('bad-input', 'name', `too many entities are already named like "${name}"`);
    const newId = `${original!.kind.toLowerCase()}:${slug}`;

    // Citations: by what their passage reads.
    const cites = strings(o.cites);
    const documents = unique(cites.map((c) => parseCitationKey(c).documentId));
    const texts = new Map(
      (await tx.run<{ id: string; text: string | null }>('read/document-texts', { ids: documents })).map((r) => [r.id, r.text]),
    );
    const splitNames = unique([...moved, name].map(foldName));
    const stayNames = unique([oName, ...kept].map(foldName)).sort((a, b) => b.length - a.length);
    const keepCites: string[] = [];
    const newCites: string[] = [];
    for (const key of cites) {
      const c = parseCitationKey(key);
      const text = texts.get(c.documentId);
      if (!text) { keepCites.push(key); continue; }
      const excerpt = foldName(text.slice(c.start, c.end));
      // Blank out the names the original keeps ("Tomás Garibay Luna" must not count as a mention of "Garibay").
      let rest = ` ${excerpt} `;
      for (const n of stayNames) rest = rest.split(` ${n} `).join('  ');
      const readsStay = rest !== ` ${excerpt} `;
      const readsSplit = splitNames.some((n) => mentions(rest.trim().replace(/\s+/g, ' '), n));
      if (readsSplit) newCites.push(key);
      if (!readsSplit || readsStay) keepCites.push(key);
    }
    const docsOf = (keys: string[]) => unique(keys.map((k) => parseCitationKey(k).documentId));

    const at = new Date().toISOString();
    const props: Record<string, unknown> = {
      id: newId, slug, name, ...nameProps(name, moved.filter((a) => a !== name)), cites: newCites,
      description: null, reviewStatus: 'confirmed', confidence: 1,
    };
    const [row] = await tx.run<NodeRow>('write/split-entity', {
      id: original!.id,
      keep: { ...nameProps(oName, kept), cites: keepCites },
      keepDocuments: docsOf(keepCites),
      props,
      labels: [original!.kind, 'Entity'],
      newDocuments: docsOf(newCites),
      originalEdit: editRecord('split', original!.id, who, at, `split off ${newId} (${name}) with ${moved.map((a) => `"${a}"`).join(', ')}`),
      newEdit: editRecord('split', newId, who, at, `split from ${original!.id} (${oName})`),
    });
    if (!row) throw new EditError('not-found', 'id', `${original!.id} was deleted meanwhile`);
    return rowToNode(row);
  });
}

/** Two look-alike entities are not one: their candidate link is dismissed and both histories record it. */
export async function dismissDuplicate(db: Db, aRef: string, bRef: string, who: EditBy): Promise<GraphNode> {
  return db.write(async (tx) => {
    const { a, b } = await entities(tx, { a: aRef, b: bRef });
    if (a!.id === b!.id) throw new EditError('bad-input', 'b', 'names the same entity as a');
    const at = new Date().toISOString();
    const edit = editRecord('dismiss-duplicate', a!.id, who, at, `${a!.id} and ${b!.id} are not the same`);
    const [row] = await tx.run<NodeRow>('write/dismiss-duplicate', { a: a!.id, b: b!.id, at, by: who.by, note: who.note ?? null, edit });
    if (!row) throw new EditError('not-found', 'b', `${a!.id} and ${b!.id} are not listed as possible duplicates`);
    return rowToNode(row);
  });
}
