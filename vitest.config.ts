import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Three projects:
 *   unit: pure tests (domain, text, ingestion stages, search ranking, seed compiler, playground,
 *         schema drift): no database.
 *   db:   tests against a real Neo4j, provided once by test/support/global-setup.ts
 *         (NEO4J_URI if set, else a testcontainers Neo4j when Docker answers, else the local
 *         launcher). The global setup belongs to this project only, so `vitest run test/unit`
 *         starts no database.
 *         The explorer's browser tests (test/browser/) are db tests too: headless Chromium (Debian's
 *         chromium; skipped with a message when none is found, failing under CI=1 or
 *         KG_REQUIRE_BROWSER=1) against the API on the same Neo4j.
 *   nlp:  tests against a real Stanford CoreNLP server (CORENLP_URL, else the local one from
 *         corenlp-local/, started by the test file); KG_NO_NLP=1 skips them.
 * Files run one at a time: the db tests share one database and reset it in their hooks.
 */
export default defineConfig({
  resolve: {
    // graphql 16 ships CommonJS (main) and ESM (module) builds. Node, and so type-graphql and
    // @apollo/server, load the CommonJS one; Vite would give our sources the ESM one, and two
    // graphql instances cannot share a schema. Pin the one Node uses.
    alias: [{ find: /^graphql$/, replacement: fileURLToPath(new URL('./node_modules/graphql/index.js', import.meta.url)) }],
  },
  test: {
    fileParallelism: false,
    // Stopping the test Neo4j (global teardown) may take a while.
    teardownTimeout: 60_000,
    // No test may depend on vitest's 5 s default: on a loaded 2-core machine a pure test of
    // thousands of cases runs several times slower than on a quiet one. Limits are generous;
    // what a test measures is its answer, never its time.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'test/text/**/*.test.ts', 'test/ingest/**/*.test.ts', 'test/api/playground.test.ts', 'test/api/schema.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'db',
          include: [
            'test/graph/**/*.test.ts',
            'test/api/**/*.test.ts',
            'test/tck/**/*.test.ts',
            'test/pipeline/**/*.test.ts',
            'test/acceptance/**/*.test.ts',
            'test/export/**/*.test.ts',
            'test/browser/**/*.test.ts',
          ],
          exclude: ['test/api/playground.test.ts', 'test/api/schema.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          // The global setup waits up to 3 minutes for Neo4j to start (the launcher's own limit); hooks that
          // reset and seed the graph get the same room on a slow machine.
          hookTimeout: 180_000,
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          // Against a real Stanford CoreNLP: CORENLP_URL if set, else the local server from corenlp-local/,
          // started by the test file itself (no database). KG_NO_NLP=1 skips them.
          name: 'nlp',
          include: ['test/nlp/**/*.test.ts'],
          // Starting the local server may include its first build (~255 MB from Maven Central) and model
          // loading on a busy machine; one annotation may take long there too.
          hookTimeout: 900_000,
          testTimeout: 180_000,
        },
      },
    ],
  },
});
