// The explorer: a small React app over the public GraphQL API (/graphql), hash-routed so that
// every view has a URL to share.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { link, useRoute } from './route.js';
import './style.css';
import { DocumentView } from './views/Document.js';
import { EntityView } from './views/Entity.js';
import { FactView } from './views/Fact.js';
import { GraphView } from './views/Graph.js';
import { PathsView } from './views/Paths.js';
import { ReviewView } from './views/Review.js';
import { SearchView } from './views/Search.js';
import { TimelineView } from './views/Timeline.js';

function View() {
  const { view, id, params } = useRoute();
  const p = (k: string) => params.get(k) ?? '';
  switch (view) {
    case 'entity':
      return <EntityView key={id} id={id} />;
    case 'graph':
      return <GraphView key={`${id}|${p('synthetic')}`} id={id} synthetic={Math.min(Math.max(Number(p('synthetic')) || 0, 0), 20_000)} />;
    case 'paths':
      return <PathsView key={`${p('from')}|${p('to')}`} from={p('from')} to={p('to')} maxHops={Math.min(Math.max(Number(p('hops')) || 4, 1), 6)} />;
    case 'timeline':
      return <TimelineView key={`${id}|${p('from')}|${p('to')}`} id={id} from={p('from')} to={p('to')} />;
    case 'document':
      return <DocumentView key={id} id={id} at={p('at')} fact={p('fact')} />;
    case 'fact':
      return <FactView key={id} id={id} />;
    case 'review':
      return <ReviewView />;
    default:
      return <SearchView key={p('q')} q={p('q')} />;
  }
}

function App() {
  const { view } = useRoute();
  const nav: [string, string, string][] = [
    ['search', 'Search', link('search')],
    ['paths', 'Connections', link('paths')],
    ['review', 'Review', link('review')],
  ];
  return (
    <>
      <header className="top">
        <a className="brand" href="#/">
          Officials knowledge graph
        </a>
        <nav>
          {nav.map(([v, label, href]) => (
            <a key={v} href={href} className={view === v ? 'active' : ''}>
              {label}
            </a>
          ))}
          <a href="/graphql">GraphQL playground</a>
        </nav>
      </header>
      <main>
        <View />
      </main>
    </>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
