// Entity page: name, aliases, posts as bars on a time axis, latest events, statements,
// commitments with their status, figures with their sources and whether they agree.
import { DateText, KindBadge, Sources, Status, useQuery, type Citation } from '../common.js';
import { factTitle, formatNumber, type Fact, type Figure, type Post, type Ref, type TimelineEntry } from '../facts.js';
import { link } from '../route.js';
import { ENTITY } from '../queries.js';

interface EntityNode {
  __typename: string;
  id: string;
  name: string;
  aliases: string[];
  description?: string | null;
  slug: string;
  redirectedFrom?: string | null;
  citations: Citation[];
  posts?: Post[];
  orgPosts?: Post[];
  acronym?: string | null;
  kind?: string | null;
  parent?: Ref | null;
  jurisdiction?: Ref | null;
  partOf?: Ref | null;
  place?: Ref | null;
  operator?: Ref | null;
  organization?: Ref | null;
}

interface EntityData {
  node: EntityNode | null;
  timeline: TimelineEntry[] | null;
  figures: { nodes: Figure[] } | null;
}

export function EntityView({ id }: { id: string }) {
  const { data, error, loading } = useQuery<EntityData>(ENTITY, { id, entity: id }, id);
  return (
    <Status loading={loading} error={error}>
      {data?.node ? <EntityPage data={data} /> : null}
    </Status>
  );
}

const latest = (items: TimelineEntry[], type: string, n: number) =>
  items
    .filter((e) => e.node.__typename === type)
    .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''))
    .slice(0, n);

function EntityPage({ data }: { data: EntityData }) {
  const e = data.node!;
  const timeline = data.timeline ?? [];
  const posts = e.posts ?? e.orgPosts ?? timeline.filter((t) => t.node.__typename === 'Post').map((t) => t.node as Post);
  const figures = new Map<string, Figure>();
  for (const f of data.figures?.nodes ?? []) figures.set(f.id, f);
  for (const t of timeline) for (const f of t.node.figures ?? []) figures.set(f.id, f);
  const related: [string, Ref | null | undefined][] = [
    ['part of', e.parent ?? e.partOf],
    ['governs', e.jurisdiction],
    ['in', e.place],
    ['operated by', e.operator],
    ['run by', e.organization],
  ];
  return (
    <article className="entity" data-id={e.id}>
      <header>
        <h1>
          {e.name} <KindBadge type={e.__typename} />
        </h1>
        {e.redirectedFrom ? <p className="muted">(merged from {e.redirectedFrom})</p> : null}
        {e.aliases.length ? (
          <p className="aliases">
            <strong>Also:</strong> {e.aliases.join(' · ')}
          </p>
        ) : null}
        {e.description ? <p>{e.description}</p> : null}
        <p className="related">
          {e.kind ? <span className="muted">{e.kind} </span> : null}
          {related.map(([label, r]) =>
            r ? (
              <span key={label}>
                {label} <a href={link('entity', r.id)}>{r.name}</a>{' '}
              </span>
            ) : null,
          )}
        </p>
        <nav className="actions">
          <a href={link('graph', e.id)}>Graph</a>
          <a href={link('timeline', e.id)}>Timeline</a>
          <a href={link('paths', '', { from: e.id })}>Connections…</a>
          <a href={`/graphql?query=${encodeURIComponent(`{ node(id: ${JSON.stringify(e.id)}) { id ... on Entity { name aliases } } }`)}`}>In the playground</a>
          <span className="muted">named in {e.citations.length} passages</span>
          {e.citations.length ? <Sources citations={e.citations.slice(0, 5)} /> : null}
        </nav>
      </header>

      <section>
        <h2>Posts over time</h2>
        {posts.length ? <Tenures posts={posts} holderView={e.__typename !== 'Person'} /> : <p className="muted">No posts.</p>}
      </section>

      <section>
        <h2>Latest events</h2>
        <FactList entries={latest(timeline, 'Event', 10)} />
      </section>

      <section>
        <h2>Statements</h2>
        <FactList entries={latest(timeline, 'Statement', 10)} />
      </section>

      <section>
        <h2>Commitments</h2>
        <FactList entries={latest(timeline, 'Commitment', 20)} />
      </section>

      <section>
        <h2>Figures</h2>
        {figures.size ? <Figures figures={[...figures.values()]} /> : <p className="muted">No figures.</p>}
      </section>
    </article>
  );
}

function FactList({ entries }: { entries: TimelineEntry[] }) {
  if (!entries.length) return <p className="muted">None.</p>;
  return (
    <ul className="facts">
      {entries.map((t) => (
        <FactItem key={t.node.id} fact={t.node} roles={t.roles} />
      ))}
    </ul>
  );
}

export function FactItem({ fact, roles }: { fact: Fact; roles?: string[] }) {
  // a commitment is dated by its deadline, else its start (as the timeline dates it)
  const date = fact.date ?? fact.deadline ?? fact.start ?? fact.from ?? fact.asOf;
  return (
    <li className={`fact fact-${fact.__typename.toLowerCase()}`} data-id={fact.id}>
      <span className="date">
        <DateText date={date} />
      </span>{' '}
      <a href={link('fact', fact.id)}>{factTitle(fact)}</a>
      {fact.status ? (
        <span className={`status status-${fact.status.toLowerCase()}`} title={fact.statusReason}>
          {fact.status.replace('_', ' ').toLowerCase()}
        </span>
      ) : null}
      {fact.speaker ? <span className="muted"> · {fact.speaker.name}</span> : null}
      {roles?.length ? <span className="muted"> · {roles.join(', ')}</span> : null}
      {fact.reviewStatus === 'EXTRACTED' ? <span className="review extracted">extracted</span> : null} <Sources citations={fact.citations} fact={fact.id} />
    </li>
  );
}

