// Self-hosted GraphiQL playground.
//
// Apollo Server's default landing page (Sandbox / Explorer) loads its UI from a
// CDN, which doesn't work on offline or locked-down machines. This router serves
// GraphiQL, React and ReactDOM straight from node_modules instead, with the
// project's example queries pre-loaded as tabs. Mount it in front of Apollo:
// browser GETs (Accept: text/html) get the IDE, everything else falls through
// to `next()` so Apollo handles it.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Router } from 'express';
import { selfOnlyCsp } from './csp.js';

export interface PlaygroundExample {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
}

const require = createRequire(import.meta.url);

function packageDir(name: string): { dir: string; version: string } {
  const pkgJson = require.resolve(`${name}/package.json`);
  const { version } = require(pkgJson) as { version: string };
  return { dir: path.dirname(pkgJson), version };
}

const react = packageDir('react');
const reactDom = packageDir('react-dom');
const graphiql = packageDir('graphiql');

// Asset name (as served under `${endpoint}/_playground/`) -> file on disk.
// The package version goes into the URL's query string, so the long cache
// lifetime is safe across upgrades.
const ASSETS = {
  'react.js': { file: path.join(react.dir, 'umd/react.production.min.js'), version: react.version },
  'react-dom.js': { file: path.join(reactDom.dir, 'umd/react-dom.production.min.js'), version: reactDom.version },
  'graphiql.js': { file: path.join(graphiql.dir, 'graphiql.min.js'), version: graphiql.version },
  'graphiql.css': { file: path.join(graphiql.dir, 'graphiql.min.css'), version: graphiql.version },
} as const;
type AssetName = keyof typeof ASSETS;

// The only inline script. It is static (all data comes from the JSON element and
// the page's own URL), so the CSP can allow it by hash instead of a per-request
// nonce. A link such as /graphql?query=...&variables=... (the explorer makes them)
// opens that operation in a tab of its own, in front of the examples.
const BOOTSTRAP = `
const config = JSON.parse(document.getElementById('playground-config').textContent);
const params = new URLSearchParams(window.location.search);
const query = params.get('query');
const variables = params.get('variables') || undefined;
const shared = query ? { query, variables } : {};
const defaultTabs = query ? [{ query, variables }, ...config.tabs] : config.tabs;
const fetcher = GraphiQL.createFetcher({ url: config.url });
ReactDOM.createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, { fetcher, defaultTabs, ...shared }),
);
`;
const BOOTSTRAP_HASH = `'sha256-${createHash('sha256').update(BOOTSTRAP).digest('base64')}'`;

const CSP = selfOnlyCsp({ scripts: [BOOTSTRAP_HASH] });

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

// JSON that is safe inside <script type="application/json">: no `<` means no
// `</script>` or `<!--`; U+2028/2029 are escaped for good measure.
function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

// GraphiQL 3 names tabs after the operation, so the example name goes in a
// leading comment to make it visible in the editor.
function toTab(example: PlaygroundExample): { query: string; variables?: string } {
  const query = `# ${example.name.replace(/\s+/g, ' ')}\n${example.query}`;
  return example.variables ? { query, variables: JSON.stringify(example.variables, null, 2) } : { query };
}

export function playgroundRouter(opts: { endpoint: string; examples: PlaygroundExample[]; title?: string }): Router {
  const { endpoint, examples, title = 'GraphiQL' } = opts;
  const router = Router();
  const tabs = examples.map(toTab);

  for (const [name, asset] of Object.entries(ASSETS)) {
    router.get(`${endpoint}/_playground/${name}`, (_req, res, next) => {
      res.sendFile(asset.file, { maxAge: '1y', immutable: true }, (err) => err && next(err));
    });
  }

  router.get(endpoint, (req, res, next) => {
    // Same negotiation as Apollo's landing page: only clients that prefer HTML.
    if (req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) !== 'text/html') {
      return next();
    }
    const url = req.baseUrl + endpoint;
    const asset = (name: AssetName) => escapeHtml(`${url}/_playground/${name}?v=${ASSETS[name].version}`);
    res.set('Content-Security-Policy', CSP).set('X-Content-Type-Options', 'nosniff').set('Cache-Control', 'no-cache').type('html').send(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${asset('graphiql.css')}">
<style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="graphiql">Loading…</div>
<script type="application/json" id="playground-config">${jsonForScript({ url, tabs })}</script>
<script src="${asset('react.js')}"></script>
<script src="${asset('react-dom.js')}"></script>
<script src="${asset('graphiql.js')}"></script>
<script>${BOOTSTRAP}</script>
</body>
</html>
`);
  });

  return router;
}
