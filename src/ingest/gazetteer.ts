/**
 * The gazetteer of Mexico (data/gazetteer/mexico.yaml): the country, its 32 federal entities
 * and their municipalities, looked up by name or alias without accents or case.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { foldName } from '../domain/names.js';

type PlaceKind = 'country' | 'state' | 'municipality';

export interface Place {
  name: string;
  kind: PlaceKind;
  /** The state a municipality belongs to; null for the country and the states. */
  state: string | null;
  aliases: string[];
}

export interface StatePlace extends Place {
  kind: 'state';
  /** Name of the municipality that holds the state's seat of government. */
  capital: string;
  /** The head of the entity's executive, when not a governor ("jefe de Gobierno", "jefa de Gobierno"). */
  executive: { masculine: string; feminine: string } | null;
}

export interface Gazetteer {
  country: Place;
  /** The 32 federal entities, in the file's order. */
  states: StatePlace[];
  municipalities: Place[];
  /**
   * Places whose name or alias matches, accent-, case- and punctuation-insensitive ("EdoMéx",
   * "Edo. Méx." and "edomex" are one key). A name can be several places ("Morelos": a state and
   * a municipality of the Estado de México): the country first, then states, then
   * municipalities, each in the file's order. Empty when nothing matches.
   */
  lookup(name: string): Place[];
  /** A state by name or alias, or null. */
  state(name: string): StatePlace | null;
  /** The capital municipality of a state (by name or alias), or null. */
  capitalOf(state: string): Place | null;
  /** The municipalities listed for a state (by name or alias). */
  municipalitiesOf(state: string): Place[];
}

const DEFAULT_GAZETTEER_PATH = new URL('../../data/gazetteer/mexico.yaml', import.meta.url);

export class GazetteerError extends Error {
  constructor(readonly problems: string[]) {
    super(`gazetteer has ${problems.length} problem(s):\n  - ${problems.join('\n  - ')}`);
    this.name = 'GazetteerError';
  }
}

const KIND_ORDER: Record<PlaceKind, number> = { country: 0, state: 1, municipality: 2 };

/** The two keys a name is indexed under: folded, and folded without spaces ("N.L." = "NL"). */
function keys(name: string): [string, string] {
  const folded = foldName(name);
  return [folded, folded.replace(/ /g, '')];
}

function asStringList(v: unknown, where: string, problems: string[]): string[] {
  if (v === undefined || v === null) return [];
  if (Array.isArray(v) && v.every((a) => typeof a === 'string' && a.trim() !== '')) return (v as string[]).map((a) => a.trim());
  problems.push(`${where}: aliases must be a list of names`);
  return [];
}

