/**
 * The Content-Security-Policy of the pages the server serves (the explorer, the playground): only
 * this origin, for scripts, requests, fonts and images; inline styles allowed (React, cytoscape.js,
 * CodeMirror and GraphiQL set style attributes); no plugins, no base URL, no form posts, framed
 * only by this origin. `scripts` adds sources to script-src (the playground's inline bootstrap, by
 * hash); `images` adds sources to img-src.
 */
export function selfOnlyCsp(opts: { scripts?: string[]; images?: string[] } = {}): string {
  return [
    "default-src 'self'",
    ["script-src 'self'", ...(opts.scripts ?? [])].join(' '),
    "style-src 'self' 'unsafe-inline'",
    ["img-src 'self' data:", ...(opts.images ?? [])].join(' '),
    // fonts and icons embedded in CSS as data: URLs
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'self'",
  ].join('; ');
}
