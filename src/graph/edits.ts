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

type EditAction = 'confirm' | 'reject' | 'merge' | 'unmerge' | 'split' | 'dismiss-duplicate' | 'undo';

interface EditRecord {
  id: string;
  action: EditAction;
  by: string;
  at: string;
  note: string | null;
  details: string | null;
  target: string;
  /** JSON of what undoEdit needs to put the change back (see the Undo* types) */
  undo?: string;
  /** merges: the id of the entity merged away */
  mergedId?: string;
}

function editRecord(action: EditAction, target: string, who: EditBy, at: string, details: string | null = null, extra: Partial<EditRecord> = {}): EditRecord {
  return { id: `edit:${randomUUID()}`, action, by: who.by, at, note: who.note ?? null, details, target, ...extra };
}

/** A fact's review before a confirm or reject. */
interface UndoReview {
  reviewStatus: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
}

/** One relationship of a merged entity, as read/merge-relationships reads it before the merge. */
interface MovedRel {
  type: string;
  dir: 'out' | 'in';
  other: string;
  otherIsNode: boolean;
  props: Record<string, unknown>;
  /** keep already had the relationship it was folded into */
  existed: boolean;
  /** citations the merge added to keep's relationship */
  addedCites: string[];
  /** keep's relationship had no citations property before the merge gave it one */
  keepCitesAbsent: boolean;
}

