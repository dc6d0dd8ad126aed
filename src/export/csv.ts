/**
 * CSV: one table per kind of node (person, organization, ..., document) and one per relationship
 * type (holds, part_of, ...), RFC 4180 with a header row. Every row carries its citations: the
 * documents it cites (`documents`) and each cited span (`citations`, "<document>@<start>:<end>").
 * List values are joined with " | ". Properties that have no column of their own go to `extra`, a
 * JSON object, so that no property is lost.
 */
import { stringify } from 'csv-stringify/sync';
import { NODE_KINDS, REL_TYPES, type NodeKind } from '../domain/model.js';
import type { Db } from '../graph/db.js';
import { citedDocuments, citeKeys, dateKeys, DATE_FIELDS, INTERNAL_PROPS, plain, postBound, dateOf } from './fields.js';
import type { Out } from './out.js';
import { readNodes, readRelationships, type NodeRow, type ReadOptions, type RelRow } from './reader.js';

export const LIST_SEPARATOR = ' | ';

type Cell = string | number | boolean | null;

interface Column {
  name: string;
  /** the property it reads (also taken out of `extra`) */
  prop?: string;
  get?: (props: Record<string, unknown>) => Cell;
}

const prop = (name: string, propName = name): Column => ({ name, prop: propName });

function dateColumns(prefix: string, name = prefix, read = (p: Record<string, unknown>) => dateOf(p, prefix)): Column[] {
  return [
    { name, get: (p) => read(p)?.iso ?? null },
    { name: `${name}_precision`, get: (p) => read(p)?.precision ?? null },
    { name: `${name}_inferred`, get: (p) => (read(p) ? read(p)!.inferred : null) },
    { name: `${name}_note`, get: (p) => read(p)?.note ?? null },
  ];
}

const ENTITY = [prop('id'), prop('slug'), prop('name')];
const TAIL = [prop('review_status', 'reviewStatus'), prop('confidence')];

const KIND_COLUMNS: Record<NodeKind, Column[]> = {
  Person: [...ENTITY, prop('aliases'), prop('description')],
  Organization: [...ENTITY, prop('acronym'), prop('category'), prop('aliases'), prop('description')],
  Place: [...ENTITY, prop('category'), prop('aliases'), prop('description')],
  Facility: [...ENTITY, prop('category'), prop('aliases'), prop('description')],
  Program: [...ENTITY, prop('aliases'), prop('description')],
  Post: [prop('id'), prop('role'), ...dateColumns('from', 'from', (p) => postBound(p, 'from')), ...dateColumns('to', 'to', (p) => postBound(p, 'to'))],
  Event: [prop('id'), prop('title'), prop('category'), ...dateColumns('date')],
  Statement: [prop('id'), prop('summary'), prop('category'), prop('quote'), ...dateColumns('date')],
  Commitment: [prop('id'), prop('summary'), prop('status'), ...dateColumns('start'), ...dateColumns('deadline')],
  Figure: [prop('id'), prop('label'), prop('metric'), prop('value'), prop('unit'), prop('qualifier'), prop('change_percent', 'changePercent'), prop('period'), ...dateColumns('asOf', 'as_of')],
  Document: [
    prop('id'),
    prop('file_name', 'fileName'),
    prop('title'),
    prop('category'),
    prop('publisher'),
    prop('author'),
    prop('url'),
    prop('content_hash', 'contentHash'),
    ...dateColumns('published'),
  ],
};

const REL_COLUMNS: Column[] = [prop('from'), prop('from_kind'), prop('to'), prop('to_kind'), prop('key'), prop('role'), ...TAIL];

const CITATION_COLUMNS: Column[] = [
  { name: 'documents', get: (p) => citedDocuments(p).join(LIST_SEPARATOR) },
  { name: 'citations', get: (p) => citeKeys(p).join(LIST_SEPARATOR) },
];

export interface CsvTable {
  /** file name without .csv; the `table` of GET /export/csv?table= */
  name: string;
  kind?: NodeKind;
  type?: string;
  columns: string[];
}

function columnsOf(table: { kind?: NodeKind }): Column[] {
  return table.kind ? [...KIND_COLUMNS[table.kind], ...TAIL, ...CITATION_COLUMNS] : [...REL_COLUMNS, ...CITATION_COLUMNS];
}

/** Every table: node kinds first, then relationship types. */
export const CSV_TABLES: readonly CsvTable[] = [
  ...NODE_KINDS.map((kind): { name: string; kind?: NodeKind; type?: string } => ({ name: kind.toLowerCase(), kind })),
  ...REL_TYPES.map((type): { name: string; kind?: NodeKind; type?: string } => ({ name: type.toLowerCase(), type })),
].map((t) => ({ ...t, columns: [...columnsOf(t).map((c) => c.name), 'extra'] }));

