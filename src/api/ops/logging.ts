import type { RequestHandler } from 'express';
import { pino, type DestinationStream, type LevelWithSilent, type Logger } from 'pino';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const satisfies readonly LevelWithSilent[];

/** LOG_LEVEL: the least severe lines the server writes; unset or blank: info. */
export function logLevelFromEnv(env: NodeJS.ProcessEnv = process.env): LevelWithSilent {
  const raw = env.LOG_LEVEL?.trim().toLowerCase();
  if (!raw) return 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(raw)) throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${env.LOG_LEVEL}")`);
  return raw as LevelWithSilent;
}

export interface LoggerOptions {
  /** default: LOG_LEVEL */
  level?: LevelWithSilent;
  /** default: standard output */
  destination?: DestinationStream;
}

/**
 * The server's logger: one JSON object per line, with the level's name and an ISO time, for log
 * collectors to parse. What goes in a line is chosen where it is written: never a token, an
 * Authorization header, a query's text or a variable's value.
 */
export function createLogger(opts: LoggerOptions = {}): Logger {
  const options = { level: opts.level ?? logLevelFromEnv(), formatters: { level: (label: string) => ({ level: label }) }, timestamp: pino.stdTimeFunctions.isoTime };
  return opts.destination ? pino(options, opts.destination) : pino(options);
}

/** Milliseconds since `start` (a performance.now() reading), to the tenth. */
export function msSince(start: number): number {
  return Math.round((performance.now() - start) * 10) / 10;
}

/**
 * A debug line per HTTP request, whatever the route: method, path (never the query string,
 * which may carry GraphQL variables), status and duration. GraphQL operations also get their
 * own info line (operations-plugin.ts).
 */
export function httpLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    if (!logger.isLevelEnabled('debug')) return next();
    const start = performance.now();
    const { method, path } = req;
    res.once('finish', () => logger.debug({ requestId: res.locals.requestId, method, path, status: res.statusCode, durationMs: msSince(start) }, 'http request'));
    next();
  };
}
