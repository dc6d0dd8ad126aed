/**
 * The project's shared inputs (the seed corpus, the acceptance questions) live outside the
 * repository (src/config/shared.ts finds them). Without them, the tests that read them skip with
 * a message, except under CI=1 or KG_REQUIRE_SHARED=1 (.ci/run sets it): there a missing shared
 * folder fails the run instead of quietly testing less.
 */
import { existsSync, readdirSync } from 'node:fs';
import { describe, it } from 'vitest';
import { CORPUS_DIR } from '../../src/config/shared.js';

export const sharedRequired = process.env.CI === '1' || process.env.CI === 'true' || process.env.KG_REQUIRE_SHARED === '1';

/** The seed corpus's article files, sorted; none when the corpus is absent. */
export function corpusFiles(): string[] {
  return existsSync(CORPUS_DIR)
    ? readdirSync(CORPUS_DIR)
        .filter((f) => /\.(txt|md|html?)$/.test(f) && !/^readme/i.test(f))
        .sort()
    : [];
}

/**
 * True when `what` (a shared input at `where`) is there. When it is not: a message, and under
 * CI=1 or KG_REQUIRE_SHARED=1 a failing test saying so.
 */
export function sharedPresent(what: string, where: string, present: boolean): boolean {
  if (present) return true;
  if (!sharedRequired) process.stderr.write(`[${what}] skipped: nothing at ${where}\n`);
  else {
    describe(`${what} (CI=1 or KG_REQUIRE_SHARED=1)`, () => {
      it('are there to test', () => {
        throw new Error(`${what}: nothing at ${where}; CI and KG_REQUIRE_SHARED=1 need the shared folder (SHARED_DIR, or ../shared beside the repository)`);
      });
    });
  }
  return false;
}
