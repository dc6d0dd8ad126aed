import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ACCEPTANCE_FILE, readQuestions, runAcceptance } from '../acceptance/run.js';
import { seededServer } from '../support/server.js';

const seeded = seededServer();

// The questions are the project's shared input, not part of the repository: without them there is nothing to ask.
describe.runIf(existsSync(DEFAULT_ACCEPTANCE_FILE))(`the acceptance questions (${DEFAULT_ACCEPTANCE_FILE})`, () => {
  it('are all answered correctly by the API over the seed graph', async () => {
    const report = await runAcceptance({ url: seeded.server.url, file: DEFAULT_ACCEPTANCE_FILE });
    const failures = report.results.filter((r) => !r.ok).map((r) => `${r.id}:\n  - ${r.problems.join('\n  - ')}`);
    expect(failures.join('\n'), 'failed questions').toBe('');
    // every question of the file was asked and answered (22 today)
    const asked = readQuestions(DEFAULT_ACCEPTANCE_FILE).length;
    expect(asked).toBeGreaterThan(0);
    expect(report).toMatchObject({ passed: asked, failed: 0 });
  });
});
