import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { cacheKey, cacheNamespace, DEFAULT_RESPONSE_CACHE, responseCacheFromEnv, type CacheKeyParts } from '../../src/api/response-cache.js';

const base: CacheKeyParts = { namespace: 'n', day: '2026-12-03', query: '{ a }', operationName: null, variables: { x: 1, y: [1, 2] } };

describe('the response cache key', () => {
  it('is the same for the same request, whatever the order of its variables', () => {
    expect(cacheKey(base)).toBe(cacheKey({ ...base, variables: { y: [1, 2], x: 1 } }));
    expect(cacheKey({ ...base, variables: undefined })).toBe(cacheKey({ ...base, variables: {} }));
  });

  it('differs with the text, the operation name, the variables, the day and the namespace', () => {
    const keys = [
      base,
      { ...base, query: '{ a b }' },
      { ...base, operationName: 'A' },
      { ...base, variables: { x: 2, y: [1, 2] } },
      { ...base, variables: { x: 1, y: [2, 1] } },
      { ...base, day: '2026-12-04' },
      { ...base, namespace: 'm' },
    ].map(cacheKey);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('namespaces servers by their schema', () => {
    expect(cacheNamespace(buildSchema('type Query { a: Int }'))).toBe(cacheNamespace(buildSchema('type Query { a: Int }')));
    expect(cacheNamespace(buildSchema('type Query { a: Int }'))).not.toBe(cacheNamespace(buildSchema('type Query { a: String }')));
  });
});

describe('the response cache configuration', () => {
  it('is on, with 10000 entries, unless told otherwise', () => {
    expect(responseCacheFromEnv({})).toEqual(DEFAULT_RESPONSE_CACHE);
    expect(responseCacheFromEnv({ KG_RESPONSE_CACHE: '' })).toEqual(DEFAULT_RESPONSE_CACHE);
    expect(responseCacheFromEnv({ KG_RESPONSE_CACHE: 'OFF', KG_RESPONSE_CACHE_ENTRIES: '50' })).toEqual({ enabled: false, entries: 50 });
  });

  it('refuses values it does not know, naming the variable', () => {
    expect(() => responseCacheFromEnv({ KG_RESPONSE_CACHE: 'yes' })).toThrow(/KG_RESPONSE_CACHE must be "on" or "off" \(got "yes"\)/);
    expect(() => responseCacheFromEnv({ KG_RESPONSE_CACHE_ENTRIES: '0' })).toThrow(/KG_RESPONSE_CACHE_ENTRIES/);
  });
});
