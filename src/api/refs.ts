/**
 * Arguments that name an entity (lookups, list filters, `timeline`, `paths`, `holders`) accept its
 * slug, its global id, or its exact name or alias (accents and case ignored); an id or slug of an
 * entity merged into another leads to the one it was merged into. What matches nothing is a
 * NOT_FOUND error naming the argument, with the closest names from the full-text index; what
 * matches several entities is a BAD_USER_INPUT error listing them. Never a silent empty answer.
 */
import { GraphQLError } from 'graphql';
import { ENTITY_KINDS, type EntityKind } from '../domain/model.js';
import { foldName } from '../domain/names.js';
import type { RefCandidate, Repository } from '../graph/repository.js';
import { fuzzyLuceneQuery } from '../graph/search.js';

export interface EntityRef {
  /** the argument as the client wrote it: "filter.speaker", "from", "slug" */
  argument: string;
  ref: string;
  /** what the argument may name */
  kinds: readonly EntityKind[];
}

export interface ResolvedRef extends EntityRef {
  id: string;
  kind: EntityKind;
  /** how the text named it: its id or slug, a merged entity's id or slug, or a name or alias */
  how: RefCandidate['how'];
}

/** How many close names a NOT_FOUND error suggests. */
const SUGGESTIONS = 5;

const NOUN: Record<EntityKind, [string, string]> = {
  Person: ['person', 'people'],
  Organization: ['organization', 'organizations'],
  Place: ['place', 'places'],
  Facility: ['facility', 'facilities'],
  Program: ['program', 'programs'],
};

function kindsPhrase(kinds: readonly EntityKind[], plural = false): string {
  if (kinds.length === ENTITY_KINDS.length) return plural ? 'entities' : 'entity';
  const words = kinds.map((k) => NOUN[k][plural ? 1 : 0]);
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} or ${words.at(-1)}` : words[0]!;
}

/** "a person", "an organization". */
const aNoun = (kind: EntityKind) => `${/^[aeiou]/.test(NOUN[kind][0]) ? 'an' : 'a'} ${NOUN[kind][0]}`;

const label = (c: RefCandidate) => `${c.name} (${c.slug}, ${c.kind.toLowerCase()})`;
const entry = (c: RefCandidate) => ({ id: c.id, slug: c.slug, name: c.name, kind: c.kind });

function argError(code: 'NOT_FOUND' | 'BAD_USER_INPUT', r: EntityRef, message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(`Argument "${r.argument}": ${message}`, { extensions: { code, argumentName: r.argument, ...extra } });
}

/** The one entity a reference names, from its candidates; throws the error a client should see. */
function pickRef(r: EntityRef, candidates: RefCandidate[]): ResolvedRef {
  const mine = candidates.filter((c) => c.ref === r.ref);
  const wanted = (c: RefCandidate) => r.kinds.includes(c.kind);
  // an id or slug names one entity; a redirect, the entity it leads to
  for (const how of ['key', 'redirect'] as const) {
    const hit = mine.find((c) => c.how === how);
    if (!hit) continue;
    if (!wanted(hit)) {
      throw argError('BAD_USER_INPUT', r, `"${r.ref}" is ${aNoun(hit.kind)} (${hit.name}); expected a ${kindsPhrase(r.kinds)}`);
    }
    return { ...r, id: hit.id, kind: hit.kind, how };
  }
  const folded = foldName(r.ref);
  const byName = mine.filter((c) => c.how === 'name');
  const exact = [...new Map(byName.filter((c) => wanted(c) && c.names.some((n) => foldName(n) === folded)).map((c) => [c.id, c])).values()];
  if (exact.length === 1) return { ...r, id: exact[0]!.id, kind: exact[0]!.kind, how: 'name' };
  if (exact.length > 1) {
    throw argError('BAD_USER_INPUT', r, `"${r.ref}" names ${exact.length} ${kindsPhrase(r.kinds, true)}: ${exact.map(label).join('; ')}. Give one's slug or id`, { candidates: exact.map(entry) });
  }
  const otherKind = byName.find((c) => !wanted(c) && c.names.some((n) => foldName(n) === folded));
  const near = [...new Map(byName.filter(wanted).map((c) => [c.id, c])).values()].slice(0, SUGGESTIONS);
  const hint = otherKind ? `; "${r.ref}" is ${aNoun(otherKind.kind)}` : '';
  throw argError('NOT_FOUND', r, `no ${kindsPhrase(r.kinds)} has the slug, id, name or alias "${r.ref}"${hint}${near.length ? `. Closest: ${near.map(label).join('; ')}` : ''}`, {
    suggestions: near.map(entry),
  });
}

/** Longest text an entity argument may be: no slug, id, name or alias comes near it. */
const MAX_REF_CHARS = 300;

/** Resolves every reference in one query; the first that names nothing, or several, throws. */
export async function resolveRefs(repo: Repository, refs: EntityRef[]): Promise<ResolvedRef[]> {
  if (!refs.length) return [];
  const long = refs.find((r) => r.ref.length > MAX_REF_CHARS);
  if (long) throw argError('BAD_USER_INPUT', long, `is ${long.ref.length} characters long; a slug, id, name or alias is at most ${MAX_REF_CHARS}`);
  const candidates = await repo.refCandidates(
    refs.map((r) => r.ref),
    fuzzyLuceneQuery,
  );
  return refs.map((r) => pickRef(r, candidates));
}
