// Timeline of an entity over a date range: its events, statements, commitments and posts in date
// order (the API's `timeline`), with an axis showing where they fall.
import { useState } from 'react';
import { Status, useQuery } from '../common.js';
import { type TimelineEntry } from '../facts.js';
import { link, navigate } from '../route.js';
import { FactItem } from './Entity.js';
import { TIMELINE } from '../queries.js';

interface Data {
  entity: { id: string; name?: string } | null;
  timeline: TimelineEntry[] | null;
}

export function TimelineView({ id, from, to }: { id: string; from: string; to: string }) {
  const [a, setA] = useState(from);
  const [b, setB] = useState(to);
  const { data, error, loading } = useQuery<Data>(TIMELINE, { id, entity: id, from: from || null, to: to || null }, `${id}|${from}|${to}`);
  const entries = data?.timeline ?? [];
  const dated = entries.filter((e) => e.date);
  const groups = new Map<string, TimelineEntry[]>();
  for (const e of entries) {
    const k = e.date ? e.date.slice(0, 7) : 'undated';
    groups.set(k, [...(groups.get(k) ?? []), e]);
  }
  return (
    <section className="timeline-view">
      <h1>
        Timeline: <a href={link('entity', id)}>{data?.entity?.name ?? id}</a>
      </h1>
      <form
        className="range"
        onSubmit={(e) => {
          e.preventDefault();
          navigate(link('timeline', id, { from: a.trim(), to: b.trim() }));
        }}
      >
        <label>
          from <input name="from" value={a} onChange={(e) => setA(e.target.value)} placeholder="YYYY, YYYY-MM or YYYY-MM-DD" />
        </label>
        <label>
          to <input name="to" value={b} onChange={(e) => setB(e.target.value)} placeholder="YYYY-MM-DD" />
        </label>
        <button type="submit">Show</button>
      </form>
      <Status loading={loading} error={error}>
        {dated.length ? <Axis entries={dated} /> : null}
        {entries.length === 0 ? <p className="muted">Nothing in this range.</p> : null}
        {[...groups.entries()].map(([month, items]) => (
          <div key={month} className="timeline-group">
            <h2>{month}</h2>
            <ul className="facts">
              {items.map((t) => (
                <FactItem key={t.node.id} fact={t.node} roles={t.roles} />
              ))}
            </ul>
          </div>
        ))}
      </Status>
    </section>
  );
}

const COLORS: Record<string, string> = { EVENT: '#c0392b', STATEMENT: '#607d8b', COMMITMENT: '#e0a800', POST: '#00838f' };

function Axis({ entries }: { entries: TimelineEntry[] }) {
  const t = (d: string) => Date.parse(`${d}T00:00:00Z`);
  const times = entries.map((e) => t(e.date!));
  let min = Math.min(...times);
  let max = Math.max(...times);
  if (max - min < 30 * 86_400_000) {
    min -= 15 * 86_400_000;
    max += 15 * 86_400_000;
  }
  const W = 760;
  const left = 100;
  const x = (v: number) => left + ((v - min) / (max - min)) * (W - left - 20);
  const kinds = Object.keys(COLORS);
  return (
    <svg className="axis-chart" viewBox={`0 0 ${W} 120`} width={W} style={{ maxWidth: '100%' }} role="img" aria-label="Dated items on a time axis">
      <line x1={left} x2={W - 20} y1={100} y2={100} className="gridline" />
      <text x={left} y={116} className="axis">
        {new Date(min).toISOString().slice(0, 10)}
      </text>
      <text x={W - 20} y={116} className="axis" textAnchor="end">
        {new Date(max).toISOString().slice(0, 10)}
      </text>
      {entries.map((e, i) => (
        <a key={e.node.id + i} href={link('fact', e.node.id)}>
          <circle cx={x(t(e.date!))} cy={20 + kinds.indexOf(e.kind) * 20} r={5} fill={COLORS[e.kind] ?? '#777'}>
            <title>
              {e.date} {e.kind.toLowerCase()}
            </title>
          </circle>
        </a>
      ))}
      {kinds.map((k, i) => (
        <text key={k} x={left - 12} y={24 + i * 20} className="axis" textAnchor="end" style={{ fill: COLORS[k] }}>
          {k.toLowerCase()}
        </text>
      ))}
    </svg>
  );
}
