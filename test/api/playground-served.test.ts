import { describe, expect, it } from 'vitest';
import { seededServer } from '../support/server.js';

const seeded = seededServer();

describe('the playground served by the running server', () => {
  it('answers a browser at GET /graphql with the IDE page, its scripts from the server itself', async () => {
    const res = await fetch(seeded.server.url, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    const scripts = [...html.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) {
      expect(src.startsWith('/graphql/_playground/')).toBe(true);
      const asset = await fetch(new URL(src.replace(/&amp;/g, '&'), seeded.server.url));
      expect(asset.status, src).toBe(200);
    }
  });

  it('still answers GraphQL clients at the same address', async () => {
    const res = await fetch(seeded.server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(await res.json()).toEqual({ data: { __typename: 'Query' } });
  });
});
