/**
 * The canary's own process (canary.ts runs it): one GraphQL request at a time on one keep-alive
 * connection, every `everyMs`, each answer written to stdout as a JSON line. In a process of its
 * own so that its latencies are the server's, not the event loop of the fuzzer beside it.
 *
 *   node --import tsx src/chaos/canary-process.ts <base url> <slug> <everyMs> <count; 0: until stdin closes>
 */
import { CANARY_QUERY, type CanaryLine } from './canary.js';
import { agent, post, send } from './http.js';
import { sleep } from './util.js';

async function main(): Promise<void> {
  const [base, slug, every, count] = process.argv.slice(2);
  if (!base || !slug) throw new Error('usage: canary-process.ts <base url> <slug> <everyMs> <count>');
  const everyMs = Number(every ?? 100);
  const limit = Number(count ?? 0);
  let open = true;
  process.stdin.on('end', () => (open = false));
  process.stdin.on('close', () => (open = false));
  process.stdin.resume();
  const via = agent(1);
  for (let i = 0; open && (limit === 0 || i < limit); i++) {
    const t = performance.now();
    const at = Date.now();
    const a = await send(base, post({ query: CANARY_QUERY, variables: { s: slug } }), via, 30_000);
    const line: CanaryLine = { at, ms: a.ms, status: a.status, body: a.body.slice(0, 2000), ...(a.error ? { error: a.error } : {}) };
    process.stdout.write(`${JSON.stringify(line)}\n`);
    await sleep(Math.max(0, everyMs - (performance.now() - t)));
  }
  via.destroy();
  process.exit(0);
}

main().catch((e: unknown) => {
  process.stderr.write(`canary: ${String(e)}\n`);
  process.exit(1);
});
