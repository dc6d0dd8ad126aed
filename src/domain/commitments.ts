/**
 * A commitment's status is derived from the facts about it, not stored by the pipeline:
 * - what an editor (or the curated seed) recorded as in progress, fulfilled or abandoned stands;
 * - fulfilled: a facility it concerns was inaugurated after it was made (an inauguration event held
 *   at that facility, dated on or after its first statement), or a statement reports it done;
 * - overdue: its deadline has passed and nobody recorded it fulfilled;
 * - in-progress: a statement reports the work under way ("lleva un avance de 40 %");
 * - repeated: more than one statement made or repeated it;
 * - announced: one statement made it.
 * cypher/read/list-commitments.cypher applies the same rule to the `statuses` filter (a test
 * checks that both agree).
 */
const RECORDED_STATUSES = ['in-progress', 'fulfilled', 'abandoned'] as const;
/** Every status a commitment can have, derived or recorded. */
export const COMMITMENT_STATUSES = ['announced', 'repeated', 'overdue', 'in-progress', 'fulfilled', 'abandoned'] as const;

export interface CommitmentFacts {
  /** the status property (an editor's or the seed's; the pipeline writes "announced") */
  stored: string | null;
  /** last day the deadline covers (ISO), if any */
  deadlineEnd: string | null;
  /** the statements that made or repeated it */
  statements: number;
  /** today (ISO day) */
  today: string;
  /** an inauguration held at a facility it concerns, after it was made */
  inaugurated?: { title: string; date: string } | null;
  /** the first statement reporting it done, and the last reporting it under way */
  done?: { summary: string; date: string | null } | null;
  progress?: { summary: string; date: string | null } | null;
}

const said = (r: { summary: string; date: string | null }) => `${r.date ? `${r.date}: ` : ''}"${r.summary.length > 200 ? `${r.summary.slice(0, 197)}...` : r.summary}"`;

export function commitmentStatus(f: CommitmentFacts): { status: string; reason: string } {
  if (f.stored && (RECORDED_STATUSES as readonly string[]).includes(f.stored)) return { status: f.stored, reason: `recorded as ${f.stored} by an editor or the curated graph` };
  if (f.inaugurated) return { status: 'fulfilled', reason: `${f.inaugurated.title}, ${f.inaugurated.date}: a facility it concerns was inaugurated` };
  if (f.done) return { status: 'fulfilled', reason: `a statement reports it done, ${said(f.done)}` };
  if (f.deadlineEnd && f.deadlineEnd < f.today) return { status: 'overdue', reason: `its deadline (${f.deadlineEnd}) has passed and nothing records it fulfilled` };
  if (f.progress) return { status: 'in-progress', reason: `a statement reports it under way, ${said(f.progress)}` };
  if (f.statements > 1) return { status: 'repeated', reason: `${f.statements} statements made or repeated it` };
  return { status: 'announced', reason: f.statements === 1 ? 'one statement made it' : 'no statement in the graph makes it' };
}
