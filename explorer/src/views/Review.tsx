// Review queue for editors: extracted facts to confirm or reject, possible duplicates to merge or
// dismiss, each through the API's mutations with the editor's API key (Authorization: Bearer),
// and what was done, with the edit history the API keeps and an undo.
import { useState } from 'react';
import { ApiError, apiKey, gql, setApiKey } from '../api.js';
import { Sources, Status, useQuery } from '../common.js';
import { factTitle, type Fact } from '../facts.js';
import { link } from '../route.js';
import { History, type Edit } from './Fact.js';
import { DISMISS, MERGE, QUEUE, REVIEW, UNDO } from '../queries.js';

type Page = { totalCount: number; nodes: Fact[] } | null;
interface Queue {
  events: Page;
  statements: Page;
  commitments: Page;
  posts: Page;
  figures: Page;
  possibleDuplicates: { totalCount: number; nodes: Duplicate[] };
}
interface Named {
  __typename: string;
  id: string;
  name: string;
  aliases: string[];
}
interface Duplicate {
  score: number;
  evidence: string;
  a: Named;
  b: Named;
}

interface Done {
  what: string;
  target: string;
  targetId: string;
  history: Edit[];
}

export function ReviewView() {
  const [key, setKey] = useState(apiKey());
  const [draft, setDraft] = useState('');
  const [note, setNote] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [done, setDone] = useState<Done[]>([]);
  const queue = useQuery<Queue>(QUEUE, {}, `queue|${key}`);

  async function act(what: string, target: string, targetId: string, run: () => Promise<{ history: Edit[] }>) {
    setMessage(null);
    try {
      const result = await run();
      setDone((d) => [{ what, target, targetId, history: result.history }, ...d]);
      setMessage({ ok: true, text: `${what}: ${target}` });
      queue.reload();
    } catch (e) {
      const code = e instanceof ApiError && e.code ? ` (${e.code})` : '';
      setMessage({ ok: false, text: `${e instanceof Error ? e.message : String(e)}${code}` });
    }
  }

  const review = (f: Fact, op: 'confirmFact' | 'rejectFact') =>
    act(op === 'confirmFact' ? 'Confirmed' : 'Rejected', factTitle(f), f.id, async () => {
      const r = await gql<Record<string, { history: Edit[] }>>(REVIEW(op), { id: f.id, note: note || null });
      return r[op]!;
    });

  const facts = queue.data ? [queue.data.events, queue.data.statements, queue.data.commitments, queue.data.posts, queue.data.figures].flatMap((p) => p?.nodes ?? []) : [];
  const total = queue.data ? [queue.data.events, queue.data.statements, queue.data.commitments, queue.data.posts, queue.data.figures].reduce((n, p) => n + (p?.totalCount ?? 0), 0) : 0;

  return (
    <section className="review-view">
      <h1>Review queue</h1>
      <form
        className="key-form"
        onSubmit={(e) => {
          e.preventDefault();
          setApiKey(draft.trim());
          setKey(draft.trim());
          setDraft('');
        }}
      >
        <label>
          Editor API key{' '}
          <input
            name="api-key"
            type="password"
            autoComplete="off"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            placeholder={key ? 'a key is set for this tab' : 'paste the token kg key create printed'}
          />
        </label>
        <button type="submit">Use key</button>
        {key ? (
          <button
            type="button"
            onClick={() => {
              setApiKey('');
              setKey('');
            }}
          >
            Forget key
          </button>
        ) : null}
        <span className="muted key-state">{key ? 'key set (sent as Authorization: Bearer …)' : 'no key: the queue can be read, not changed'}</span>
      </form>
      <label className="note">
        Note for the history <input name="note" value={note} onChange={(e) => setNote(e.target.value)} placeholder="optional: why" />
      </label>
      {message ? (
        <p className={message.ok ? 'ok' : 'error'} role="status">
          {message.text}
        </p>
      ) : null}
      <Status loading={queue.loading && !queue.data} error={queue.error}>
        <h2>
          Extracted facts <span className="muted">({total})</span>
        </h2>
        {facts.length === 0 ? <p className="muted">No extracted fact waits for review.</p> : null}
        <ul className="queue">
          {facts.map((f) => (
            <li key={f.id} className="queue-item" data-id={f.id}>
              <span className="muted">{f.__typename.toLowerCase()}</span> <a href={link('fact', f.id)}>{factTitle(f)}</a> <span className="muted">confidence {f.confidence.toFixed(2)}</span>{' '}
              <Sources citations={f.citations} fact={f.id} />
              <span className="buttons">
                <button type="button" className="confirm" disabled={!key} onClick={() => void review(f, 'confirmFact')}>
                  Confirm
                </button>
                <button type="button" className="reject" disabled={!key} onClick={() => void review(f, 'rejectFact')}>
                  Reject
                </button>
              </span>
            </li>
          ))}
        </ul>
        <h2>
          Possible duplicates <span className="muted">({queue.data?.possibleDuplicates.totalCount ?? 0})</span>
        </h2>
        {queue.data?.possibleDuplicates.nodes.length ? null : <p className="muted">No pair of look-alike entities waits.</p>}
        <ul className="queue">
          {queue.data?.possibleDuplicates.nodes.map((d) => (
            <li key={`${d.a.id}|${d.b.id}`} className="queue-item duplicate">
              <a href={link('entity', d.a.id)}>{d.a.name}</a> ≟ <a href={link('entity', d.b.id)}>{d.b.name}</a>{' '}
              <span className="muted">
                score {d.score.toFixed(2)} · {d.evidence}
              </span>
              <span className="buttons">
                <button
                  type="button"
                  disabled={!key}
                  onClick={() =>
                    void act(
                      'Merged',
                      `${d.a.name} into ${d.b.name}`,
                      d.b.id,
                      async () => (await gql<{ mergeEntities: { history: Edit[] } }>(MERGE, { keep: d.b.id, merge: d.a.id, note: note || null })).mergeEntities,
                    )
                  }
                >
                  Merge into {d.b.name}
                </button>
                <button
                  type="button"
                  disabled={!key}
                  onClick={() =>
                    void act(
                      'Kept apart',
                      `${d.a.name} and ${d.b.name}`,
                      d.a.id,
                      async () => (await gql<{ dismissDuplicate: { history: Edit[] } }>(DISMISS, { a: d.a.id, b: d.b.id, note: note || null })).dismissDuplicate,
                    )
                  }
                >
                  Not the same
                </button>
              </span>
            </li>
          ))}
        </ul>
      </Status>
      <h2>Done in this tab</h2>
      {done.length === 0 ? <p className="muted">Nothing yet.</p> : null}
      <ul className="done">
        {done.map((d, i) => {
          const last = [...d.history].reverse().find((h) => h.undoable);
          return (
            <li key={i} className="done-item">
              <strong>{d.what}</strong>:{' '}
              <a href={d.targetId.includes(':') && /^(person|organization|place|facility|program):/.test(d.targetId) ? link('entity', d.targetId) : link('fact', d.targetId)}>{d.target}</a>
              {last ? (
                <button
                  type="button"
                  className="undo"
                  onClick={() => void act('Undone', d.target, d.targetId, async () => (await gql<{ undoEdit: { history: Edit[] } }>(UNDO, { id: last.id })).undoEdit)}
                >
                  Undo
                </button>
              ) : null}
              <History history={d.history} />
            </li>
          );
        })}
      </ul>
    </section>
  );
}
