/**
 * Pagination of the API's lists, Relay style: `first` and `after` in, a connection out (edges
 * with cursors, nodes, totalCount, pageInfo). A cursor is an opaque offset.
 */
import { badInput } from './errors.js';

export const MAX_PAGE = 100;
export const DEFAULT_PAGE = 20;

/** Relay cursor: an opaque offset. */
function encodeCursor(offset: number): string {
  return Buffer.from(`offset:${offset}`, 'utf8').toString('base64url');
}

export function pageArgs(first: number | null | undefined, after: string | null | undefined): { skip: number; limit: number } {
  const limit = first ?? DEFAULT_PAGE;
  if (!Number.isInteger(limit) || limit < 0) throw badInput('first', `must be a whole number from 0 to ${MAX_PAGE}`);
  if (limit > MAX_PAGE) throw badInput('first', `at most ${MAX_PAGE} items per page (got ${limit}); page with "after"`);
  if (after === null || after === undefined) return { skip: 0, limit };
  const m = /^offset:(\d{1,9})$/.exec(Buffer.from(after, 'base64url').toString('utf8'));
  if (!m) throw badInput('after', 'is not a cursor returned by this API');
  return { skip: Number(m[1]) + 1, limit };
}

/** The connection of one page: `result.nodes` are the items from offset `skip` of `result.total`. */
export function connection<T>(result: { nodes: T[]; total: number }, skip: number) {
  const edges = result.nodes.map((node, i) => ({ cursor: encodeCursor(skip + i), node }));
  return {
    edges,
    nodes: result.nodes,
    totalCount: result.total,
    pageInfo: {
      hasNextPage: skip + result.nodes.length < result.total,
      hasPreviousPage: skip > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