/** Everything a merge changed, to put it back. */
interface UndoMerge {
  merged: { labels: string[]; props: Record<string, unknown> };
  rels: MovedRel[];
  between: { type: string; dir: 'out' | 'in'; props: Record<string, unknown> }[];
  /** keep's names as they were (restored as they were when no alias was added to keep since) */
  keepBefore: { aliases: string[]; aliasText: unknown; fold: unknown };
  /** names and citations keep received */
  addedAliases: string[];
  addedCites: string[];
  /** keep took merged's description or acronym */
  tookDescription: boolean;
  tookAcronym: boolean;
  /** redirects that led to merged and now lead to keep */
  retargeted: string[];
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
    const before: UndoReview = {
      reviewStatus: (row.props.reviewStatus as string | undefined) ?? null,
      reviewedBy: (row.props.reviewedBy as string | undefined) ?? null,
      reviewedAt: (row.props.reviewedAt as string | undefined) ?? null,
    };
    const edit = editRecord(status === 'confirmed' ? 'confirm' : 'reject', id, who, at, null, { undo: JSON.stringify(before) });
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

/** The folded names an entity goes by: name, aliases and acronym. */
function namesOf(props: Record<string, unknown>): Set<string> {
  return new Set(
    [props.name, props.acronym, ...strings(props.aliases)]
      .filter((v): v is string => typeof v === 'string' && v !== '')
      .map(foldName)
      .filter(Boolean),
  );
}

export interface MergeOptions {
  /** merge entities that share no name, alias or acronym (a note saying why is required) */
  force?: boolean;
}

/**
 * Merges entity `merge` into `keep` (same kind): every relationship of `merge` moves to `keep`,
 * its name and aliases become aliases of `keep`, citations are united, `merge` is deleted and its
 * id and slug redirect to `keep`. Entities that share no name, alias or acronym are refused unless
 * `force` is set with a note. The Edit records all it changed, so undoEdit can put it back.
 * Returns the kept entity.
 */
export async function mergeEntities(db: Db, keepRef: string, mergeRef: string, who: EditBy, opts: MergeOptions = {}): Promise<GraphNode> {
  return db.write((tx) => mergeIn(tx, keepRef, mergeRef, who, opts));
}

async function mergeIn(tx: WriteTx, keepRef: string, mergeRef: string, who: EditBy, opts: MergeOptions, action: EditAction = 'merge'): Promise<GraphNode> {
  const { keep, merge } = await entities(tx, { keep: keepRef, merge: mergeRef });
  if (keep!.id === merge!.id) throw new EditError('bad-input', 'merge', `"${mergeRef}" is the entity to keep: nothing to merge`);
  if (keep!.kind !== merge!.kind) {
    throw new EditError('bad-input', 'merge', `${merge!.id} is a ${merge!.kind} and ${keep!.id} a ${keep!.kind}: only entities of the same kind can be merged`);
  }
  const k = keep!.props;
  const m = merge!.props;
  const kNames = namesOf(k);
  const shared = [...namesOf(m)].some((n) => kNames.has(n));
  if (!shared && !opts.force) {
    throw new EditError(
      'bad-input',
      'merge',
      `${merge!.id} (${String(m.name)}) and ${keep!.id} (${String(k.name)}) share no name, alias or acronym; if they are one all the same, merge with force: true and a note saying why`,
    );
  }
  if (!shared && !who.note) throw new EditError('bad-input', 'note', 'a forced merge of entities that share no name needs a note saying why they are one');

  const name = String(k.name);
  const aliases = unique([...strings(k.aliases), String(m.name), ...strings(m.aliases)]).filter((a) => a !== name);
  const cites = unique([...strings(k.cites), ...strings(m.cites)]);
  const props = { ...nameProps(name, aliases), cites };

  type Row = Omit<MovedRel, 'addedCites'> & { between: boolean; keepCites: string[] };
  const rows = await tx.run<Row>('read/merge-relationships', { keep: keep!.id, merge: merge!.id });
  const retargeted = (await tx.run<{ id: string }>('read/redirects-to', { id: merge!.id })).map((r) => r.id);
  const undo: UndoMerge = {
    merged: { labels: merge!.labels, props: m },
    rels: rows
      .filter((r) => !r.between)
      .map(({ between: _b, keepCites, ...r }) => ({
        ...r,
        addedCites: r.existed ? strings(r.props.cites).filter((c) => !keepCites.includes(c)) : [],
      })),
    between: rows.filter((r) => r.between).map((r) => ({ type: r.type, dir: r.dir, props: r.props })),
    keepBefore: { aliases: strings(k.aliases), aliasText: k.aliasText ?? null, fold: k.fold ?? null },
    addedAliases: aliases.filter((a) => !strings(k.aliases).includes(a)),
    addedCites: cites.filter((c) => !strings(k.cites).includes(c)),
    tookDescription: k.description == null && m.description != null,
    tookAcronym: k.acronym == null && m.acronym != null,
    retargeted,
  };
  const at = new Date().toISOString();
  const details = `${action === 'undo' ? 'merged back' : 'merged'} ${merge!.id} (${String(m.name)})${shared ? '' : ' (forced: they share no name)'}`;
  const edit = editRecord(action, keep!.id, who, at, details, { mergedId: merge!.id, undo: JSON.stringify(undo) });
  const [row] = await tx.run<NodeRow>('write/merge-entities', { keep: keep!.id, merge: merge!.id, props, edit });
  if (!row) throw new EditError('not-found', 'merge', `${merge!.id} or ${keep!.id} was deleted meanwhile`);
  return rowToNode(row);
}

/**
 * Undoes a merge from its Edit: the merged entity is back with its id, slug, names and
 * relationships; the kept one loses what the merge gave it (relationships added to it since stay).
 * `ref` is the merged entity's former id or slug, or the merge Edit's id. Returns the entity restored.
 */
export async function unmergeEntities(db: Db, ref: string, who: EditBy): Promise<GraphNode> {
  return db.write((tx) => unmergeIn(tx, ref, who, 'merged'));
}

async function unmergeIn(tx: WriteTx, ref: string, who: EditBy, argument: string): Promise<GraphNode> {
  const [found] = await tx.run<{ edit: Record<string, unknown>; leadsTo: string | null }>('read/merge-edit', { ref });
  if (!found) throw new EditError('not-found', argument, `no standing merge of an entity with the id or slug "${ref}" (nor a merge edit with that id)`);
  const edit = found.edit;
  const keepId = String(edit.target);
  const undo = JSON.parse(String(edit.undo ?? 'null')) as UndoMerge | null;
  if (!undo) throw new EditError('bad-input', argument, `the merge ${String(edit.id)} was made before merges recorded what they changed: it cannot be undone`);
  if (found.leadsTo && found.leadsTo !== keepId) {
    throw new EditError('bad-input', argument, `${keepId}, which ${String(edit.mergedId)} was merged into, was itself merged into ${found.leadsTo} since: undo that merge first`);
  }
  const [keepRow] = await tx.run<NodeRow>('read/nodes-by-id', { ids: [keepId] });
  if (!keepRow) throw new EditError('not-found', argument, `${keepId}, which ${String(edit.mergedId)} was merged into, is gone`);
  const slug = String(undo.merged.props.slug);
  if ((await tx.run('read/taken-slugs', { slugs: [slug], except: undo.merged.props.id })).length) {
    throw new EditError('bad-input', argument, `the slug "${slug}" has been taken by another entity since the merge: rename that one first`);
  }
  const k = keepRow.props;
  const name = String(k.name);
  const aliases = strings(k.aliases).filter((a) => !undo.addedAliases.includes(a));
  const asBefore = aliases.length === undo.keepBefore.aliases.length && aliases.every((a, i) => a === undo.keepBefore.aliases[i]);
  const keepProps: Record<string, unknown> = {
    ...(asBefore ? { aliases, aliasText: undo.keepBefore.aliasText, fold: undo.keepBefore.fold } : nameProps(name, aliases)),
    cites: strings(k.cites).filter((c) => !undo.addedCites.includes(c)),
    ...(undo.tookDescription && k.description === undo.merged.props.description ? { description: null } : {}),
    ...(undo.tookAcronym && k.acronym === undo.merged.props.acronym ? { acronym: null } : {}),
  };
  const at = new Date().toISOString();
  const mergedId = String(undo.merged.props.id);
  const mergedName = String(undo.merged.props.name);
  const [row] = await tx.run<NodeRow>('write/unmerge-entities', {
    keep: keepId,
    merged: undo.merged,
    rels: undo.rels,
    between: undo.between,
    keepProps,
    retargeted: undo.retargeted,
    editId: edit.id,
    at,
    by: who.by,
    keepEdit: editRecord('unmerge', keepId, who, at, `undid the merge of ${mergedId} (${mergedName}) from ${String(edit.at)}`),
    mergedEdit: editRecord('unmerge', mergedId, who, at, `split back out of ${keepId} (${name}), undoing the merge from ${String(edit.at)}`),
  });
  if (!row) throw new EditError('not-found', argument, `${keepId} was deleted meanwhile`);
  return rowToNode(row);
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
    const taken = new Set((await tx.run<{ slug: string }>('read/taken-slugs', { slugs: candidates, except: null })).map((r) => r.slug));
    const slug = candidates.find((s) => !taken.has(s));
    if (!slug) throw new EditError('bad-input', 'name', `too many entities are already named like "${name}"`);
    const newId = `${original!.kind.toLowerCase()}:${slug}`;

    // Citations: by what their passage reads.
    const cites = strings(o.cites);
    const documents = unique(cites.map((c) => parseCitationKey(c).documentId));
    const texts = new Map((await tx.run<{ id: string; text: string | null }>('read/document-texts', { ids: documents })).map((r) => [r.id, r.text]));
    const splitNames = unique([...moved, name].map(foldName));
    const stayNames = unique([oName, ...kept].map(foldName)).sort((a, b) => b.length - a.length);
    const keepCites: string[] = [];
    const newCites: string[] = [];
    for (const key of cites) {
      const c = parseCitationKey(key);
      const text = texts.get(c.documentId);
      if (!text) {
        keepCites.push(key);
        continue;
      }
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
      id: newId,
      slug,
      name,
      ...nameProps(
        name,
        moved.filter((a) => a !== name),
      ),
      cites: newCites,
      description: null,
      reviewStatus: 'confirmed',
      confidence: 1,
    };
    const [row] = await tx.run<NodeRow>('write/split-entity', {
      id: original!.id,
      keep: { ...nameProps(oName, kept), cites: keepCites },
      keepDocuments: docsOf(keepCites),
      props,
      labels: [original!.kind, 'Entity'],
      newDocuments: docsOf(newCites),
      ...splitEdits(original!.id, newId, who, at, `split off ${newId} (${name}) with ${moved.map((a) => `"${a}"`).join(', ')}`, `split from ${original!.id} (${oName})`),
    });
    if (!row) throw new EditError('not-found', 'id', `${original!.id} was deleted meanwhile`);
    return rowToNode(row);
  });
}

