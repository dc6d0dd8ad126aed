/**
 * The explorer in a real browser: headless Chromium (Debian's `chromium` package, found by
 * explorer/scripts/chromium.ts; never downloaded) driven by playwright-core, against the API on
 * the seeded graph. One flow per view: search, entity page, graph (expanded by a click on the
 * canvas), paths with a hop's evidence, timeline, document with highlighted passages, the review
 * queue (a fact confirmed with an editor key), and the playground opened with ?query=.
 * Screenshots of each view go to test-output/screenshots/ (not committed).
 *
 * Without a Chromium the tests skip with a message, except under CI=1 or KG_REQUIRE_BROWSER=1,
 * where a missing browser fails. Every wait is on something visible, with generous limits.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserRequired, findChromium, NO_CHROMIUM } from '../../explorer/scripts/chromium.js';
import { ensureExplorerBuilt } from '../../explorer/scripts/ensure-built.js';
import { authConfig } from '../../src/api/auth.js';
import { gql, seededServer, testKey } from '../support/server.js';

const executablePath = findChromium();
const required = browserRequired();
export const SCREENSHOTS = fileURLToPath(new URL('../../test-output/screenshots/', import.meta.url));
/** Longest any one wait may take: the machine may be busy; a wait ends as soon as its answer shows. */
const WAIT = 90_000;

if (!executablePath && !required) process.stderr.write(`[browser tests] skipped: ${NO_CHROMIUM}\n`);

describe.runIf(!executablePath && required)('browser tests (CI=1 or KG_REQUIRE_BROWSER=1)', () => {
  it('have a Chromium to run', () => {
    throw new Error(`${NO_CHROMIUM}; CI and KG_REQUIRE_BROWSER=1 need one`);
  });
});

// An invented article (the people, town and clinic do not exist): its facts are extracted, so the
// review queue has something to review.
const ARTICLE = `La alcaldesa Jimena Ordaz Villaseñor presentó el plan de salud de Valle Escondido

Valle Escondido, Sierra Clara, 6 de mayo de 2024.- La alcaldesa de Valle Escondido, Jimena Ordaz Villaseñor, presentó este lunes el plan municipal de salud, que atenderá a 42 mil habitantes.

Acompañada por el director de la Clínica Municipal de Valle Escondido, Esteban Luján Carrasco, la alcaldesa informó que la obra tendrá una inversión de 75 millones de pesos.

"Vamos a cumplir con las familias del valle", afirmó Ordaz Villaseñor, quien se comprometió a abrir un consultorio nocturno antes de noviembre de 2024.
`;

const INGEST = `mutation ExplorerTestIngest($input: IngestDocumentInput!) { ingestDocument(input: $input) { newDocument facts { posts events statements commitments figures } } }`;

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

