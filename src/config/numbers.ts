/**
 * A whole number above 0 from the environment variable `name`, or `fallback` when it is unset or
 * blank; anything else throws, naming the variable and what it got. Shared by the readers of the
 * cost limits, the read gates and the request query budget.
 */
export function positiveIntFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a whole number above 0 (got "${raw}")`);
  return n;
}
