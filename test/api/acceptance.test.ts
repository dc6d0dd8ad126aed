import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ACCEPTANCE_FILE, readQuestions, runAcceptance } from '../acceptance/run.js';
import { inspect } from '../support/db.js';
import { seededServer, startTestServer } from '../support/server.js';
import { sharedPresent } from '../support/shared.js';

const seeded = seededServer();

// The questions are the project's shared input, not part of the repository: without them there is nothing to ask.
describe.runIf(sharedPresent('the acceptance questions', DEFAULT_ACCEPTANCE_FILE, existsSync(DEFAULT_ACCEPTANCE_FILE)))(`the acceptance questions (${DEFAULT_ACCEPTANCE_FILE})`, () => {
  it('are all answered correctly by the API over the seed graph', async () => {
    const report = await runAcceptance({ url: seeded.server.url, file: DEFAULT_ACCEPTANCE_FILE });
    const failures = report.results.filter((r) => !r.ok).map((r) => `${r.id}:\n  - ${r.problems.join('\n  - ')}`);
    expect(failures.join('\n'), 'failed questions').toBe('');
    // every question of the file was asked and answered (22 today)
    const asked = readQuestions(DEFAULT_ACCEPTANCE_FILE).length;
    expect(asked).toBeGreaterThan(0);
    expect(report).toMatchObject({ passed: asked, failed: 0 });
  });

  it('are answered the same from the response cache', async () => {
    const cached = await startTestServer(seeded.db, { responseCache: true });
    const storedAnswers = async () => (await inspect<{ n: number }>(seeded.db, 'MATCH (c:CachedResponse) RETURN count(c) AS n'))[0]!.n;
    try {
      const hits = async () => {
        const line = (await (await fetch(`${cached.base}/metrics`)).text()).split('\n').find((l) => l.startsWith('kg_response_cache_total{result="hit"}'));
        return Number(line?.split(' ').pop());
      };
      const filled = await runAcceptance({ url: cached.url, file: DEFAULT_ACCEPTANCE_FILE });
      expect(filled.failed).toBe(0);
      // the answers are stored just after they are sent (those without errors: a NOT_FOUND answer is not)
      let stored = -1;
      for (let i = 0; i < 50 && stored !== (await storedAnswers()); i++) {
        stored = await storedAnswers();
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(stored).toBeGreaterThan(readQuestions(DEFAULT_ACCEPTANCE_FILE).length / 2);
      const before = await hits();
      const served = await runAcceptance({ url: cached.url, file: DEFAULT_ACCEPTANCE_FILE });
      const failures = served.results.filter((r) => !r.ok).map((r) => `${r.id}:\n  - ${r.problems.join('\n  - ')}`);
      expect(failures.join('\n'), 'failed questions').toBe('');
      expect(served.passed).toBe(filled.passed);
      // every stored answer was served from the cache
      expect((await hits()) - before).toBe(stored);
    } finally {
      await cached.stop();
    }
  });
});
