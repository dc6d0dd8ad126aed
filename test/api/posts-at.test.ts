import { describe, expect, it } from 'vitest';
import { gql, seededServer } from '../support/server.js';

const seeded = seededServer();

type Post = { id: string; from: { start: string } | null; to: { end: string } | null };

describe('posts held at a date', () => {
  it('posts(filter: {at}) and Person.posts(at:) agree for days, months and years: a post counts if it overlaps the date', async () => {
    const all = await gql(seeded.server.url, '{ posts(first: 100) { nodes { id from { start } to { end } holder { slug } } } }');
    expect(all.errors).toBeUndefined();
    const posts = all.data.posts.nodes as (Post & { holder: { slug: string } })[];
    // dates at the edges of known posts, at each precision, and the day before a start
    const bounded = posts.filter((p) => p.from);
    expect(bounded.length).toBeGreaterThan(0);
    const dates = bounded.flatMap((p) => [p.from!.start, p.from!.start.slice(0, 7), p.from!.start.slice(0, 4), dayBefore(p.from!.start), ...(p.to ? [p.to.end] : [])]);
    let excluded = 0;
    for (const at of [...new Set(dates)].slice(0, 16)) {
      const listed = await gql(seeded.server.url, `{ posts(filter: { at: "${at}" }, first: 100) { nodes { id } } }`);
      const overlapping = posts
        .filter((p) => (!p.from || p.from.start <= endOf(at)) && (!p.to || p.to.end >= startOf(at)))
        .map((p) => p.id)
        .sort();
      excluded += posts.length - overlapping.length;
      expect(listed.data.posts.nodes.map((n: { id: string }) => n.id).sort(), at).toEqual(overlapping);
      const holder = bounded[0]!.holder.slug;
      const own = await gql(seeded.server.url, `{ person(slug: "${holder}") { posts(at: "${at}") { id } } }`);
      expect(own.data.person.posts.map((n: { id: string }) => n.id).sort(), at).toEqual(
        posts
          .filter((p) => p.holder.slug === holder && overlapping.includes(p.id))
          .map((p) => p.id)
          .sort(),
      );
    }
    expect(excluded).toBeGreaterThan(0); // some dates leave posts out: the filter was exercised
  });
});

function dayBefore(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

function startOf(at: string): string {
  return at.length === 4 ? `${at}-01-01` : at.length === 7 ? `${at}-01` : at;
}

function endOf(at: string): string {
  if (at.length === 4) return `${at}-12-31`;
  if (at.length === 7) {
    const [y, m] = at.split('-').map(Number) as [number, number];
    return `${at}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
  }
  return at;
}
