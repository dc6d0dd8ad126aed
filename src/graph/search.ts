import { foldName } from '../domain/names.js';

const LUCENE_SPECIAL = /[+\-!(){}[\]^"~*?:\\/&|]/g;

/**
 * Longest search text, in characters and in words. Lucene turns each word into clauses (two for a
 * fuzzy word) and refuses a query of more than 1,024 (maxClauseCount); a fuzzy term of thousands
 * of characters is an automaton too large to build. No name or title needs more than this.
 */
const MAX_SEARCH_CHARS = 300;
const MAX_SEARCH_WORDS = 32;

/** Why a search text cannot be searched, or null. */
export function searchTextProblem(text: string): string | null {
  if (text.length > MAX_SEARCH_CHARS) return `is ${text.length} characters long; at most ${MAX_SEARCH_CHARS}`;
  const words = foldName(text).split(' ').filter(Boolean).length;
  if (words > MAX_SEARCH_WORDS) return `has ${words} words; at most ${MAX_SEARCH_WORDS}`;
  return null;
}

/**
 * The folded words of a text, with Lucene's special characters escaped; at most MAX_SEARCH_WORDS
 * of them, each cut to 64 characters (callers that read what clients send check
 * searchTextProblem first; this bound keeps any other caller's query inside Lucene's limits).
 */
function luceneTokens(text: string): string[] {
  return foldName(text)
    .split(' ')
    .filter(Boolean)
    .slice(0, MAX_SEARCH_WORDS)
    .map((t) => t.slice(0, 64).replace(LUCENE_SPECIAL, '\\$&'));
}

/** A full-text query that finds a name by its words, ranking the whole phrase higher. */
export function luceneQuery(text: string): string {
  const tokens = luceneTokens(text);
  if (!tokens.length) return '';
  const phrase = `"${tokens.join(' ')}"^4`;
  return tokens.length > 1 ? `${phrase} OR (${tokens.join(' OR ')})` : `${tokens[0]} OR ${tokens[0]}*`;
}

/**
 * How well a name or alias answers a query, on top of the index's score: an exact name or
 * alias first, then names containing every word of the query, then the rest by index score.
 */
export function nameMatchRank(query: string, names: string[]): number {
  const q = foldName(query);
  const qTokens = q.split(' ').filter(Boolean);
  let best = 0;
  for (const name of names) {
    const n = foldName(name);
    if (n === q) return 3;
    const tokens = new Set(n.split(' '));
    if (qTokens.every((t) => tokens.has(t))) best = Math.max(best, 2);
    else if (qTokens.every((t) => n.includes(t))) best = Math.max(best, 1);
  }
  return best;
}

/**
 * A full-text query for names close to a text that may be misspelt: its words, each also matched
 * within two edits (Lucene fuzzy terms) when it is long enough for that to mean something.
 */
export function fuzzyLuceneQuery(text: string): string {
  const tokens = luceneTokens(text);
  if (!tokens.length) return '';
  const terms = tokens.map((t) => (t.length >= 4 ? `${t} OR ${t}~` : t));
  return tokens.length > 1 ? `"${tokens.join(' ')}"^4 OR ${terms.join(' OR ')}` : terms[0]!;
}
