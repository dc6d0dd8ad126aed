import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../src/api/auth.js';
import { describeVariables, loadConfig, type Config } from '../../src/config/env.js';
import { ConfigError } from '../../src/config/errors.js';

/** The problems loadConfig reports for an environment, [] when it passes. */
function problems(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    return e.problems;
  }
}

describe('the environment check', () => {
  it('passes an empty environment, with the defaults', () => {
    expect(loadConfig({})).toEqual<Partial<Config>>({ PORT: 4000, HOST: '127.0.0.1', KG_NLP: 'auto', KG_BOLT_NODELAY: '1' });
  });

  it('reads good values', () => {
    const config = loadConfig({
      PORT: ' 8080 ',
      HOST: '0.0.0.0',
      NEO4J_URI: 'neo4j+s://db.example.org',
      KG_NLP: 'OFF',
      LOG_LEVEL: 'debug',
      KG_CORS_ORIGINS: 'https://app.example.org, http://localhost:5173',
      KG_BOLT_NODELAY: '0',
      KG_QUERY_TIMEOUT_MS: '2000',
      KG_READS: 'key',
      NEO4J_LOCAL_PORT: '0',
    });
    expect(config).toMatchObject({ PORT: 8080, HOST: '0.0.0.0', NEO4J_URI: 'neo4j+s://db.example.org', KG_NLP: 'off', KG_BOLT_NODELAY: '0' });
  });

  it('takes an empty value as unset, not one of spaces', () => {
    expect(loadConfig({ PORT: '', NEO4J_URI: '', LOG_LEVEL: '', KG_NLP: '' })).toMatchObject({ PORT: 4000, KG_NLP: 'auto' });
    expect(loadConfig({ NEO4J_URI: '' }).NEO4J_URI).toBeUndefined();
    expect(problems({ NEO4J_URI: ' ' })[0]).toMatch(/^NEO4J_URI: /);
  });

  it.each<[string, string, RegExp]>([
    ['PORT', 'abc', /^PORT: expected a port, a whole number from 1 to 65535 \(got "abc"\)$/],
    ['PORT', '0', /^PORT: .*1 to 65535/],
    ['PORT', '65536', /^PORT: .*1 to 65535/],
    ['PORT', '80.5', /^PORT: /],
    ['NEO4J_URI', 'http://localhost:7474', /^NEO4J_URI: expected a URL with a host and the scheme bolt, bolt\+s, bolt\+ssc, neo4j, neo4j\+s, neo4j\+ssc/],
    ['NEO4J_URI', 'localhost:7687', /^NEO4J_URI: /],
    ['NEO4J_LOCAL_PORT', '70000', /^NEO4J_LOCAL_PORT: is not a valid port: 70000$/],
    ['CORENLP_PORT', 'x', /^CORENLP_PORT: is not a valid port: x$/],
    ['KG_QUERY_TIMEOUT_MS', '0', /^KG_QUERY_TIMEOUT_MS: must be a whole number of milliseconds above 0 \(got "0"\)$/],
    ['KG_WRITE_TIMEOUT_MS', 'soon', /^KG_WRITE_TIMEOUT_MS: must be a whole number of milliseconds/],
    ['KG_MAX_DEPTH', '-3', /^KG_MAX_DEPTH: must be a whole number above 0/],
    ['KG_MAX_COMPLEXITY', '1e', /^KG_MAX_COMPLEXITY: must be a whole number above 0/],
    ['KG_READS', 'maybe', /^KG_READS: must be "open" or "key" \(got "maybe"\)$/],
    ['KG_API_KEYS', 'ana:editor', /^KG_API_KEYS: entry 1: expected <name>:<role>:<sha256 hex>$/],
    ['KG_API_KEYS', `ana:boss:${hashToken('t')}`, /^KG_API_KEYS: entry 1 \(ana\): the role must be editor or reader$/],
    ['KG_API_KEYS_FILE', '/no/such/keys.yaml', /^KG_API_KEYS_FILE: \/no\/such\/keys.yaml: cannot be read \(ENOENT\)$/],
    ['KG_NLP', 'of', /^KG_NLP: expected one of auto, off \(got "of"\)$/],
    ['CORENLP_URL', 'localhost:9000', /^CORENLP_URL: expected a URL with a host and the scheme http, https/],
    ['CORENLP_TIMEOUT_MS', '0', /^CORENLP_TIMEOUT_MS: expected a whole number of milliseconds above 0 \(got "0"\)$/],
    ['LOG_LEVEL', 'verbose', /^LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent \(got "verbose"\)$/],
    ['KG_CORS_ORIGINS', 'https://app.example.org/path', /^KG_CORS_ORIGINS: entry 1 \("https:\/\/app.example.org\/path"\) is not an origin/],
    ['KG_CORS_ORIGINS', 'https://a.example.org,ftp://b.example.org', /^KG_CORS_ORIGINS: entry 2 \("ftp:\/\/b.example.org"\) is not an origin/],
    ['KG_BOLT_NODELAY', 'yes', /^KG_BOLT_NODELAY: expected one of 0, 1 \(got "yes"\)$/],
    ['EVAL_NEO4J_URI', 'mysql://x', /^EVAL_NEO4J_URI: /],
  ])('names %s=%s', (name, value, message) => {
    const found = problems({ [name]: value });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(message);
  });

  it('never echoes a URL, which may hold a password', () => {
    const [problem] = problems({ NEO4J_URI: 'http://neo4j:s3cret@db:7687' });
    expect(problem).toMatch(/^NEO4J_URI: /);
    expect(problem).not.toContain('s3cret');
  });

  it('reports every bad variable at once', () => {
    const found = problems({ PORT: 'abc', KG_READS: 'maybe', LOG_LEVEL: 'loud' });
    expect(found.map((p) => p.split(':')[0])).toEqual(['PORT', 'KG_READS', 'LOG_LEVEL']);
  });

  describe('API keys', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'kg-config-'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('names KG_API_KEYS_FILE for a bad item of the file', () => {
      const file = join(dir, 'bad.yaml');
      writeFileSync(file, `- name: ana\n  role: boss\n  sha256: ${hashToken('t')}\n`);
      expect(problems({ KG_API_KEYS_FILE: file })).toEqual([`KG_API_KEYS_FILE: ${file} item 1 (ana): the role must be editor or reader`]);
    });

    it('checks the list and the file together: one name twice', () => {
      const file = join(dir, 'ana.yaml');
      writeFileSync(file, `- name: ana\n  role: reader\n  sha256: ${hashToken('u')}\n`);
      expect(problems({ KG_API_KEYS_FILE: file })).toEqual([]);
      expect(problems({ KG_API_KEYS: `ana:editor:${hashToken('t')}`, KG_API_KEYS_FILE: file })).toEqual(['KG_API_KEYS: together with KG_API_KEYS_FILE: API key name "ana" is configured twice']);
    });
  });
});