// Building explorer/dist (when missing or stale) and starting Chromium may take minutes on a busy machine.
describe.skipIf(!executablePath)('explorer in headless Chromium', { timeout: 180_000 }, () => {
  const editor = testKey('explorer-editor', 'editor');
  const ctx = seededServer({ auth: authConfig([editor.key]) });
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const problems: string[] = [];
  // entities looked up in the seeded graph, not named here
  let person: { id: string; name: string };
  let other: { id: string; name: string };

  beforeAll(async () => {
    await ensureExplorerBuilt();
    mkdirSync(SCREENSHOTS, { recursive: true });
    const people = await gql<{ people: { nodes: { id: string; name: string }[] } }>(ctx.server.url, '{ people(first: 2, orderBy: MENTIONS_DESC) { nodes { id name } } }');
    [person, other] = people.data!.people.nodes as [typeof person, typeof other];
    expect(person && other).toBeTruthy();
    const ingested = await gql(
      ctx.server.url,
      INGEST,
      { input: { fileName: 'valle-escondido-salud.txt', content: ARTICLE, published: '2024-05-06', publisher: 'Gaceta de Sierra Clara' } },
      editor.header,
    );
    expect(ingested.errors).toBeUndefined();
    browser = await chromium.launch({ executablePath: executablePath! });
    context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(WAIT);
    // a script error, or a request the CSP refused, shows up here
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console error: ${m.text()} (${m.location().url})`);
    });
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`HTTP ${r.status()} for ${r.url()}`);
    });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
  });

  const open = (hash: string) => page.goto(`${ctx.server.base}/${hash}`);
  const shot = (name: string, fullPage = true) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage });

  it('search: an accent-free query finds the person, grouped by kind', async () => {
    const words = fold(person.name).split(/\s+/).slice(0, 2).join(' ');
    await open('#/');
    await page.getByRole('searchbox', { name: 'Search' }).fill(words);
    await page.getByRole('button', { name: 'Search' }).click();
    const group = page.locator('.result-group[data-kind="Person"]');
    await group.getByRole('link', { name: person.name }).waitFor();
    expect(page.url()).toContain(`#/?q=${encodeURIComponent(words).replace(/%20/g, '+')}`);
    expect(await page.locator('.result-group h2').count()).toBeGreaterThan(0);
    await shot('search');
  });

  it('entity page: name, aliases, posts on a time axis, facts with source links', async () => {
    await page.locator('.result-group[data-kind="Person"]').getByRole('link', { name: person.name }).click();
    await page.locator('article.entity h1', { hasText: person.name }).waitFor();
    expect(page.url()).toContain(`#/entity/${encodeURIComponent(person.id)}`);
    await page.getByRole('img', { name: 'Posts over time' }).waitFor();
    expect(await page.locator('article.entity .fact').count()).toBeGreaterThan(0);
    expect(await page.locator('article.entity a.source-link').count()).toBeGreaterThan(0);
    await shot('entity');
  });

  it('document view: a source link opens the document with its passage highlighted', async () => {
    const source = page.locator('article.entity li.fact a.source-link').first();
    await source.click();
    await page.locator('article.document-view h1').waitFor();
    await page.locator('mark.cited.target').first().waitFor();
    expect(await page.locator('mark.cited').count()).toBeGreaterThan(0);
    // each highlight links to its fact
    const href = await page.locator('a.cite-anchor').first().getAttribute('href');
    expect(href).toMatch(/^#\/fact\//);
    await shot('document');
  });

  it('graph view: the neighbourhood, expanded by clicking a node', async () => {
    await open(`#/graph/${encodeURIComponent(person.id)}`);
    await page.locator('.graph-ready').waitFor({ state: 'attached' });
    const before = Number(await page.locator('.graph-counts').getAttribute('data-nodes'));
    expect(before).toBeGreaterThan(1);
    await shot('graph', false);
    // a neighbour not expanded yet (an event if any: it has other participants), clicked on the canvas where it is drawn
    const target = await page.evaluate(() => {
      type N = { id(): string; data(k: string): unknown; hasClass(c: string): boolean; renderedPosition(): { x: number; y: number } };
      const g = (globalThis as unknown as { __explorerGraph: { cy: { nodes(): { toArray(): N[] } } } }).__explorerGraph;
      const all = g.cy.nodes().toArray();
      // the one drawn farthest from any other, so that the click cannot land on a neighbour
      const room = (n: N) => Math.min(...all.filter((m) => m !== n).map((m) => Math.hypot(m.renderedPosition().x - n.renderedPosition().x, m.renderedPosition().y - n.renderedPosition().y)));
      const open = all.filter((n) => !n.hasClass('expanded'));
      const events = open.filter((n) => n.data('type') === 'Event');
      const n = (events.length ? events : open).sort((a, b) => room(b) - room(a))[0]!;
      return { id: n.id(), ...n.renderedPosition() };
    });
    const box = (await page.locator('[data-testid="graph-canvas"]').boundingBox())!;
    await page.mouse.click(box.x + target.x, box.y + target.y);
    await page.locator(`.graph-side .selected[data-id="${target.id}"]`).waitFor();
    await expect.poll(async () => Number(await page.locator('.graph-counts').getAttribute('data-nodes')), { timeout: WAIT, interval: 250 }).toBeGreaterThan(before);
    await shot('graph-expanded', false);
  });

  it('path view: the connections between two people, with the evidence of a hop on click', async () => {
    await open(`#/paths?from=${encodeURIComponent(person.id)}&to=${encodeURIComponent(other.id)}`);
    const hop = page.locator('.hop-button').first();
    await hop.click();
    await page.locator('.evidence h3').waitFor();
    expect(await page.locator('.evidence').innerText()).toMatch(/[A-Z_]{4,}/);
    await shot('paths', false);
  });

  it('timeline view: an entity over a date range', async () => {
    await open(`#/timeline/${encodeURIComponent(person.id)}`);
    await page.locator('.timeline-group .fact').first().waitFor();
    expect(await page.getByRole('img', { name: 'Dated items on a time axis' }).count()).toBe(1);
    await shot('timeline');
  });

  it('review queue: an editor confirms an extracted fact, and its history shows it', async () => {
    await open('#/review');
    await page.locator('.queue-item').first().waitFor();
    // without a key the buttons are off
    expect(await page.locator('.queue-item button.confirm').first().isDisabled()).toBe(true);
    await page.locator('input[name="api-key"]').fill(editor.token);
    await page.getByRole('button', { name: 'Use key' }).click();
    await page.locator('input[name="note"]').fill('checked against the article');
    const item = page.locator('.queue-item:has(button.confirm:not([disabled]))').first();
    const id = (await item.getAttribute('data-id'))!;
    await item.locator('button.confirm').click();
    await page.locator('p.ok', { hasText: 'Confirmed' }).waitFor();
    await page.locator('.done-item .history li', { hasText: 'confirm by explorer-editor' }).waitFor();
    await shot('review');
    const after = await gql<{ node: { reviewStatus: string; history: { action: string; by: string; note: string }[] } }>(
      ctx.server.url,
      'query($id: ID!) { node(id: $id) { ... on Fact { reviewStatus history { action by note } } } }',
      { id },
    );
    expect(after.data?.node.reviewStatus).toBe('CONFIRMED');
    expect(after.data?.node.history.at(-1)).toEqual({ action: 'CONFIRM', by: 'explorer-editor', note: 'checked against the article' });
  });

  it('no explorer view had a script error, a refused request or a failed load', () => {
    expect(problems).toEqual([]);
  });

  it('the playground opens a shared ?query= link with that query', async () => {
    const query = '# shared from the explorer\nquery ExplorerDeepLink { search(query: "salud", first: 3) { score } }';
    await page.goto(`${ctx.server.base}/graphql?query=${encodeURIComponent(query)}`);
    await page.getByText('ExplorerDeepLink').first().waitFor();
    await shot('playground', false);
  });
});
