import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { connection, MAX_PAGE, pageArgs } from '../../src/api/pagination.js';

describe('pages of a list', () => {
  it('starts after the cursor of the last item of the page before', () => {
    const first = connection({ nodes: ['a', 'b'], total: 5 }, 0);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(pageArgs(2, first.pageInfo.endCursor)).toEqual({ skip: 2, limit: 2 });
    const last = connection({ nodes: ['e'], total: 5 }, 4);
    expect(last.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect(last.edges).toEqual([{ cursor: last.pageInfo.startCursor, node: 'e' }]);
  });

  it('has no cursors on an empty page', () => {
    expect(connection({ nodes: [], total: 0 }, 0).pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null });
  });

  it('refuses a page size out of range and a cursor it did not make, naming the argument', () => {
    const argumentOf = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as GraphQLError).extensions.argumentName;
      }
      return null;
    };
    expect(argumentOf(() => pageArgs(MAX_PAGE + 1, null))).toBe('first');
    expect(argumentOf(() => pageArgs(-1, null))).toBe('first');
    expect(argumentOf(() => pageArgs(10, 'bm90LWEtY3Vyc29y'))).toBe('after');
  });
});