export function Figures({ figures }: { figures: Figure[] }) {
  return (
    <table className="figures">
      <thead>
        <tr>
          <th>value</th>
          <th>measure</th>
          <th>as of</th>
          <th>agree?</th>
          <th>sources</th>
        </tr>
      </thead>
      <tbody>
        {figures.map((f) => (
          <tr key={f.id}>
            <td className="num">
              {f.qualifier ? `${f.qualifier} ` : ''}
              {formatNumber(f.value)} {f.unit}
            </td>
            <td>
              <a href={link('fact', f.id)}>{f.label ?? f.metric}</a>
              {f.period ? <span className="muted"> ({f.period})</span> : null}
            </td>
            <td>
              <DateText date={f.asOf} />
            </td>
            <td className={f.agreement.consistent ? 'agree' : 'disagree'} title={f.agreement.explanation}>
              {f.agreement.reports < 2 ? 'one report' : f.agreement.consistent ? `agree (${f.agreement.reports})` : `disagree (${f.agreement.reports})`}
            </td>
            <td>
              {(f.sources ?? []).map((s) => (
                <span key={s.id}>
                  <a href={link('document', s.id)}>{s.title}</a>{' '}
                </span>
              ))}
              <Sources citations={f.citations} fact={f.id} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const DAY = 86_400_000;
const time = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

/** Posts as bars on a time axis: solid where documents date the tenure, open-ended where they do not. */
function Tenures({ posts, holderView }: { posts: Post[]; holderView: boolean }) {
  const dated = posts.flatMap((p) => [p.from?.start, p.to?.end].filter((d): d is string => Boolean(d))).map(time);
  const today = Date.now();
  let min = dated.length ? Math.min(...dated) : today - 365 * DAY;
  let max = dated.length ? Math.max(...dated, ...posts.filter((p) => !p.to).map(() => Math.min(today, Math.max(...dated) + 365 * DAY))) : today;
  if (max - min < 180 * DAY) {
    min -= 90 * DAY;
    max += 90 * DAY;
  }
  const W = 760;
  const left = 260;
  const row = 26;
  const x = (t: number) => left + ((t - min) / (max - min)) * (W - left - 10);
  const years: number[] = [];
  for (let y = new Date(min).getUTCFullYear(); y <= new Date(max).getUTCFullYear() + 1; y++) {
    const t = Date.UTC(y, 0, 1);
    if (t >= min && t <= max) years.push(t);
  }
  const sorted = [...posts].sort((a, b) => (a.from?.start ?? '').localeCompare(b.from?.start ?? ''));
  const H = sorted.length * row + 30;
  return (
    <div className="tenures">
      <svg viewBox={`0 0 ${W} ${H}`} width={W} style={{ maxWidth: '100%' }} role="img" aria-label="Posts over time">
        {years.map((t) => (
          <g key={t}>
            <line x1={x(t)} x2={x(t)} y1={0} y2={H - 20} className="gridline" />
            <text x={x(t)} y={H - 6} className="axis" textAnchor="middle">
              {new Date(t).getUTCFullYear()}
            </text>
          </g>
        ))}
        {sorted.map((p, i) => {
          const a = p.from ? time(p.from.start) : min;
          const b = p.to ? time(p.to.end) : max;
          const label = holderView ? `${p.holder?.name ?? '?'}: ${p.role}` : `${p.role}${p.organization ? `, ${p.organization.name}` : p.jurisdiction ? `, ${p.jurisdiction.name}` : ''}`;
          const title = `${label}\n${p.from?.iso ?? 'start unknown'} – ${p.to?.iso ?? (p.from ? 'no known end' : 'end unknown')}${p.from?.inferred || p.to?.inferred ? ' (dates partly inferred)' : ''}`;
          return (
            <a key={p.id} href={link('fact', p.id)}>
              <g className="tenure">
                <title>{title}</title>
                <text x={left - 6} y={i * row + 17} textAnchor="end" className="tenure-label">
                  {label.length > 40 ? `${label.slice(0, 39)}…` : label}
                </text>
                <rect
                  x={x(a)}
                  y={i * row + 5}
                  width={Math.max(3, x(b) - x(a))}
                  height={row - 10}
                  rx={3}
                  className={`bar${!p.from || !p.to ? ' open' : ''}${p.from?.inferred || p.to?.inferred ? ' inferred' : ''}`}
                />
              </g>
            </a>
          );
        })}
      </svg>
      <ul className="facts">
        {sorted.map((p) => (
          <li key={p.id} className="fact fact-post">
            <a href={link('fact', p.id)}>{holderView ? `${p.holder?.name ?? '?'}: ${p.role}` : p.role}</a>
            {p.organization ? (
              <>
                {' '}
                in <a href={link('entity', p.organization.id)}>{p.organization.name}</a>
              </>
            ) : null}
            {p.jurisdiction ? (
              <>
                {' '}
                over <a href={link('entity', p.jurisdiction.id)}>{p.jurisdiction.name}</a>
              </>
            ) : null}{' '}
            <span className="muted">
              <DateText date={p.from} /> – {p.to ? <DateText date={p.to} /> : '…'}
            </span>{' '}
            <Sources citations={p.citations} fact={p.id} />
          </li>
        ))}
      </ul>
    </div>
  );
}
