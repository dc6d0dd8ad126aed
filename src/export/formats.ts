/**
 * The export formats, by the name `kg export --format` and GET /export/<format> take.
 */
import type { Db } from '../graph/db.js';
import { writeFtm } from './ftm.js';
import { writeGraphml } from './graphml.js';
import { writeJsonl } from './jsonl.js';
import type { Out } from './out.js';
import { writePopolo } from './popolo.js';
import type { ReadOptions } from './reader.js';

export const EXPORT_FORMATS = ['csv', 'jsonl', 'ftm', 'popolo', 'graphml'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const isExportFormat = (s: string): s is ExportFormat => (EXPORT_FORMATS as readonly string[]).includes(s);

/** A format written as one stream (every format but CSV, which is one stream per table). */
export interface StreamFormat {
  /** file name of the export in a folder (kg export --out DIR) and of an HTTP download */
  fileName: string;
  contentType: string;
  description: string;
  write(db: Db, out: Out, opts?: ReadOptions): Promise<unknown>;
}

export const STREAM_FORMATS: Record<Exclude<ExportFormat, 'csv'>, StreamFormat> = {
  jsonl: { fileName: 'graph.jsonl', contentType: 'application/x-ndjson; charset=utf-8', description: 'one JSON object per node, then per relationship', write: writeJsonl },
  ftm: { fileName: 'entities.ftm.json', contentType: 'application/x-ndjson; charset=utf-8', description: 'FollowTheMoney entities, one JSON object per line', write: writeFtm },
  popolo: {
    fileName: 'popolo.jsonld',
    contentType: 'application/ld+json; charset=utf-8',
    description: 'Popolo JSON-LD: persons, organizations, areas, posts, memberships, events',
    write: writePopolo,
  },
  graphml: { fileName: 'graph.graphml', contentType: 'application/graphml+xml; charset=utf-8', description: 'GraphML for Gephi, yEd and graph libraries', write: writeGraphml },
};

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';
