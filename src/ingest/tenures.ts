/**
 * Stage 7b: after a document's posts are written, the tenures of every post of the bodies it
 * touched are inferred again (domain/tenure.ts) and stored as `tenureFrom*`/`tenureTo*`, apart
 * from the bounds documents give. Order-independent: each run reads every holder of the group.
 */
import { parseIsoDate, type FuzzyDate } from '../domain/dates.js';
import type { PropValue } from '../domain/model.js';
import { roleKey, singleHolder } from '../domain/roles.js';
import { inferTenures, type TenurePost } from '../domain/tenure.js';
import type { Statement, WriteTx } from '../graph/db.js';
import { dateProps } from '../graph/date-storage.js';

export interface GroupRow {
  body: string;
  id: string;
  role: string;
  holder: string;
  holderName: string;
  organization: string | null;
  fromIso: string | null;
  toIso: string | null;
  firstSeen: string | null;
}

const TENURE_KEYS = ['Iso', 'Precision', 'Inferred', 'Note', 'Start', 'End'];
const cleared = (prefix: string): Record<string, PropValue> => Object.fromEntries(TENURE_KEYS.map((k) => [`${prefix}${k}`, null]));
const date = (iso: string | null): FuzzyDate | null => (iso ? parseIsoDate(iso) : null);

/** The read of every post of these bodies or territories, with what tenure inference needs. */
export const postGroupsStatement = (bodies: string[]): Statement => ({ name: 'read/post-groups', params: { bodies } });

/** Infers the tenures of the posts `read/post-groups` returned and writes them (nothing when none changes). */
export async function writeTenureBounds(tx: WriteTx, rows: GroupRow[]): Promise<void> {
  // a post belongs to the group of its organization, else of its territory
  const groups = new Map<string, TenurePost[]>();
  for (const r of rows) {
    if (r.organization && r.organization !== r.body) continue;
    if (!singleHolder(r.role)) continue;
    const k = `${r.body} ${roleKey(r.role)}`;
    if (!groups.has(k)) groups.set(k, []);
    if (groups.get(k)!.some((p) => p.id === r.id)) continue;
    groups.get(k)!.push({ id: r.id, holder: r.holder, holderName: r.holderName, from: date(r.fromIso), to: date(r.toIso), firstSeen: r.firstSeen });
  }
  const updates = [...groups.values()].flatMap((posts) =>
    inferTenures(posts).map((t) => ({
      id: t.id,
      props: { ...cleared('tenureFrom'), ...cleared('tenureTo'), ...dateProps('tenureFrom', t.from ?? undefined), ...dateProps('tenureTo', t.to ?? undefined) },
    })),
  );
  if (updates.length) await tx.run('write/post-tenures', { rows: updates });
}
