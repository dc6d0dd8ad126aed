import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { schemaSdl } from '../../src/api/schema.js';

const COMMITTED = new URL('../../schema/schema.graphql', import.meta.url);

describe('schema/schema.graphql', () => {
  it('is exactly the SDL the resolvers produce (run `npm run schema` after changing the API)', async () => {
    expect(await schemaSdl()).toBe(readFileSync(COMMITTED, 'utf8'));
  });
});
