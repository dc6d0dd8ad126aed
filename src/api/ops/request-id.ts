import type { RequestHandler } from 'express';
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/**
 * A request id ties together the log lines of one request, and a client's or a proxy's view
 * of it to ours: an `x-request-id` the caller sent is kept when it is a plain token, else the
 * server makes one; either way the response carries it back in `x-request-id`.
 */
export const REQUEST_ID_HEADER = 'x-request-id';

/** What a request id sent by a caller may be: it goes into log lines and a response header as is. */
const SANE_ID = /^[A-Za-z0-9._-]{1,128}$/;

export function requestIdFrom(header: string | string[] | undefined): string {
  return typeof header === 'string' && SANE_ID.test(header) ? header : randomUUID();
}

export interface RequestScope {
  requestId: string;
  /** performance.now() when the request arrived */
  startedAt: number;
}

const scope = new AsyncLocalStorage<RequestScope>();

/**
 * The request being served, where no request object is at hand (Apollo's formatError and
 * plugins). Undefined outside a request.
 */
export function currentRequest(): RequestScope | undefined {
  return scope.getStore();
}

export function currentRequestId(): string | undefined {
  return scope.getStore()?.requestId;
}

/** First middleware: picks the request's id, echoes it, and serves the rest of the request inside its scope. */
export const requestId: RequestHandler = (req, res, next) => {
  const id = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
  res.locals.requestId = id;
  res.setHeader(REQUEST_ID_HEADER, id);
  scope.run({ requestId: id, startedAt: performance.now() }, next);
};
