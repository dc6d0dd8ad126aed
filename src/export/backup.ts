/**
 * Backup and restore of the whole graph: a gzip-compressed JSON Lines file.
 *
 *   line 1   {"format":"officials-kg-backup","version":1,"createdAt":"...","nodes":N,"relationships":M}
 *   then     {"type":"node","labels":[...],"properties":{...}}                    N lines
 *   then     {"type":"relationship","relType":"HOLDS","from":{"label":"Node","id":"..."},
 *             "to":{"label":"Node","id":"..."},"properties":{...}}               M lines
 *
 * Every node and relationship with every property, typed (typed-values.ts: integers, floats,
 * dates and lists keep their Neo4j types). Nodes are :Node (the graph), :Redirect (ids of merged
 * entities) and :Edit (the edit history); each is keyed by its label and id, which relationships
 * use to name their ends. The writers' lock node (:GraphLock) and the response cache's entries
 * (:CachedResponse) are not part of the graph and are left out; constraints and indexes are the migrations' (kg migrate), not the backup's.
 *
 * A backup holds the writers' lock (an open write transaction) while it reads the graph page by
 * page: it is consistent, and writers (ingestion, mutations) wait until it ends; reads go on. The file is written under a
 * temporary name and renamed when complete, so a failed backup leaves no partial file.
 *
 * A restore reads the whole file and checks it (header, version, every line, every value, that
 * every relationship's ends are in the file, the counts) before it writes anything; it refuses a
 * database that holds any node unless told to replace it. It then writes in batches, each its own
 * transaction; if one fails, the nodes written so far are deleted again and the error says so.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip, createGzip } from 'node:zlib';
import type { Db } from '../graph/db.js';
import { Out } from './out.js';
import { decodeValue, encodeValue, ValueError, type Encoded } from './typed-values.js';

const BACKUP_FORMAT = 'officials-kg-backup';
const BACKUP_VERSION = 1;

/** The labels that key nodes in a backup (each has a unique id constraint). */
const KEY_LABELS = ['Node', 'Redirect', 'Edit'] as const;
type KeyLabel = (typeof KEY_LABELS)[number];

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  nodes: number;
  relationships: number;
}

export interface BackupProgress {
  phase: 'nodes' | 'relationships' | 'checking' | 'clearing' | 'cleaning up';
  done: number;
  total: number;
}

export interface BackupOptions {
  /** nodes per read (default 2000) */
  batch?: number;
  onProgress?: (p: BackupProgress) => void;
  /** longest the backup's transaction may run (default: the Db's write timeout) */
  timeoutMs?: number;
}

/** A backup that cannot be made, a file that is not a backup, a database that is not empty. */
export class BackupError extends Error {
  override readonly name = 'BackupError';
}

type TypedProp = [string, string, unknown];