/** Builds a gazetteer from the YAML text (exported for tests of the data checks). */
export function parseGazetteer(yamlText: string): Gazetteer {
  const doc = parseYaml(yamlText) as unknown;
  const problems: string[] = [];
  if (doc === null || typeof doc !== 'object') throw new GazetteerError(['the file is not a mapping with country and states']);
  const root = doc as { country?: unknown; states?: unknown };

  const c = root.country as { name?: unknown; aliases?: unknown } | undefined;
  if (!c || typeof c.name !== 'string') problems.push('country: needs a name');
  const country: Place = {
    name: typeof c?.name === 'string' ? c.name : 'México',
    kind: 'country',
    state: null,
    aliases: asStringList(c?.aliases, 'country', problems),
  };

  const states: StatePlace[] = [];
  const municipalities: Place[] = [];
  if (!Array.isArray(root.states)) problems.push('states: must be a list');
  for (const [i, raw] of (Array.isArray(root.states) ? root.states : []).entries()) {
    const s = raw as { name?: unknown; aliases?: unknown; capital?: unknown; executive?: unknown; municipalities?: unknown };
    if (typeof s?.name !== 'string' || s.name.trim() === '') {
      problems.push(`states[${i}]: needs a name`);
      continue;
    }
    const stateName = s.name.trim();
    if (states.some((x) => foldName(x.name) === foldName(stateName))) problems.push(`state "${stateName}" is listed twice`);
    if (typeof s.capital !== 'string') problems.push(`state "${stateName}": needs a capital`);
    const state: StatePlace = {
      name: stateName,
      kind: 'state',
      state: null,
      aliases: asStringList(s.aliases, `state "${stateName}"`, problems),
      capital: typeof s.capital === 'string' ? s.capital.trim() : '',
      executive: null,
    };
    if (s.executive !== undefined) {
      const e = s.executive as { masculine?: unknown; feminine?: unknown } | null;
      if (e && typeof e.masculine === 'string' && typeof e.feminine === 'string') state.executive = { masculine: e.masculine.trim(), feminine: e.feminine.trim() };
      else problems.push(`state "${stateName}": executive needs a masculine and a feminine title`);
    }
    states.push(state);
    const own: Place[] = [];
    for (const m of Array.isArray(s.municipalities) ? s.municipalities : []) {
      const entry = typeof m === 'string' ? { name: m } : (m as { name?: unknown; aliases?: unknown });
      if (typeof entry?.name !== 'string' || entry.name.trim() === '') {
        problems.push(`state "${stateName}": a municipality has no name`);
        continue;
      }
      const name = entry.name.trim();
      if (own.some((x) => foldName(x.name) === foldName(name))) problems.push(`municipality "${name}" is listed twice in ${stateName}`);
      const place: Place = {
        name,
        kind: 'municipality',
        state: stateName,
        aliases: asStringList(entry.aliases, `municipality "${name}" (${stateName})`, problems),
      };
      own.push(place);
    }
    // The capital of Ciudad de México is the city itself; elsewhere it is a listed municipality.
    if (state.capital !== '' && foldName(state.capital) !== foldName(stateName)) {
      if (!own.some((x) => foldName(x.name) === foldName(state.capital))) {
        problems.push(`state "${stateName}": capital "${state.capital}" is not among its municipalities`);
      }
    }
    municipalities.push(...own);
  }
  if (problems.length > 0) throw new GazetteerError(problems);

  const exact = new Map<string, Place[]>();
  const compact = new Map<string, Place[]>();
  const add = (map: Map<string, Place[]>, key: string, place: Place) => {
    if (key === '') return;
    const list = map.get(key) ?? [];
    if (!list.includes(place)) list.push(place);
    map.set(key, list);
  };
  for (const place of [country, ...states, ...municipalities]) {
    for (const n of [place.name, ...place.aliases]) {
      const [k1, k2] = keys(n);
      add(exact, k1, place);
      add(compact, k2, place);
    }
  }
  const order = (list: Place[]) => [...list].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);

  const lookup = (name: string): Place[] => {
    const [k1, k2] = keys(name);
    const hit = exact.get(k1) ?? compact.get(k2) ?? [];
    return order(hit);
  };
  const state = (name: string): StatePlace | null => (lookup(name).find((p) => p.kind === 'state') as StatePlace | undefined) ?? null;

  return {
    country,
    states,
    municipalities,
    lookup,
    state,
    capitalOf(name) {
      const s = state(name);
      if (!s) return null;
      return municipalities.find((m) => m.state === s.name && foldName(m.name) === foldName(s.capital)) ?? (foldName(s.capital) === foldName(s.name) ? s : null);
    },
    municipalitiesOf(name) {
      const s = state(name);
      return s ? municipalities.filter((m) => m.state === s.name) : [];
    },
  };
}

const cache = new Map<string, Gazetteer>();

/** Loads (once per path) the gazetteer; the default is data/gazetteer/mexico.yaml. */
export function loadGazetteer(path: string | URL = DEFAULT_GAZETTEER_PATH): Gazetteer {
  const key = String(path);
  let g = cache.get(key);
  if (!g) {
    g = parseGazetteer(readFileSync(path, 'utf8'));
    cache.set(key, g);
  }
  return g;
}
