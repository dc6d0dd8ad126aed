import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { authConfig, authConfigFromEnv, AuthConfigError, authenticate, hashToken, parseKeyList } from '../../src/api/auth.js';
import { keyCommand } from '../../src/cli/keys.js';
import type { Db } from '../../src/graph/db.js';
import { connectTestDb, resetWithSeed, snapshotGraph } from '../support/db.js';
import { gql, startTestServer, testKey, type GqlResponse, type TestServer } from '../support/server.js';

let db: Db;
let open: TestServer; // KG_READS=open
let closed: TestServer; // KG_READS=key
const editor = testKey('eva-editora', 'editor');
const reader = testKey('rafa-lector', 'reader');
const keys = [editor.key, reader.key];

beforeAll(async () => {
  db = connectTestDb();
  await resetWithSeed(db);
  open = await startTestServer(db, { auth: authConfig(keys, 'open') });
  closed = await startTestServer(db, { auth: authConfig(keys, 'key') });
});

afterAll(async () => {
  await open?.stop();
  await closed?.stop();
  await db?.close();
});

const FACT = 'statement:robledo-tecamac-coordinated-mas-bienestar';
const CONFIRM = `mutation { confirmFact(id: "${FACT}") { id reviewStatus reviewedBy } }`;
const QUERY = '{ person(slug: "zoe-robledo-aburto") { name } }';

function expectCode(res: GqlResponse, code: string, status: number) {
  expect(res.errors, JSON.stringify(res)).toHaveLength(1);
  expect(res.errors![0]!.extensions?.code).toBe(code);
  expect(res.errors![0]!.extensions).not.toHaveProperty('http');
  expect(res.status).toBe(status);
  expect(res.data ?? null).toBeNull();
  return res.errors![0]!;
}

describe('mutations need an editor key', () => {
  it('without a key: UNAUTHENTICATED (401), nothing written', async () => {
    const before = await snapshotGraph(db);
    const error = expectCode(await gql(open.url, CONFIRM), 'UNAUTHENTICATED', 401);
    expect(error.message).toMatch(/Authorization: Bearer/);
    expect(await snapshotGraph(db)).toEqual(before);
  });

  it('with a reader key: FORBIDDEN (403), nothing written', async () => {
    const before = await snapshotGraph(db);
    const error = expectCode(await gql(open.url, CONFIRM, undefined, reader.header), 'FORBIDDEN', 403);
    expect(error.message).toContain('rafa-lector');
    expect(error.message).toMatch(/editor role/);
    expect(await snapshotGraph(db)).toEqual(before);
  });

  it("with an editor key: done, and the key's name recorded", async () => {
    const res = await gql(open.url, CONFIRM, undefined, editor.header);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ confirmFact: { id: FACT, reviewStatus: 'CONFIRMED', reviewedBy: 'eva-editora' } });
  });

  it('the scheme name is case-insensitive and extra spaces are tolerated', async () => {
    const res = await gql(open.url, CONFIRM, undefined, { Authorization: `bearer   ${editor.token}` });
    expect(res.errors).toBeUndefined();
  });
});

describe('a bad token is refused whatever the request asks', () => {
  const unknown = testKey('nobody', 'editor'); // never configured
  const cases: [string, Record<string, string>][] = [
    ['an unknown token', unknown.header],
    ['a token with one character changed', { Authorization: `Bearer ${editor.token.slice(0, -1)}${editor.token.endsWith('A') ? 'B' : 'A'}` }],
    ['the sha256 instead of the token', { Authorization: `Bearer ${hashToken(editor.token)}` }],
    ['another scheme', { Authorization: `Basic ${Buffer.from(`x:${editor.token}`).toString('base64')}` }],
    ['a bearer without token', { Authorization: 'Bearer' }],
    ['a token with spaces inside', { Authorization: `Bearer ${editor.token} extra` }],
  ];
  for (const [what, header] of cases) {
    it(`${what}: 401 UNAUTHENTICATED for a query, even where queries are open`, async () => {
      expectCode(await gql(open.url, QUERY, undefined, header), 'UNAUTHENTICATED', 401);
      expectCode(await gql(open.url, CONFIRM, undefined, header), 'UNAUTHENTICATED', 401);
    });
  }

  it('the 401 says how to authenticate', async () => {
    const res = await fetch(open.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...unknown.header },
      body: JSON.stringify({ query: QUERY }),
    });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
  });
});