/** The two Edits of a split, each knowing both (undoEdit merges the new entity back). */
function splitEdits(original: string, created: string, who: EditBy, at: string, originalDetails: string, newDetails: string) {
  const originalEdit = editRecord('split', original, who, at, originalDetails);
  const newEdit = editRecord('split', created, who, at, newDetails);
  const undo = JSON.stringify({ original, created, edits: [originalEdit.id, newEdit.id] });
  return { originalEdit: { ...originalEdit, undo }, newEdit: { ...newEdit, undo } };
}

/** Two look-alike entities are not one: their candidate link is dismissed and both histories record it. */
export async function dismissDuplicate(db: Db, aRef: string, bRef: string, who: EditBy): Promise<GraphNode> {
  return db.write(async (tx) => {
    const { a, b } = await entities(tx, { a: aRef, b: bRef });
    if (a!.id === b!.id) throw new EditError('bad-input', 'b', 'names the same entity as a');
    const at = new Date().toISOString();
    const edit = editRecord('dismiss-duplicate', a!.id, who, at, `${a!.id} and ${b!.id} are not the same`, { undo: JSON.stringify({ a: a!.id, b: b!.id }) });
    const [row] = await tx.run<NodeRow>('write/dismiss-duplicate', { a: a!.id, b: b!.id, at, by: who.by, note: who.note ?? null, edit });
    if (!row) throw new EditError('not-found', 'b', `${a!.id} and ${b!.id} are not listed as possible duplicates`);
    return rowToNode(row);
  });
}

