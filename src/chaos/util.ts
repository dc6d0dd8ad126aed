/**
 * Small helpers the reliability suite shares: a seeded PRNG, percentiles, timing, progress lines.
 */
import { mulberry32 } from '../bench/articles.js';

export type Rng = () => number;

export const seeded = (seed: number): Rng => mulberry32(seed);
export const int = (rng: Rng, min: number, max: number): number => min + Math.floor(rng() * (max - min + 1));
export const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
export const chance = (rng: Rng, p: number): boolean => rng() < p;

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
export const now = (): number => performance.now();

/** Progress on stderr, so that stdout carries only the report. */
export function progress(line: string): void {
  process.stderr.write(`[chaos] ${line}\n`);
}

/** The q-quantile (0..1) of `xs`, nearest rank; NaN for an empty list. */
export function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return Number.NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}

export interface LatencySummary {
  count: number;
  median: number;
  p95: number;
  max: number;
}

export function summarize(ms: readonly number[]): LatencySummary {
  return { count: ms.length, median: quantile(ms, 0.5), p95: quantile(ms, 0.95), max: ms.length ? Math.max(...ms) : Number.NaN };
}

/** Adds one to a histogram entry. */
export function bump(h: Map<string, number>, key: string, by = 1): void {
  h.set(key, (h.get(key) ?? 0) + by);
}

/** A histogram as "key ×n, key ×n", most frequent first. */
export function histogramText(h: Map<string, number>, limit = 12): string {
  const entries = [...h.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const shown = entries.slice(0, limit).map(([k, n]) => `${k} ×${n}`);
  if (entries.length > limit) shown.push(`(${entries.length - limit} more)`);
  return shown.join(', ') || '–';
}

export const ms = (x: number): string => (Number.isFinite(x) ? `${x.toFixed(x < 10 ? 1 : 0)} ms` : '–');
export const secs = (x: number): string => (Number.isFinite(x) ? `${(x / 1000).toFixed(2)} s` : '–');

/** Waits for `check` to hold, polling every `everyMs`; false when `timeoutMs` passes first. */
export async function until(check: () => Promise<boolean> | boolean, timeoutMs: number, everyMs = 100): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() >= deadline) return false;
    await sleep(everyMs);
  }
}
