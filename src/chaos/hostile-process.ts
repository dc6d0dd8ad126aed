/**
 * The hostile client of the one-hostile phase (one-hostile.ts runs it): one request, sent back to
 * back on one keep-alive connection for a number of seconds, each answer written to stdout as a
 * JSON line with its classification (the body only when the answer is a defect, for the report's
 * examples). Its parent lowers its CPU priority to the least: on a 2-core machine that also runs
 * the server and Neo4j, a client sending back to back takes a good part of a core of its own, and
 * the canary's figures would measure that client's CPU, not the server's fairness. A hostile
 * client on another machine costs the server only what the server does for it.
 *
 * It sends in blocks: `onMs` back to back, then nothing for `offMs`, again and again for `seconds`,
 * and writes a line when each block begins and ends (the end once the block's last answer is in),
 * so that the canary's answers can be told apart: beside the hostile client, or alone between its
 * blocks. Alternating the two, rather than one long window of each, keeps a machine whose speed
 * drifts (other work on it, a slow spell) from biasing the comparison.
 *
 *   node --import tsx src/chaos/hostile-process.ts <base url> <seconds> [<onMs> <offMs>]   (the request, as JSON, on stdin)
 */
import { agent, classify, send, type Outcome, type RawRequest } from './http.js';
import { defectsOf } from './report.js';

/** One answer, as the hostile process writes it on a line of its stdout. */
export interface HostileLine {
  ms: number;
  outcome: Outcome;
  /** the answer's body (or transport error) when it is a defect; empty otherwise */
  body: string;
}

/** A block of sending began (`on`) or ended with its last answer (`off`), at Date.now(). */
export interface HostileBlock {
  block: 'on' | 'off';
  at: number;
}

async function main(): Promise<void> {
  const [base, seconds, on, off] = process.argv.slice(2);
  if (!base || !seconds) throw new Error('usage: hostile-process.ts <base url> <seconds> [<onMs> <offMs>] (request as JSON on stdin)');
  const onMs = on === undefined ? Number.POSITIVE_INFINITY : Number(on);
  const offMs = off === undefined ? 0 : Number(off);
  let input = '';
  for await (const chunk of process.stdin) input += String(chunk);
  const request = JSON.parse(input) as RawRequest;
  const via = agent(1);
  const until = Date.now() + Number(seconds) * 1000;
  const mark = (block: HostileBlock['block']) => process.stdout.write(`${JSON.stringify({ block, at: Date.now() } satisfies HostileBlock)}\n`);
  while (Date.now() < until) {
    const blockEnd = Math.min(until, Date.now() + onMs);
    mark('on');
    while (Date.now() < blockEnd) {
      const a = await send(base, request, via, 60_000);
      const outcome = classify(a);
      const line: HostileLine = { ms: a.ms, outcome, body: defectsOf(outcome).length ? (a.body || a.error || '').slice(0, 2000) : '' };
      process.stdout.write(`${JSON.stringify(line)}\n`);
    }
    mark('off');
    if (offMs > 0 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, Math.min(offMs, until - Date.now())));
  }
  via.destroy();
  process.exit(0);
}

main().catch((e: unknown) => {
  process.stderr.write(`hostile client: ${String(e)}\n`);
  process.exit(1);
});