export function csvTable(name: string): CsvTable | undefined {
  return CSV_TABLES.find((t) => t.name === name);
}

function cell(v: unknown): Cell {
  const p = plain(v);
  if (p === null || p === undefined) return null;
  if (Array.isArray(p)) return p.map((x) => String(x)).join(LIST_SEPARATOR);
  return p as Cell;
}

/** The cells of one row: the columns, then `extra` with every other property. */
function rowCells(columns: Column[], props: Record<string, unknown>, consumed: ReadonlySet<string>): Cell[] {
  const cells = columns.map((c) => (c.get ? c.get(props) : cell(props[c.prop!])));
  const extra: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(props)) if (v !== null && v !== undefined && !consumed.has(k)) extra[k] = plain(v);
  cells.push(Object.keys(extra).length ? JSON.stringify(extra) : null);
  return cells;
}

function consumedOf(table: CsvTable, columns: Column[]): Set<string> {
  const names = new Set<string>([...INTERNAL_PROPS, 'cites', 'from', 'to', 'from_kind', 'to_kind']);
  for (const c of columns) if (c.prop) names.add(c.prop);
  if (table.kind) for (const k of dateKeys(DATE_FIELDS[table.kind] ?? [])) names.add(k);
  return names;
}

const toCsv = (rows: Cell[][]): string => stringify(rows, { cast: { boolean: (b) => (b ? 'true' : 'false') } });

/** Writes rows of node and relationship pages to the tables they belong to. */
class TableWriter {
  private readonly columns: Column[];
  private readonly consumed: Set<string>;
  rows = 0;

  constructor(
    readonly table: CsvTable,
    readonly out: Out,
  ) {
    this.columns = columnsOf(table);
    this.consumed = consumedOf(table, this.columns);
  }

  header(): Promise<void> {
    return this.out.write(toCsv([this.table.columns]));
  }

  async nodes(rows: NodeRow[]): Promise<void> {
    if (!rows.length) return;
    this.rows += rows.length;
    await this.out.write(toCsv(rows.map((r) => rowCells(this.columns, { ...r.props, id: r.id }, this.consumed))));
  }

  async rels(rows: RelRow[]): Promise<void> {
    if (!rows.length) return;
    this.rows += rows.length;
    await this.out.write(toCsv(rows.map((r) => rowCells(this.columns, { ...r.props, from: r.from, from_kind: r.fromKind, to: r.to, to_kind: r.toKind }, this.consumed))));
  }
}

/** One table, streamed (GET /export/csv?table=). Returns its number of rows. */
export async function writeCsvTable(db: Db, table: CsvTable, out: Out, opts: ReadOptions = {}): Promise<number> {
  const w = new TableWriter(table, out);
  await w.header();
  if (table.kind) for await (const page of readNodes(db, { ...opts, kinds: [table.kind] })) await w.nodes(page);
  else for await (const page of readRelationships(db, { ...opts, types: [table.type!] })) await w.rels(page);
  await out.flush();
  return w.rows;
}

function groupBy<T, K>(items: T[], key: (item: T) => K | undefined): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === undefined) continue;
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/**
 * Every table, in one pass over the nodes and one over the relationships (kg export --format csv
 * --out DIR): `outFor` gives each table its output. Returns the rows of each table.
 */
export async function writeCsvTables(db: Db, outFor: (table: CsvTable) => Out, opts: ReadOptions = {}): Promise<Map<string, number>> {
  const writers = new Map(CSV_TABLES.map((t) => [t.name, new TableWriter(t, outFor(t))]));
  for (const w of writers.values()) await w.header();
  const byKind = new Map(CSV_TABLES.filter((t) => t.kind).map((t) => [t.kind!, writers.get(t.name)!]));
  const byType = new Map(CSV_TABLES.filter((t) => t.type).map((t) => [t.type!, writers.get(t.name)!]));
  for await (const page of readNodes(db, opts)) {
    for (const [w, rows] of groupBy(page, (row) => (row.kind ? byKind.get(row.kind) : undefined))) await w.nodes(rows);
  }
  for await (const page of readRelationships(db, opts)) {
    for (const [w, rows] of groupBy(page, (row) => byType.get(row.type))) await w.rels(rows);
  }
  for (const w of writers.values()) await w.out.flush();
  return new Map([...writers].map(([name, w]) => [name, w.rows]));
}