describe('the variable list', () => {
  const vars = describeVariables();

  it('describes every variable the check reads, each once, with a default', () => {
    const names = vars.map((v) => v.name);
    expect(new Set(names).size).toBe(names.length);
    // prettier-ignore
    for (const name of ['PORT', 'HOST', 'NEO4J_URI', 'NEO4J_USER', 'NEO4J_PASSWORD', 'NEO4J_DATABASE', 'NEO4J_LOCAL_PORT', 'CORPUS_DIR', 'SHARED_DIR', 'KG_QUERY_TIMEOUT_MS', 'KG_WRITE_TIMEOUT_MS', 'KG_MAX_DEPTH', 'KG_MAX_COMPLEXITY', 'KG_MAX_DB_COST', 'KG_MAX_COSTLY_FIELDS', 'KG_MAX_REQUEST_QUERIES', 'KG_DB_CONCURRENCY', 'KG_DB_REQUEST_CONCURRENCY', 'KG_DB_QUEUE_MS', 'KG_READS', 'KG_API_KEYS', 'KG_API_KEYS_FILE', 'KG_NLP', 'CORENLP_URL', 'CORENLP_TIMEOUT_MS', 'LOG_LEVEL', 'KG_CORS_ORIGINS', 'KG_BOLT_NODELAY']) {
      expect(names).toContain(name);
    }
    for (const v of vars) {
      expect(v.description, v.name).toMatch(/\S/);
      expect(v.default, v.name).toMatch(/\S/);
      expect(v.description, v.name).not.toContain('\n');
    }
  });

  it('gives the defaults the code applies', () => {
    const byName = Object.fromEntries(vars.map((v) => [v.name, v.default]));
    expect(byName).toMatchObject({
      PORT: '4000',
      HOST: '127.0.0.1',
      KG_MAX_DEPTH: '10',
      KG_MAX_COMPLEXITY: '50000',
      KG_MAX_DB_COST: '100',
      KG_MAX_COSTLY_FIELDS: '20',
      KG_DB_CONCURRENCY: '16',
      KG_DB_QUEUE_MS: '5000',
      LOG_LEVEL: 'info',
      KG_NLP: 'auto',
      KG_BOLT_NODELAY: '1',
      CORENLP_TIMEOUT_MS: '120000',
    });
    expect(loadConfig({ LOG_LEVEL: byName.LOG_LEVEL!, KG_READS: byName.KG_READS! })).toBeDefined();
    expect(byName.KG_QUERY_TIMEOUT_MS).toMatch(/^5000; 600000 under /);
  });
});
