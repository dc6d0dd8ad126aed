import { describe, expect, it } from 'vitest';
import { corsOriginsFromEnv } from '../../src/api/ops/cors.js';
import { logLevelFromEnv } from '../../src/api/ops/logging.js';
import { MAX_OPERATION_NAMES, ServerMetrics } from '../../src/api/ops/metrics.js';
import { requestIdFrom } from '../../src/api/ops/request-id.js';

/** The server's operational settings and bounds, without a server. */

describe('LOG_LEVEL', () => {
  it('defaults to info; takes a pino level in any case', () => {
    expect(logLevelFromEnv({})).toBe('info');
    expect(logLevelFromEnv({ LOG_LEVEL: ' ' })).toBe('info');
    expect(logLevelFromEnv({ LOG_LEVEL: 'debug' })).toBe('debug');
    expect(logLevelFromEnv({ LOG_LEVEL: 'SILENT' })).toBe('silent');
  });

  it('refuses another value, naming the variable and the allowed values', () => {
    expect(() => logLevelFromEnv({ LOG_LEVEL: 'verbose' })).toThrow('LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "verbose")');
  });
});

describe('KG_CORS_ORIGINS', () => {
  it('none by default; comma-separated exact origins', () => {
    expect(corsOriginsFromEnv({})).toEqual([]);
    expect(corsOriginsFromEnv({ KG_CORS_ORIGINS: '' })).toEqual([]);
    expect(corsOriginsFromEnv({ KG_CORS_ORIGINS: 'https://newsroom.example.org, http://localhost:5173' })).toEqual(['https://newsroom.example.org', 'http://localhost:5173']);
  });

  it.each([
    ['https://newsroom.example.org/', '"https://newsroom.example.org"?'],
    ['https://newsroom.example.org/api', '"https://newsroom.example.org"?'],
    ['https://Newsroom.example.org', '"https://newsroom.example.org"?'],
    ['https://newsroom.example.org:443', '"https://newsroom.example.org"?'],
    ['newsroom.example.org', 'http(s)://host[:port]'],
    ['ftp://files.example.org', 'http(s)://host[:port]'],
    ['*', 'http(s)://host[:port]'],
  ])('refuses %s, naming KG_CORS_ORIGINS', (entry, hint) => {
    expect(() => corsOriginsFromEnv({ KG_CORS_ORIGINS: `https://ok.example.org,${entry}` })).toThrow(/^KG_CORS_ORIGINS entry 2/);
    expect(() => corsOriginsFromEnv({ KG_CORS_ORIGINS: `https://ok.example.org,${entry}` })).toThrow(hint);
  });
});

describe('request ids', () => {
  it('keeps a plain token up to 128 characters, else makes a UUID', () => {
    expect(requestIdFrom('req-1.A_b')).toBe('req-1.A_b');
    expect(requestIdFrom('x'.repeat(128))).toBe('x'.repeat(128));
    const uuid = /^[0-9a-f-]{36}$/;
    for (const bad of [undefined, '', 'x'.repeat(129), 'a b', 'a\nb', '<script>', ['a', 'b']]) expect(requestIdFrom(bad)).toMatch(uuid);
    expect(requestIdFrom(undefined)).not.toBe(requestIdFrom(undefined));
  });
});

describe('operation labels', () => {
  it('anonymous, cleaned and cut names, and "other" once too many names were seen', () => {
    const metrics = new ServerMetrics();
    expect(metrics.operationLabel(null)).toBe('anonymous');
    expect(metrics.operationLabel('')).toBe('anonymous');
    expect(metrics.operationLabel('PersonPage')).toBe('PersonPage');
    expect(metrics.operationLabel('weird name"}\n')).toBe('weird_name___');
    expect(metrics.operationLabel('N'.repeat(500))).toBe('N'.repeat(64));
    for (let i = 0; metrics.operationLabel(`Op${i}`) !== 'other'; i++) expect(i).toBeLessThan(MAX_OPERATION_NAMES);
    expect(metrics.operationLabel('NeverSeenBefore')).toBe('other');
    // names seen before the cap keep their label
    expect(metrics.operationLabel('PersonPage')).toBe('PersonPage');
  });
});