function encodeProps(props: TypedProp[], where: string): Record<string, Encoded> {
  const out: Record<string, Encoded> = {};
  for (const [k, t, v] of props) {
    try {
      out[k] = encodeValue(t, v);
    } catch (e) {
      throw new BackupError(`${where}, property ${k}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return out;
}

const keyLabelOf = (labels: string[]): KeyLabel | undefined => KEY_LABELS.find((l) => labels.includes(l));

/** Writes a backup of the whole graph to `file`; returns its header. */
export async function writeBackup(db: Db, file: string, opts: BackupOptions = {}): Promise<BackupHeader> {
  const batch = opts.batch ?? 2000;
  const partial = `${file}.partial-${process.pid}`;
  try {
    const header = await db.write(
      async () => {
        // a retried transaction starts the file again
        const gzip = createGzip();
        const sink = createWriteStream(partial);
        gzip.pipe(sink);
        const out = new Out(gzip);
        try {
          // the transaction holds the writers' lock; the pages are read outside it, each its own
          // read (a transaction keeps every result it ran until it ends: a whole graph's worth)
          const result = await backupInto((name, params) => db.read(name, params), out, batch, opts.onProgress);
          await out.end();
          await finished(sink);
          return result;
        } catch (e) {
          gzip.destroy();
          sink.destroy();
          throw e;
        }
      },
      opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {},
    );
    await rename(partial, file);
    return header;
  } catch (e) {
    await rm(partial, { force: true });
    throw e;
  }
}

type Read = <T>(name: string, params?: Record<string, unknown>) => Promise<T[]>;

async function backupInto(read: Read, out: Out, batch: number, onProgress?: (p: BackupProgress) => void): Promise<BackupHeader> {
  const [count] = await read<{ nodes: number; relationships: number; unreferenced: number; unreferencedLabels: string[][] }>('export/backup-count');
  if (!count) throw new BackupError('the database did not answer the count');
  if (count.unreferenced > 0) {
    throw new BackupError(
      `${count.unreferenced} nodes are neither :Node, :Redirect nor :Edit nodes with an id (labels ${count.unreferencedLabels.map((l) => l.join(':') || '(none)').join(', ')}); a backup cannot name them`,
    );
  }
  const header: BackupHeader = { format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: new Date().toISOString(), nodes: count.nodes, relationships: count.relationships };
  await out.write(`${JSON.stringify(header)}\n`);
  let nodes = 0;
  for (const label of KEY_LABELS) {
    let after = '';
    for (;;) {
      const rows = await read<{ id: string; labels: string[]; props: TypedProp[] }>(`export/backup-nodes-${label}`, { after, limit: batch });
      if (!rows.length) break;
      after = rows[rows.length - 1]!.id;
      // a node of two key labels is written once, under the first
      const own = rows.filter((r) => keyLabelOf(r.labels) === label);
      await out.write(own.map((r) => `${JSON.stringify({ type: 'node', labels: r.labels, properties: encodeProps(r.props, `node ${label} ${r.id}`) })}\n`).join(''));
      nodes += own.length;
      onProgress?.({ phase: 'nodes', done: nodes, total: header.nodes });
      if (rows.length < batch) break;
    }
  }
  let relationships = 0;
  for (const label of KEY_LABELS) {
    let after = '';
    for (;;) {
      const rows = await read<{ id: string; rels: { type: string; toLabels: string[]; to: string; props: TypedProp[] }[] }>(`export/backup-relationships-${label}`, { after, limit: batch });
      if (!rows.length) break;
      after = rows[rows.length - 1]!.id;
      const lines: string[] = [];
      for (const r of rows) {
        for (const rel of r.rels) {
          const toLabel = keyLabelOf(rel.toLabels);
          if (!toLabel) throw new BackupError(`relationship ${rel.type} from ${r.id} ends at a node a backup cannot name`);
          lines.push(
            `${JSON.stringify({ type: 'relationship', relType: rel.type, from: { label, id: r.id }, to: { label: toLabel, id: rel.to }, properties: encodeProps(rel.props, `relationship ${rel.type} from ${r.id}`) })}\n`,
          );
        }
      }
      relationships += lines.length;
      await out.write(lines.join(''));
      onProgress?.({ phase: 'relationships', done: relationships, total: header.relationships });
      if (rows.length < batch) break;
    }
  }
  if (nodes !== header.nodes || relationships !== header.relationships) {
    throw new BackupError(
      `the graph holds ${header.nodes} nodes and ${header.relationships} relationships, but ${nodes} and ${relationships} were read; nodes with two of the labels ${KEY_LABELS.join(', ')}?`,
    );
  }
  return header;
}

// ---- restore ----

/** Lines of a gzip-compressed text file; throws when the file is missing, not gzip or cut short. */
async function* gzipLines(file: string): AsyncGenerator<string> {
  const src = createReadStream(file);
  const gunzip = createGunzip();
  src.on('error', (e) => gunzip.destroy(e));
  src.pipe(gunzip);
  const decoder = new StringDecoder('utf8');
  let rest = '';
  try {
    for await (const chunk of gunzip) {
      const parts = (rest + decoder.write(chunk as Buffer)).split('\n');
      rest = parts.pop()!;
      for (const p of parts) yield p;
    }
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT') throw new BackupError(`${file}: no such file`);
    if (err.code === 'Z_BUF_ERROR' || /unexpected end of file/i.test(err.message)) throw new BackupError(`${file}: the compressed data ends early (a truncated or partly copied file)`);
    if (err.code?.startsWith('Z_')) throw new BackupError(`${file}: not a gzip-compressed backup (${err.message})`);
    throw new BackupError(`${file}: cannot be read (${err.message})`);
  } finally {
    src.destroy();
  }
  rest += decoder.end();
  if (rest !== '') yield rest;
}

interface NodeLine {
  labels: string[];
  properties: Record<string, unknown>;
}

interface RelLine {
  relType: string;
  from: { label: KeyLabel; id: string };
  to: { label: KeyLabel; id: string };
  properties: Record<string, unknown>;
}

type Line = { type: 'node'; node: NodeLine; key: string } | { type: 'relationship'; rel: RelLine };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const keyOf = (label: string, id: string): string => `${label}\u0000${id}`;

/** Decodes every property (throws ValueError); what the driver takes. */
function decodeProps(props: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(props)) {
    try {
      out[k] = decodeValue(v);
    } catch (e) {
      throw new ValueError(`property ${k}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return out;
}

function endOf(v: unknown, which: string): { label: KeyLabel; id: string } {
  if (!isObject(v) || typeof v.id !== 'string' || !(KEY_LABELS as readonly unknown[]).includes(v.label)) {
    throw new ValueError(`"${which}" must be {"label": ${KEY_LABELS.map((l) => `"${l}"`).join(' | ')}, "id": <text>}`);
  }
  return { label: v.label as KeyLabel, id: v.id };
}

/** One line after the header, checked; throws ValueError saying what is wrong. */
function parseLine(text: string): Line {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new ValueError('not JSON');
  }
  if (!isObject(raw)) throw new ValueError('not a JSON object');
  if (!isObject(raw.properties)) throw new ValueError('"properties" must be an object');
  if (raw.type === 'node') {
    const labels = raw.labels;
    if (!Array.isArray(labels) || !labels.length || !labels.every((l) => typeof l === 'string' && l !== '')) throw new ValueError('"labels" must be a list of label names');
    if (labels.includes('GraphLock')) throw new ValueError("a backup never holds the writers' lock node");
    const label = keyLabelOf(labels as string[]);
    if (!label) throw new ValueError(`a node must have one of the labels ${KEY_LABELS.join(', ')}`);
    const id = raw.properties.id;
    if (typeof id !== 'string') throw new ValueError('a node must have a text id');
    decodeProps(raw.properties);
    return { type: 'node', node: { labels: labels as string[], properties: raw.properties }, key: keyOf(label, id) };
  }
  if (raw.type === 'relationship') {
    if (typeof raw.relType !== 'string' || raw.relType === '') throw new ValueError('"relType" must be a relationship type');
    const rel: RelLine = { relType: raw.relType, from: endOf(raw.from, 'from'), to: endOf(raw.to, 'to'), properties: raw.properties };
    decodeProps(rel.properties);
    return { type: 'relationship', rel };
  }
  throw new ValueError('"type" must be "node" or "relationship"');
}

function parseHeader(text: string | undefined, file: string): BackupHeader {
  let h: unknown;
  try {
    h = JSON.parse(text ?? '');
  } catch {
    throw new BackupError(`${file}: line 1 is not a backup header (not JSON)`);
  }
  if (!isObject(h) || h.format !== BACKUP_FORMAT) throw new BackupError(`${file}: not a ${BACKUP_FORMAT} file (line 1 has no "format": "${BACKUP_FORMAT}")`);
  if (h.version !== BACKUP_VERSION) throw new BackupError(`${file}: backup format version ${JSON.stringify(h.version)}; this kg reads version ${BACKUP_VERSION}`);
  const whole = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
  if (!whole(h.nodes) || !whole(h.relationships)) throw new BackupError(`${file}: the header's "nodes" and "relationships" must be counts`);
  return h as unknown as BackupHeader;
}

/**
 * Reads and checks the whole backup without writing anything; returns its header. Throws
 * BackupError naming the first problem and its line.
 */
export async function checkBackup(file: string, onProgress?: (p: BackupProgress) => void): Promise<BackupHeader> {
  const keys = new Set<string>();
  let header: BackupHeader | null = null;
  let n = 0;
  let nodes = 0;
  let relationships = 0;
  let blank = 0;
  for await (const text of gzipLines(file)) {
    n++;
    if (n === 1) {
      header = parseHeader(text, file);
      continue;
    }
    if (text.trim() === '') {
      blank = n;
      continue;
    }
    if (blank) throw new BackupError(`${file}: line ${blank} is empty`);
    let line: Line;
    try {
      line = parseLine(text);
    } catch (e) {
      throw new BackupError(`${file}: line ${n}: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (line.type === 'node') {
      if (relationships) throw new BackupError(`${file}: line ${n}: a node after the relationships (nodes come first)`);
      if (keys.has(line.key)) throw new BackupError(`${file}: line ${n}: a second node with the same label and id`);
      keys.add(line.key);
      nodes++;
    } else {
      for (const end of [line.rel.from, line.rel.to]) {
        if (!keys.has(keyOf(end.label, end.id))) throw new BackupError(`${file}: line ${n}: the relationship's end ${end.label} ${end.id} is not a node of the backup`);
      }
      relationships++;
    }
    if ((nodes + relationships) % 10_000 === 0) onProgress?.({ phase: 'checking', done: nodes + relationships, total: header!.nodes + header!.relationships });
  }
  if (!header) throw new BackupError(`${file}: empty (no header)`);
  if (nodes !== header.nodes || relationships !== header.relationships) {
    throw new BackupError(`${file}: the header announces ${header.nodes} nodes and ${header.relationships} relationships, the file holds ${nodes} and ${relationships} (an incomplete file?)`);
  }
  onProgress?.({ phase: 'checking', done: nodes + relationships, total: nodes + relationships });
  return header;
}

export interface RestoreOptions {
  /** delete what the database holds first (otherwise a database holding any node is refused) */
  replace?: boolean;
  /** nodes or relationships per write transaction (default 2000) */
  batch?: number;
  onProgress?: (p: BackupProgress) => void;
}

export interface RestoreResult {
  header: BackupHeader;
  /** nodes deleted first (--replace) */
  replaced: number;
}

async function sizeOf(db: Db): Promise<{ nodes: number; relationships: number }> {
  const [row] = await db.read<{ nodes: number; relationships: number }>('read/graph-size');
  return row ?? { nodes: 0, relationships: 0 };
}

/** Deletes every node and relationship (the lock node and the schema stay), in batches; returns the nodes deleted. */
async function clearForRestore(db: Db, onProgress?: (p: BackupProgress) => void, total = 0): Promise<number> {
  let deleted = 0;
  for (;;) {
    const [row] = await db.write((tx) => tx.run<{ deleted: number }>('export/restore-clear-batch', { limit: 5000 }));
    const n = row?.deleted ?? 0;
    deleted += n;
    onProgress?.({ phase: 'clearing', done: deleted, total: Math.max(total, deleted) });
    if (n === 0) return deleted;
  }
}

const notEmpty = (size: { nodes: number; relationships: number }) =>
  new BackupError(`the database is not empty (${size.nodes} nodes, ${size.relationships} relationships): restore only into an empty database, or pass --replace to delete what it holds first`);

/**
 * Restores a backup: checks the whole file, refuses a non-empty database unless `replace`, then
 * writes the nodes and relationships in batches.
 */
export async function restoreBackup(db: Db, file: string, opts: RestoreOptions = {}): Promise<RestoreResult> {
  const batch = opts.batch ?? 2000;
  const before = await sizeOf(db);
  if ((before.nodes > 0 || before.relationships > 0) && !opts.replace) throw notEmpty(before);
  const header = await checkBackup(file, opts.onProgress);
  const replaced = opts.replace && before.nodes > 0 ? await clearForRestore(db, opts.onProgress, before.nodes) : 0;

  let nodes = 0;
  let relationships = 0;
  let first = true;
  const flushNodes = async (rows: { labels: string[]; props: Record<string, unknown> }[]) => {
    await db.write(async (tx) => {
      if (first) {
        // under the writers' lock: nobody wrote since the check
        const [size] = await tx.read<{ nodes: number; relationships: number }>('read/graph-size');
        if (size && (size.nodes > 0 || size.relationships > 0)) throw notEmpty(size);
      }
      const [row] = await tx.run<{ created: number }>('export/restore-nodes', { rows });
      if ((row?.created ?? 0) !== rows.length) throw new Error(`${rows.length - (row?.created ?? 0)} nodes of the batch were not created`);
    });
    first = false;
    nodes += rows.length;
    opts.onProgress?.({ phase: 'nodes', done: nodes, total: header.nodes });
  };
  const flushRels = async (rows: Record<string, unknown>[]) => {
    await db.write(async (tx) => {
      const [row] = await tx.run<{ created: number }>('export/restore-relationships', { rows });
      if ((row?.created ?? 0) !== rows.length) throw new Error(`${rows.length - (row?.created ?? 0)} relationships of the batch found no end nodes`);
    });
    relationships += rows.length;
    opts.onProgress?.({ phase: 'relationships', done: relationships, total: header.relationships });
  };

  try {
    let nodeRows: { labels: string[]; props: Record<string, unknown> }[] = [];
    let relRows: Record<string, unknown>[] = [];
    let n = 0;
    for await (const text of gzipLines(file)) {
      if (n++ === 0 || text.trim() === '') continue;
      const line = parseLine(text);
      if (line.type === 'node') {
        nodeRows.push({ labels: line.node.labels, props: decodeProps(line.node.properties) });
        if (nodeRows.length >= batch) {
          await flushNodes(nodeRows);
          nodeRows = [];
        }
      } else {
        if (nodeRows.length) {
          await flushNodes(nodeRows);
          nodeRows = [];
        }
        const r = line.rel;
        relRows.push({ type: r.relType, fromLabel: r.from.label, from: r.from.id, toLabel: r.to.label, to: r.to.id, props: decodeProps(r.properties) });
        if (relRows.length >= batch) {
          await flushRels(relRows);
          relRows = [];
        }
      }
    }
    if (nodeRows.length) await flushNodes(nodeRows);
    if (relRows.length) await flushRels(relRows);
    if (first) {
      // an empty backup: still check that the database is empty under the lock
      const size = await sizeOf(db);
      if (size.nodes > 0 || size.relationships > 0) throw notEmpty(size);
    }
  } catch (e) {
    if (e instanceof BackupError) throw e;
    const cause = e instanceof Error ? e.message : String(e);
    if (nodes === 0) throw new BackupError(`restore failed (${cause}); nothing was written`);
    const written = `${nodes} of ${header.nodes} nodes and ${relationships} of ${header.relationships} relationships were written`;
    try {
      await clearForRestore(db, (p) => opts.onProgress?.({ ...p, phase: 'cleaning up' }), nodes);
    } catch (cleanup) {
      throw new BackupError(
        `restore failed (${cause}) after ${written}, and removing them failed too (${cleanup instanceof Error ? cleanup.message : String(cleanup)}): the database holds part of the backup; run kg restore --replace again`,
      );
    }
    throw new BackupError(`restore failed (${cause}) after ${written}; they were deleted again and the database is empty`);
  }
  return { header, replaced };
}
