/**
 * GET /export/<format>: the graph in one of the export formats (src/export/), streamed as it is
 * read, page by page, with backpressure: a slow client slows the export, the server never holds
 * the whole graph.
 *
 *   GET /export                     the formats, as JSON, with their links
 *   GET /export/jsonl | ftm | popolo | graphml
 *   GET /export/csv                 the CSV tables, as JSON, with their links and columns
 *   GET /export/csv?table=<name>    one CSV table (person, organization, ..., holds, part_of, ...)
 *
 * Exports read what GraphQL queries read, so they follow the same access rule: open unless
 * KG_READS=key, which asks for a reader or editor key (`Authorization: Bearer <token>`). A client's
 * mistake (unknown format or table, bad key) is answered with a JSON error, `{"errors": [{"message",
 * "extensions": {"code"}}]}`, as /graphql answers; never with a stack trace. At most
 * `maxConcurrent` exports run at once (default 2); more are answered 503 EXPORT_BUSY.
 */
import express, { type Request, type Response, type Router } from 'express';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import { isBusy, isUnavailable, type Db } from '../graph/db.js';
import { csvTable, CSV_TABLES, writeCsvTable } from '../export/csv.js';
import { CSV_CONTENT_TYPE, EXPORT_FORMATS, isExportFormat, STREAM_FORMATS } from '../export/formats.js';
import { Out, OutputClosedError } from '../export/out.js';
import { authenticate, type AuthConfig } from './auth.js';
import { DATABASE_BUSY, DATABASE_UNAVAILABLE, RETRY_AFTER_SECONDS } from './errors.js';

const EXPORT_BUSY = 'EXPORT_BUSY';

export interface ExportRouterOptions {
  db: Db;
  auth: AuthConfig;
  logger?: Pick<Logger, 'error'>;
  /** exports running at once (default 2) */
  maxConcurrent?: number;
  /** nodes per page read (default: the reader's) */
  batch?: number;
}

function fail(res: Response, status: number, code: string, message: string, headers: Record<string, string> = {}): void {
  res.removeHeader('Content-Disposition');
  res
    .status(status)
    .type('application/json')
    .set({ 'Cache-Control': 'no-store', ...headers })
    .json({ errors: [{ message, extensions: { code } }] });
}

/** The caller may read: false after answering 401 (a bad key, or none when KG_READS=key). */
function mayRead(auth: AuthConfig, req: Request, res: Response): boolean {
  try {
    const caller = authenticate(auth, req.headers.authorization);
    if (auth.reads === 'key' && !caller) {
      fail(res, 401, 'UNAUTHENTICATED', 'Exports on this server need an API key (reader or editor): send "Authorization: Bearer <token>".', { 'WWW-Authenticate': 'Bearer' });
      return false;
    }
    return true;
  } catch (e) {
    if (e instanceof GraphQLError) {
      fail(res, 401, String(e.extensions.code ?? 'UNAUTHENTICATED'), e.message, { 'WWW-Authenticate': 'Bearer' });
      return false;
    }
    throw e;
  }
}

export function exportRouter(opts: ExportRouterOptions): Router {
  const router = express.Router();
  const max = opts.maxConcurrent ?? 2;
  let running = 0;
  const readOpts = opts.batch ? { batch: opts.batch } : {};

  const formatsListing = (base: string) => ({
    formats: EXPORT_FORMATS.map((f) =>
      f === 'csv'
        ? { format: f, url: `${base}/csv`, contentType: 'application/json (the list of tables; each table is text/csv)', description: 'one CSV table per kind of node and per relationship type' }
        : { format: f, url: `${base}/${f}`, contentType: STREAM_FORMATS[f].contentType, description: STREAM_FORMATS[f].description },
    ),
  });

  router.get('/export', (req, res) => {
    if (!mayRead(opts.auth, req, res)) return;
    res.set('Cache-Control', 'no-store').json(formatsListing(req.baseUrl + '/export'));
  });

  router.get('/export/:format', async (req, res) => {
    const format = String(req.params.format);
    if (!isExportFormat(format)) {
      fail(res, 404, 'UNKNOWN_FORMAT', `There is no export format "${format.slice(0, 40)}": use one of ${EXPORT_FORMATS.join(', ')} (GET /export lists them).`);
      return;
    }
    if (!mayRead(opts.auth, req, res)) return;
    const tableName = req.query.table;
    let write: (out: Out) => Promise<unknown>;
    let contentType: string;
    let fileName: string;
    if (format === 'csv') {
      if (tableName === undefined) {
        res
          .set('Cache-Control', 'no-store')
          .json({ tables: CSV_TABLES.map((t) => ({ table: t.name, url: `/export/csv?table=${t.name}`, of: t.kind ? `${t.kind} nodes` : `${t.type} relationships`, columns: t.columns })) });
        return;
      }
      const table = typeof tableName === 'string' ? csvTable(tableName) : undefined;
      if (!table) {
        fail(
          res,
          404,
          'UNKNOWN_TABLE',
          `There is no CSV table "${String(tableName).slice(0, 40)}": GET /export/csv lists them (${CSV_TABLES.slice(0, 3)
            .map((t) => t.name)
            .join(', ')}, ...).`,
        );
        return;
      }
      write = (out) => writeCsvTable(opts.db, table, out, readOpts);
      contentType = CSV_CONTENT_TYPE;
      fileName = `${table.name}.csv`;
    } else {
      const f = STREAM_FORMATS[format];
      write = (out) => f.write(opts.db, out, readOpts);
      contentType = f.contentType;
      fileName = f.fileName;
    }
    if (running >= max) {
      fail(res, 503, EXPORT_BUSY, `${max} exports are running; try again shortly.`, { 'Retry-After': '10' });
      return;
    }
    running++;
    try {
      // headers go out with the first chunk: an error before it still gets a proper answer
      res.status(200).set({ 'Content-Type': contentType, 'Content-Disposition': `attachment; filename="${fileName}"`, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
      const out = new Out(res);
      await write(out);
      await out.end();
    } catch (e) {
      if (e instanceof OutputClosedError || res.destroyed) return; // the client went away
      if (res.headersSent) {
        // the status is sent: all a client can be told is that the body is incomplete
        opts.logger?.error({ err: e, format }, 'export failed while streaming');
        res.destroy();
        return;
      }
      if (isUnavailable(e)) fail(res, 503, DATABASE_UNAVAILABLE, 'The database is unavailable; try again shortly.', { 'Retry-After': String(RETRY_AFTER_SECONDS[DATABASE_UNAVAILABLE]) });
      else if (isBusy(e)) fail(res, 503, DATABASE_BUSY, 'The database is busy; try again shortly.', { 'Retry-After': String(RETRY_AFTER_SECONDS[DATABASE_BUSY]) });
      else {
        opts.logger?.error({ err: e, format }, 'export failed');
        fail(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
      }
    } finally {
      running--;
    }
  });

  return router;
}
