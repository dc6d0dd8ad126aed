/**
 * `npm run acceptance`: asks every question of the acceptance file of a running server, one
 * GraphQL operation over HTTP each (test/acceptance/<id>.graphql), checks each answer as the
 * file describes, and ends with `N passed, M failed`. A question without an operation fails.
 *
 *   KG_URL           server to ask (default http://localhost:4000/graphql)
 *   ACCEPTANCE_FILE  questions (default <shared>/acceptance/seed-questions.yaml; shared = SHARED_DIR,
 *                    ../shared beside the repo, or /work/shared)
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { sharedDir } from '../../src/config/shared.js';
import { readAnswer } from './answer.js';
import { check } from './checks.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));
/** ACCEPTANCE_FILE, else the shared folder's acceptance/seed-questions.yaml (see src/config/shared.ts). */
export const DEFAULT_ACCEPTANCE_FILE = process.env.ACCEPTANCE_FILE ?? join(sharedDir() ?? resolve(HERE, '..', '..', '..', 'shared'), 'acceptance', 'seed-questions.yaml');

export interface Question {
  id: string;
  question: string;
  expect: Record<string, unknown>;
}

export interface QuestionResult {
  id: string;
  ok: boolean;
  problems: string[];
}

export interface AcceptanceReport {
  passed: number;
  failed: number;
  results: QuestionResult[];
}

export function readQuestions(file: string): Question[] {
  const parsed: unknown = parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(parsed)) throw new Error(`${file}: expected a list of questions`);
  return parsed.map((q, i) => {
    if (typeof q?.id !== 'string' || typeof q?.expect !== 'object' || q.expect === null) throw new Error(`${file}: question ${i + 1} has no id or expect`);
    return { id: q.id, question: String(q.question ?? ''), expect: q.expect as Record<string, unknown> };
  });
}

async function ask(url: string, query: string): Promise<unknown> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify({ query }) });
  const text = await res.text();
  try {
    return JSON.parse(text);
  } catch {
    return { errors: [{ message: `HTTP ${res.status}: ${text.slice(0, 200)}` }] };
  }
}

export async function runAcceptance(opts: { url: string; file?: string; log?: (line: string) => void }): Promise<AcceptanceReport> {
  const questions = readQuestions(opts.file ?? DEFAULT_ACCEPTANCE_FILE);
  const results: QuestionResult[] = [];
  for (const q of questions) {
    const opFile = join(HERE, `${q.id}.graphql`);
    let problems: string[];
    if (!existsSync(opFile)) {
      problems = [`no operation: test/acceptance/${q.id}.graphql is missing`];
    } else {
      const operation = readFileSync(opFile, 'utf8');
      try {
        problems = check(q.expect, readAnswer(operation, await ask(opts.url, operation)));
      } catch (e) {
        problems = [`could not ask: ${e instanceof Error ? e.message : String(e)}`];
      }
    }
    const result = { id: q.id, ok: problems.length === 0, problems };
    results.push(result);
    opts.log?.(`${result.ok ? 'PASS' : 'FAIL'} ${q.id}${result.ok ? '' : `\n${problems.map((p) => `     - ${p}`).join('\n')}`}`);
  }
  const passed = results.filter((r) => r.ok).length;
  return { passed, failed: results.length - passed, results };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const url = process.env.KG_URL ?? 'http://localhost:4000/graphql';
  const file = DEFAULT_ACCEPTANCE_FILE;
  runAcceptance({ url, file, log: (l) => console.log(l) })
    .then((r) => {
      console.log(`${r.passed} passed, ${r.failed} failed`);
      process.exitCode = r.failed === 0 ? 0 : 1;
    })
    .catch((e: unknown) => {
      console.error(`acceptance: ${e instanceof Error ? e.message : String(e)}`);
      process.exitCode = 2;
    });
}
