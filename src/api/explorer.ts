// The explorer web app (explorer/, built by `npm run build:explorer` into explorer/dist), served
// at `/` beside the API: index.html at `/` (the app routes by the URL's hash, so no other path is
// taken from the server), the hashed bundles under /assets/ with a long cache lifetime. Its CSP
// allows scripts, styles and requests from this origin only: the build has no inline script.
// Without a build, `/` answers 503 with a page saying how to make one.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { Router } from 'express';
import { selfOnlyCsp } from './csp.js';

const EXPLORER_DIST = fileURLToPath(new URL('../../explorer/dist', import.meta.url));

// cytoscape.js draws exported images as blob: URLs
const EXPLORER_CSP = selfOnlyCsp({ images: ['blob:'] });

const MISSING = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Explorer not built</title></head>
<body>
<h1>The explorer is not built</h1>
<p>This server serves the explorer web app from <code>explorer/dist</code>, which does not exist yet.
Run <code>npm run build:explorer</code> (or <code>npm start</code>, which builds it when it is missing or stale), then reload.</p>
<p>The GraphQL API and its playground are at <a href="/graphql">/graphql</a>.</p>
</body>
</html>
`;

export function explorerRouter(opts: { dist?: string } = {}): Router {
  const dist = opts.dist ?? EXPLORER_DIST;
  const index = path.join(dist, 'index.html');
  const router = Router();

  const page: express.RequestHandler = async (_req, res, next) => {
    res.set('X-Content-Type-Options', 'nosniff').set('Cache-Control', 'no-cache');
    if (!existsSync(index)) {
      res.status(503).set('Retry-After', '30').type('html').send(MISSING);
      return;
    }
    try {
      const html = await readFile(index, 'utf8');
      res.set('Content-Security-Policy', EXPLORER_CSP).set('Referrer-Policy', 'same-origin').type('html').send(html);
    } catch (err) {
      next(err);
    }
  };
  router.get(['/', '/index.html'], page);
  // file names carry a content hash: a changed file gets a new name, so a year's cache is safe
  router.use('/assets', express.static(path.join(dist, 'assets'), { immutable: true, maxAge: '1y', index: false, fallthrough: true, redirect: false }));
  return router;
}
