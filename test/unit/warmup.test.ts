import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../../src/api/schema.js';
import { entityQuestions, LISTS } from '../../src/api/ops/warmup.js';

describe('the warm-up questions', () => {
  it('are valid operations of the schema, so that each one warms what it means to', async () => {
    const s = await schema();
    const questions = [...LISTS.map((l) => `{ ${l} }`), ...entityQuestions(['rosa-ibarra', 'tomas-garibay-luna'])];
    expect(questions.length).toBeGreaterThan(LISTS.length);
    for (const q of questions)
      expect(
        validate(s, parse(q)).map((e) => e.message),
        q,
      ).toEqual([]);
  });
});
