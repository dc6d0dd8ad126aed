/**
 * The explorer's router (src/api/explorer.ts) on its own, no browser: index.html at `/` with its
 * CSP, hashed assets with a long cache lifetime, nothing else taken, and a 503 page saying how to
 * build when explorer/dist is missing.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explorerRouter } from '../../src/api/explorer.js';

const dir = mkdtempSync(join(tmpdir(), 'kg-explorer-dist-'));
const servers: Server[] = [];

async function serve(dist: string): Promise<string> {
  const app = express();
  app.use(explorerRouter({ dist }));
  app.use((_req, res) => {
    res.status(404).send('next');
  });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

let built = '';
let missing = '';

beforeAll(async () => {
  mkdirSync(join(dir, 'dist', 'assets'), { recursive: true });
  writeFileSync(join(dir, 'dist', 'index.html'), '<!doctype html><div id="root"></div><script type="module" src="/assets/index-abc123.js"></script>');
  writeFileSync(join(dir, 'dist', 'assets', 'index-abc123.js'), 'console.log(1);');
  built = await serve(join(dir, 'dist'));
  missing = await serve(join(dir, 'nowhere'));
});

afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  rmSync(dir, { recursive: true, force: true });
});

describe('explorerRouter', () => {
  it('serves index.html at / with a CSP allowing only this origin and no inline script', async () => {
    const res = await fetch(`${built}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*(unsafe-inline|unsafe-eval|sha256)/);
    expect(csp).toContain("connect-src 'self'");
    expect(await res.text()).toContain('<div id="root">');
  });

  it('serves hashed assets with a year-long immutable cache', async () => {
    const res = await fetch(`${built}/assets/index-abc123.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/javascript/);
    expect(res.headers.get('cache-control')).toMatch(/max-age=31536000.*immutable/);
  });

  it('leaves every other path to the routes after it', async () => {
    for (const path of ['/graphql', '/export/csv', '/health', '/assets/none.js', '/explorer']) {
      const res = await fetch(`${built}${path}`);
      expect(res.status, path).toBe(404);
      expect(await res.text(), path).toBe('next');
    }
  });

  it('answers 503 with how to build when explorer/dist is missing', async () => {
    const res = await fetch(`${missing}/`);
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await res.text()).toContain('npm run build:explorer');
  });
});