describe('reads', () => {
  it('KG_READS=open: queries need no key, and any valid key works', async () => {
    for (const headers of [{}, reader.header, editor.header]) {
      const res = await gql(open.url, QUERY, undefined, headers);
      expect(res.errors).toBeUndefined();
      expect(res.data).toEqual({ person: { name: 'Zoé Robledo Aburto' } });
    }
  });

  it('KG_READS=key: an anonymous query is UNAUTHENTICATED (401)', async () => {
    expectCode(await gql(closed.url, QUERY), 'UNAUTHENTICATED', 401);
    expectCode(await gql(closed.url, '{ __schema { queryType { name } } }'), 'UNAUTHENTICATED', 401);
  });

  it('KG_READS=key: reader and editor keys read', async () => {
    for (const key of [reader, editor]) {
      const res = await gql(closed.url, QUERY, undefined, key.header);
      expect(res.errors).toBeUndefined();
      expect(res.data).toEqual({ person: { name: 'Zoé Robledo Aburto' } });
    }
  });

  it('KG_READS=key: mutations still need the editor role', async () => {
    expectCode(await gql(closed.url, CONFIRM), 'UNAUTHENTICATED', 401);
    expectCode(await gql(closed.url, CONFIRM, undefined, reader.header), 'FORBIDDEN', 403);
  });
});

describe('tokens and hashes never show', () => {
  afterEach(() => vi.restoreAllMocks());

  it('in logs or responses, whether the key is good, unknown or lacks the role', async () => {
    const written: string[] = [];
    const capture = (...args: unknown[]) => {
      written.push(args.map((a) => (a instanceof Error ? `${a.message}\n${a.stack}` : String(a))).join(' '));
    };
    for (const m of ['log', 'info', 'warn', 'error', 'debug'] as const) vi.spyOn(console, m).mockImplementation(capture);
    const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => {
      written.push(String(chunk));
      return true;
    });
    const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: unknown) => {
      written.push(String(chunk));
      return true;
    });

    const unknown = testKey('nobody', 'editor');
    const bodies: string[] = [];
    for (const [url, headers, query] of [
      [open.url, editor.header, CONFIRM],
      [open.url, reader.header, CONFIRM],
      [open.url, unknown.header, QUERY],
      [closed.url, reader.header, QUERY],
      [closed.url, editor.header, '{ nonsense }'],
      [open.url, editor.header, 'mutation { confirmFact(id: "x") { id } }'],
    ] as const) {
      const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
      bodies.push(await res.text(), JSON.stringify([...res.headers]));
    }
    out.mockRestore();
    err.mockRestore();

    const everything = [...written, ...bodies].join('\n');
    for (const k of [editor, reader, unknown]) {
      expect(everything).not.toContain(k.token);
      expect(everything).not.toContain(hashToken(k.token));
    }
  });
});

