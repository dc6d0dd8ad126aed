import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playgroundRouter, type PlaygroundExample } from '../../src/api/playground.js';

const examples: PlaygroundExample[] = [
  { name: 'List officials', query: '{ officials { id name } }' },
  { name: 'Official by id', query: 'query One($id: ID!) { official(id: $id) { name } }', variables: { id: 'o1' } },
  { name: 'Sneaky', query: '{ search(text: "</script><script>alert(1)</script>") { id } }' },
];

let base = '';
let server: ReturnType<ReturnType<typeof express>['listen']>;

beforeAll(async () => {
  const app = express();
  app.use(playgroundRouter({ endpoint: '/graphql', examples, title: 'Test <Playground>' }));
  // Stand-in for Apollo: whatever the playground passes on lands here.
  app.use('/graphql', (req, res) => {
    res.json({ passedThrough: true, method: req.method });
  });
  await new Promise<void>((resolve) => {
    server = app.listen(0, '127.0.0.1', () => resolve());
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const getPage = () => fetch(`${base}/graphql`, { headers: { Accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });

function assetUrls(html: string): string[] {
  return [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!.replaceAll('&#38;', '&'));
}

describe('playgroundRouter', () => {
  it('serves the GraphiQL page to browsers', async () => {
    const res = await getPage();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).not.toContain('unsafe-eval');

    const html = await res.text();
    for (const name of ['react.js', 'react-dom.js', 'graphiql.js', 'graphiql.css']) {
      expect(html).toContain(`/graphql/_playground/${name}?v=`);
    }
    for (const { name } of examples) expect(html).toContain(name);
    expect(html).toContain('<title>Test &#60;Playground&#62;</title>');
    expect(html).not.toMatch(/\son\w+=/i); // no inline event handlers
  });

  it('serves every asset with a JS/CSS content type and a long cache lifetime', async () => {
    const html = await (await getPage()).text();
    const urls = assetUrls(html);
    expect(urls).toHaveLength(4);
    for (const url of urls) {
      const res = await fetch(base + url);
      expect(res.status, url).toBe(200);
      const type = res.headers.get('content-type') ?? '';
      if (url.includes('.css')) expect(type).toMatch(/^text\/css/);
      else expect(type).toMatch(/^(text|application)\/javascript/);
      expect(res.headers.get('cache-control')).toMatch(/max-age=31536000/);
      expect((await res.text()).length).toBeGreaterThan(1000);
    }
  });

  it('serves the page for a shared link with ?query= (the page itself reads the query)', async () => {
    const res = await fetch(`${base}/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: { Accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain("params.get('query')");
    // the query never enters the HTML: the page reads it from its own URL
    expect(html).not.toContain('__typename');
  });

  it('passes POSTs and non-HTML GETs through to the next handler', async () => {
    const post = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(await post.json()).toEqual({ passedThrough: true, method: 'POST' });

    const get = await fetch(`${base}/graphql?query=%7B__typename%7D`, { headers: { Accept: 'application/json' } });
    expect(await get.json()).toEqual({ passedThrough: true, method: 'GET' });
  });

  it('embeds queries containing </script> without breaking out of the JSON element', async () => {
    const html = await (await getPage()).text();
    // Exactly the scripts we wrote: config JSON, three assets, bootstrap.
    expect(html.match(/<script\b/g)).toHaveLength(5);
    expect(html.match(/<\/script>/g)).toHaveLength(5);
    expect(html).not.toContain('alert(1)</script>');

    const json = /<script type="application\/json" id="playground-config">([^<]*)<\/script>/.exec(html)?.[1];
    expect(json).toBeDefined();
    const config = JSON.parse(json!) as { url: string; tabs: { query: string; variables?: string }[] };
    expect(config.url).toBe('/graphql');
    expect(config.tabs).toHaveLength(examples.length);
    expect(config.tabs[2]!.query).toContain('</script><script>alert(1)</script>');
    expect(config.tabs[2]!.query).toMatch(/^# Sneaky\n/);
    expect(JSON.parse(config.tabs[1]!.variables!)).toEqual({ id: 'o1' });
  });
});
