// Hash routes: every view has a URL that can be shared, and the server needs to know only `/`.
//   #/                         search (#/?q=words)
//   #/entity/<id>              entity page
//   #/graph/<id>               neighbourhood graph (#/graph?synthetic=1000: generated, for the benchmark)
//   #/paths?from=<id>&to=<id>  connections between two entities
//   #/timeline/<id>?from=&to=  timeline over a date range
//   #/document/<id>            document with its cited passages
//   #/review                   review queue for editors
import { useEffect, useState } from 'react';

export interface Route {
  view: 'search' | 'entity' | 'graph' | 'paths' | 'timeline' | 'document' | 'review' | 'fact';
  id: string;
  params: URLSearchParams;
}

function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#\/?/, '');
  const q = raw.indexOf('?');
  const path = q < 0 ? raw : raw.slice(0, q);
  const params = new URLSearchParams(q < 0 ? '' : raw.slice(q + 1));
  const [head = '', ...rest] = path.split('/');
  const id = rest.map((s) => decodeURIComponent(s)).join('/');
  const views: Route['view'][] = ['entity', 'graph', 'paths', 'timeline', 'document', 'review', 'fact'];
  const view = (views as string[]).includes(head) ? (head as Route['view']) : 'search';
  return { view, id, params };
}

/** The href of a view: `link('entity', id)`, `link('paths', '', { from, to })`. */
export function link(view: Route['view'], id = '', params: Record<string, string | undefined> = {}): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) qs.set(k, v);
  const s = qs.toString();
  const base = view === 'search' ? '#/' : `#/${view}${id ? `/${encodeURIComponent(id)}` : ''}`;
  return s ? `${base}?${s}` : base;
}

export function navigate(href: string): void {
  window.location.hash = href.replace(/^#/, '');
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const on = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}
