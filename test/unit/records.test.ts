import { describe, expect, it } from 'vitest';
import { toNode } from '../../src/graph/records.js';

describe('a stored node as the API sees it', () => {
  it('rebuilds every date field from its flat properties, and answers null for the others', () => {
    const node = toNode('event:e', ['Node', 'Fact', 'Event'], {
      title: 'x',
      dateIso: '2024-05',
      datePrecision: 'month',
      dateStart: '2024-05-01',
      dateEnd: '2024-05-31',
      dateInferred: true,
      dateNote: 'page month',
    });
    expect(node.date).toEqual({ iso: '2024-05', precision: 'month', inferred: true, note: 'page month', start: '2024-05-01', end: '2024-05-31' });
    for (const f of ['from', 'to', 'start', 'deadline', 'asOf', 'published']) expect(node[f]).toBeNull();
    expect(node).toMatchObject({ __typename: 'Event', id: 'event:e', title: 'x' });
  });

  it("takes a post's inferred tenure where the documents give no bound", () => {
    const post = toNode('post:p', ['Node', 'Fact', 'Post'], {
      tenureFromIso: '2023',
      tenureFromPrecision: 'year',
      tenureFromStart: '2023-01-01',
      tenureFromEnd: '2023-12-31',
      toIso: '2024-02-01',
      toPrecision: 'day',
      toStart: '2024-02-01',
      toEnd: '2024-02-01',
    });
    expect(post.from).toMatchObject({ iso: '2023', precision: 'year', inferred: false });
    expect(post.to).toMatchObject({ iso: '2024-02-01' });
  });

  it('keeps its kind, id and parsed citations over stored properties of the same name', () => {
    const node = toNode('person:a', ['Node', 'Entity', 'Person'], { id: 'person:a', citations: 'raw', date: 'raw', cites: ['document:x@0:4'] });
    expect(node.citations).toEqual([{ documentId: 'document:x', start: 0, end: 4 }]);
    expect(node.date).toBeNull();
    expect(node.__typename).toBe('Person');
  });

  it('refuses a node of no known kind', () => {
    expect(() => toNode('x', ['Node'], {})).toThrow(/no known kind/);
  });
});