// ---- undo ----

const UNDOABLE: readonly EditAction[] = ['confirm', 'reject', 'merge', 'split', 'dismiss-duplicate'];

/** Whether undoEdit can undo an edit now: it stands, and is of a kind that undoes (undos and unmerges are not undone). */
export function undoable(edit: { action?: unknown; undoneAt?: unknown }): boolean {
  return !edit.undoneAt && UNDOABLE.includes(edit.action as EditAction);
}

/**
 * Undoes one edit from what it recorded: a review puts the fact's previous review back (refused
 * when a later review changed it since), a merge is unmerged (see unmergeEntities), a split is
 * merged back (its new entity into the original), a dismissal lists the pair as possible
 * duplicates again. The edit is marked undone and an `undo` Edit records who and when. Returns
 * the node the edit changed (for a merge, the entity restored).
 */
export async function undoEdit(db: Db, id: string, who: EditBy): Promise<GraphNode> {
  return db.write(async (tx) => {
    // a dismissal is recorded on both entities, as <id>-a and <id>-b: either id undoes it
    const [row] = await tx.run<{ edit: Record<string, unknown>; node: NodeRow | null }>('read/edit-by-id', { id });
    if (!row) throw new EditError('not-found', 'id', `no edit has the id "${id}" (see the history field of the node it changed)`);
    const edit = row.edit;
    const action = edit.action as EditAction;
    if (edit.undoneAt) throw new EditError('bad-input', 'id', `${id} was undone already, at ${String(edit.undoneAt)} by ${String(edit.undoneBy)}`);
    if (!undoable(edit)) throw new EditError('bad-input', 'id', `${id} is ${action === 'undo' ? 'an undo' : 'an unmerge'}: to go back, make the edit again`);
    const undo = typeof edit.undo === 'string' ? (JSON.parse(edit.undo) as unknown) : null;
    if (!undo && action !== 'merge') throw new EditError('bad-input', 'id', `${id} was made before edits recorded what they changed: it cannot be undone`);
    const at = new Date().toISOString();
    const record = (target: string, details: string) => editRecord('undo', target, who, at, details);
    switch (action) {
      case 'confirm':
      case 'reject': {
        const fact = row.node;
        if (!fact) throw new EditError('not-found', 'id', `the fact ${String(edit.target)} that ${id} reviewed is gone`);
        if (fact.props.reviewedAt !== edit.at) {
          throw new EditError('bad-input', 'id', `a later review (${String(fact.props.reviewedAt)}, by ${String(fact.props.reviewedBy)}) changed ${fact.id} since: undo that one first`);
        }
        const [n] = await tx.run<NodeRow>('write/undo-review', {
          id: fact.id,
          review: undo as UndoReview,
          editId: id,
          at,
          by: who.by,
          edit: record(fact.id, `undid the ${action === 'confirm' ? 'confirmation' : 'rejection'} of ${String(edit.at)}`),
        });
        return rowToNode(n!);
      }
      case 'merge':
        return unmergeIn(tx, String(edit.id), who, 'id');
      case 'split': {
        const { original, created, edits } = undo as { original: string; created: string; edits: string[] };
        const note = who.note ?? `undoing the split of ${String(edit.at)}`;
        await mergeIn(tx, original, created, { ...who, note }, { force: true }, 'undo');
        await tx.run('write/mark-undone', { editIds: edits, at, by: who.by });
        const [n] = await tx.run<NodeRow>('read/nodes-by-id', { ids: [original] });
        return rowToNode(n!);
      }
      case 'dismiss-duplicate': {
        const { a, b } = undo as { a: string; b: string };
        const base = String(edit.id).replace(/-[ab]$/, '');
        const [n] = await tx.run<NodeRow>('write/undo-dismiss', {
          a,
          b,
          editIds: [`${base}-a`, `${base}-b`],
          at,
          by: who.by,
          edit: record(a, `${a} and ${b} are listed as possible duplicates again, undoing the dismissal of ${String(edit.at)}`),
        });
        if (!n) throw new EditError('not-found', 'id', `${a} or ${b} is gone: the dismissal cannot be undone`);
        return rowToNode(n);
      }
      default:
        throw new EditError('bad-input', 'id', `${id} cannot be undone`);
    }
  });
}