describe('key configuration', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kg-keys-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('KG_API_KEYS and KG_API_KEYS_FILE (YAML or JSON) are read together', () => {
    const a = testKey('a', 'editor');
    const b = testKey('b', 'reader');
    const c = testKey('c', 'editor');
    const yamlFile = join(dir, 'keys.yaml');
    writeFileSync(yamlFile, `- name: b\n  role: reader\n  sha256: ${hashToken(b.token)}\n`);
    const jsonFile = join(dir, 'keys.json');
    writeFileSync(jsonFile, JSON.stringify([{ name: 'c', role: 'editor', sha256: hashToken(c.token) }]));
    for (const file of [yamlFile, jsonFile]) {
      const config = authConfigFromEnv({ KG_API_KEYS: ` a:editor:${hashToken(a.token)} , `, KG_API_KEYS_FILE: file, KG_READS: 'key' });
      expect(config.reads).toBe('key');
      expect(config.keys.map((k) => k.name)).toEqual(file === yamlFile ? ['a', 'b'] : ['a', 'c']);
      expect(authenticate(config, `Bearer ${a.token}`)).toEqual({ name: 'a', role: 'editor' });
    }
    expect(authConfigFromEnv({})).toEqual({ keys: [], reads: 'open' });
  });

  it('mistakes are reported naming the entry, without the hash', () => {
    const hash = hashToken('t');
    const bad = (env: NodeJS.ProcessEnv) => {
      try {
        authConfigFromEnv(env);
      } catch (e) {
        expect(e).toBeInstanceOf(AuthConfigError);
        expect((e as Error).message).not.toContain(hash);
        return (e as Error).message;
      }
      throw new Error('no error');
    };
    expect(bad({ KG_API_KEYS: `a:admin:${hash}` })).toMatch(/entry 1 \(a\): the role must be editor or reader/);
    expect(bad({ KG_API_KEYS: `a:editor:${hash},b:reader:abc` })).toMatch(/entry 2 \(b\): sha256 must be/);
    expect(bad({ KG_API_KEYS: `a:editor` })).toMatch(/entry 1: expected <name>:<role>:<sha256 hex>/);
    expect(bad({ KG_API_KEYS: `a:editor:${hash},a:reader:${hashToken('u')}` })).toMatch(/"a" is configured twice/);
    expect(bad({ KG_API_KEYS: `a:editor:${hash},b:reader:${hash}` })).toMatch(/same token/);
    expect(bad({ KG_READS: 'closed' })).toMatch(/KG_READS must be "open" or "key"/);
    expect(bad({ KG_API_KEYS_FILE: join(dir, 'missing.yaml') })).toMatch(/cannot be read \(ENOENT\)/);
    const notList = join(dir, 'not-a-list.yaml');
    writeFileSync(notList, `name: a\nrole: editor\nsha256: ${hash}\n`);
    expect(bad({ KG_API_KEYS_FILE: notList })).toMatch(/expected a list/);
  });

  it('kg key create prints a new token once and its config entry', () => {
    let stdout = '';
    let stderr = '';
    const code = keyCommand(
      ['create', '--name', 'lucia', '--role', 'editor'],
      (s) => {
        stdout += s;
      },
      (s) => {
        stderr += s;
      },
    );
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const token = /^ {2}([A-Za-z0-9_-]{43})$/m.exec(stdout)?.[1];
    expect(token).toBeDefined();
    expect(Buffer.from(token!, 'base64url')).toHaveLength(32);
    const entry = /^ {2}(lucia:editor:[0-9a-f]{64})$/m.exec(stdout)?.[1];
    expect(entry).toBe(`lucia:editor:${hashToken(token!)}`);
    expect(authenticate(authConfig(parseKeyList(entry!)), `Bearer ${token}`)).toEqual({ name: 'lucia', role: 'editor' });
    expect(stdout).toContain(`sha256: ${hashToken(token!)}`);
    // a new token every time
    let again = '';
    keyCommand(
      ['create', '--name=lucia', '--role=editor'],
      (s) => {
        again += s;
      },
      () => {},
    );
    expect(again).not.toContain(token!);

    for (const args of [['create', '--name', 'x'], ['create', '--role', 'editor'], ['create', '--name', 'a b', '--role', 'editor'], ['list']]) {
      let out = '';
      let err = '';
      expect(
        keyCommand(
          args,
          (s) => {
            out += s;
          },
          (s) => {
            err += s;
          },
        ),
      ).toBe(2);
      expect(out).toBe('');
      expect(err).toMatch(/usage: kg key create/);
    }
  });
});
