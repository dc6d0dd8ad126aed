// One fact: what it says, its citations with their passages, its review status and edit history.
import { DateText, Sources, Status, useQuery, type Citation, type FuzzyDate } from '../common.js';
import { factTitle, type Fact } from '../facts.js';
import { link } from '../route.js';
import { Figures } from './Entity.js';
import { FACT_QUERY } from '../queries.js';

export interface Edit {
  id: string;
  action: string;
  at: string;
  by: string;
  note?: string | null;
  details?: string | null;
  undoable: boolean;
  undoneAt?: string | null;
  undoneBy?: string | null;
}

type Ref = { __typename?: string; id: string; name?: string; title?: string; summary?: string };

interface FactNode extends Fact {
  reviewedAt?: string | null;
  reviewedBy?: string | null;
  history: Edit[];
  place?: Ref | null;
  venue?: Ref | null;
  participants?: { person: Ref }[];
  involves?: { role: string; entity: Ref }[];
  about?: Ref[];
  event?: Ref | null;
  quote?: Citation | null;
  concerns?: Ref[];
  statements?: { role: string; statement: Ref & { date?: FuzzyDate | null; speaker?: Ref | null } }[];
  subject?: Ref | null;
}

export function History({ history }: { history: Edit[] }) {
  if (!history.length) return <p className="muted">No editor has reviewed it.</p>;
  return (
    <ul className="history">
      {history.map((h) => (
        <li key={h.id} className={h.undoneAt ? 'undone' : ''}>
          <strong>{h.action.toLowerCase()}</strong> by {h.by} at {h.at}
          {h.note ? <> · “{h.note}”</> : null}
          {h.details ? <span className="muted"> · {h.details}</span> : null}
          {h.undoneAt ? (
            <span className="muted">
              {' '}
              (undone by {h.undoneBy} at {h.undoneAt})
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

const refLink = (r: Ref) => (
  <a key={r.id} href={link(r.__typename === 'Event' || r.__typename === 'Statement' ? 'fact' : 'entity', r.id)}>
    {r.name ?? r.title ?? r.summary ?? r.id}
  </a>
);

export function FactView({ id }: { id: string }) {
  const { data, error, loading } = useQuery<{ node: FactNode | null }>(FACT_QUERY, { id }, id);
  const f = data?.node;
  const people = [...(f?.participants ?? []).map((p) => p.person), ...(f?.speaker ? [f.speaker] : []), ...(f?.holder ? [f.holder] : [])];
  const related = [
    ...(f?.involves ?? []).map((i) => i.entity),
    ...(f?.about ?? []),
    ...(f?.concerns ?? []),
    ...(f?.place ? [f.place] : []),
    ...(f?.venue ? [f.venue] : []),
    ...(f?.subject ? [f.subject] : []),
    ...(f?.organization ? [f.organization] : []),
    ...(f?.jurisdiction ? [f.jurisdiction] : []),
  ];
  return (
    <Status loading={loading} error={error}>
      {f?.__typename ? (
        <article className="fact-view" data-id={f.id}>
          <p className="muted">{f.__typename}</p>
          <h1>{factTitle(f)}</h1>
          <p>
            <DateText date={f.date ?? f.deadline ?? f.from ?? f.asOf} />
            {f.to ? (
              <>
                {' – '}
                <DateText date={f.to} />
              </>
            ) : null}
            {f.status ? <span className={`status status-${f.status.toLowerCase()}`}>{f.status.replace('_', ' ').toLowerCase()}</span> : null}
            <span className={`review ${f.reviewStatus.toLowerCase()}`}>{f.reviewStatus.toLowerCase()}</span>
            <span className="muted"> confidence {f.confidence.toFixed(2)}</span>
          </p>
          {f.statusReason ? <p className="muted">{f.statusReason}</p> : null}
          {people.length ? (
            <p>
              People:{' '}
              {people.map((p, i) => (
                <span key={p.id + i}>{refLink(p)} </span>
              ))}
            </p>
          ) : null}
          {related.length ? (
            <p>
              Concerning:{' '}
              {related.map((r, i) => (
                <span key={r.id + i}>{refLink(r)} </span>
              ))}
            </p>
          ) : null}
          {f.event ? <p>At: {refLink(f.event)}</p> : null}
          {f.statements?.length ? (
            <ul>
              {f.statements.map((s) => (
                <li key={s.statement.id}>
                  {s.role}: <DateText date={s.statement.date} /> {refLink(s.statement)}
                </li>
              ))}
            </ul>
          ) : null}
          {f.figures?.length ? <Figures figures={f.figures} /> : null}
          <h2>Citations</h2>
          <ul className="citations">
            {f.citations.map((c, i) => (
              <li key={i}>
                <q>{c.excerpt ?? '(no text stored)'}</q> <span className="muted">{c.document.title}</span> <Sources citations={[c]} fact={f.id} />
              </li>
            ))}
          </ul>
          <h2>History</h2>
          <History history={f.history} />
        </article>
      ) : null}
    </Status>
  );
}
