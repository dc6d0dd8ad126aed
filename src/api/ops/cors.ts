import cors from 'cors';
import type { RequestHandler } from 'express';
import { REQUEST_ID_HEADER } from './request-id.js';

/**
 * KG_CORS_ORIGINS: the browser origins allowed to call the API from their pages, comma-separated,
 * each exactly as a browser sends it in its Origin header (https://newsroom.example.org:8443).
 * Unset or blank: none, and no response carries an Access-Control-Allow-Origin header.
 */
export function corsOriginsFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  const entries = (env.KG_CORS_ORIGINS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  entries.forEach((entry, i) => {
    let origin: string | null = null;
    try {
      const url = new URL(entry);
      if (url.protocol === 'http:' || url.protocol === 'https:') origin = url.origin;
    } catch {
      // not a URL: reported below
    }
    // An origin a browser would never send (a path, a trailing slash, upper case, a default port) would match nothing.
    if (origin !== entry) {
      throw new Error(`KG_CORS_ORIGINS entry ${i + 1} ("${entry}") is not an origin: expected http(s)://host[:port], lower case, without path or trailing slash` + (origin ? ` ("${origin}"?)` : ''));
    }
  });
  return entries;
}

/**
 * Cross-origin access for the allowed origins: their preflights are answered (methods, and the
 * headers a client sends: Content-Type, Authorization, x-request-id) and their responses carry
 * Access-Control-Allow-Origin, and expose x-request-id. Another origin gets no
 * Access-Control-Allow-Origin, so its browser withholds the response. No cookies are involved
 * (keys travel in the Authorization header), so credentials stay off.
 */
export function corsFor(origins: string[]): RequestHandler {
  return cors({
    origin: origins,
    methods: ['GET', 'POST'],
    allowedHeaders: ['Content-Type', 'Authorization', REQUEST_ID_HEADER],
    exposedHeaders: [REQUEST_ID_HEADER],
    maxAge: 600,
  });
}
