// npm run bench:explorer [-- --nodes 1000 --runs 5]
//
// Time to first render of the graph view with a neighbourhood of N nodes (default 1,000) in
// headless Chromium. No entity of the seed graph has that many neighbours, so the view is fed a
// generated neighbourhood (#/graph?synthetic=N: the centre, N - 1 neighbours and N/4 relationships
// among them), drawn by the same code as a real one. Served by the explorer's own router alone (no
// database). Prints, per run and as medians: time from navigation start to the first frame with the
// graph drawn, the part of it after the data was ready (building, layout, drawing), and how long
// one zoom takes to draw.
import type { AddressInfo } from 'node:net';
import express from 'express';
import { chromium } from 'playwright-core';
import { explorerRouter } from '../../src/api/explorer.js';
import { findChromium, NO_CHROMIUM } from './chromium.js';
import { ensureExplorerBuilt } from './ensure-built.js';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v < 1) throw new Error(`--${name} takes a whole number (got ${process.argv[i + 1]})`);
  return v;
}

/** What the graph view leaves on window.__explorerGraph (explorer/src/views/Graph.tsx). */
interface GraphStats {
  nodes: number;
  edges: number;
  dataAt: number;
  buildMs: number;
  renderedAt: number | null;
  cy: { zoom(level?: unknown): number; width(): number; height(): number };
}
type Win = { __explorerGraph?: GraphStats };

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

async function main(): Promise<void> {
  const nodes = arg('nodes', 1000);
  const runs = arg('runs', 5);
  const executablePath = findChromium();
  if (!executablePath) throw new Error(NO_CHROMIUM);
  await ensureExplorerBuilt();

  const app = express();
  app.use(explorerRouter());
  const http = await new Promise<ReturnType<typeof app.listen>>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath });
  const version = browser.version();
  const rows: { total: number; render: number; build: number; zoom: number; n: number; e: number }[] = [];
  try {
    for (let r = 0; r < runs + 1; r++) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${base}/#/graph?synthetic=${nodes}`);
      await page.waitForFunction(() => (window as unknown as Win).__explorerGraph?.renderedAt != null, undefined, { timeout: 300_000, polling: 50 });
      const stats = await page.evaluate(async () => {
        const g = (window as unknown as Win).__explorerGraph!;
        const cy = g.cy;
        const t0 = performance.now();
        cy.zoom({ level: cy.zoom() * 1.5, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        return { total: g.renderedAt!, render: g.renderedAt! - g.dataAt, build: g.buildMs, zoom: performance.now() - t0, n: g.nodes, e: g.edges };
      });
      await context.close();
      // the first run warms the browser's caches and is not counted
      if (r > 0) rows.push(stats);
      process.stdout.write(
        `${r === 0 ? 'warm-up' : `run ${r}`}: ${stats.n} nodes, ${stats.e} relationships; first render ${stats.total.toFixed(0)} ms after navigation start (${stats.render.toFixed(0)} ms after the data was ready: ${stats.build.toFixed(0)} building, laying out and mounting the graph, the rest drawing it); one zoom drawn in ${stats.zoom.toFixed(0)} ms\n`,
      );
    }
  } finally {
    await browser.close();
    await new Promise((resolve) => http.close(resolve));
  }
  const f = (xs: number[]) => `${median(xs).toFixed(0)} ms`;
  process.stdout.write(`\nGraph view, ${rows[0]!.n} nodes and ${rows[0]!.e} relationships, headless Chromium ${version}, median of ${rows.length} runs:\n`);
  process.stdout.write(
    `| time to first render (from navigation start) | of which after the data was ready | building and laying out the graph | one zoom drawn |\n| ---: | ---: | ---: | ---: |\n` +
      `| ${f(rows.map((x) => x.total))} | ${f(rows.map((x) => x.render))} | ${f(rows.map((x) => x.build))} | ${f(rows.map((x) => x.zoom))} |\n`,
  );
}

main().catch((e: unknown) => {
  process.stderr.write(`bench:explorer: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
