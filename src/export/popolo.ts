/**
 * Popolo (https://www.popoloproject.com/specs/) as one JSON-LD document:
 *
 *   { "@context": {...}, "persons": [...], "organizations": [...], "areas": [...],
 *     "posts": [...], "memberships": [...], "events": [...] }
 *
 *   persons        people: name, other_names, summary
 *   organizations  organizations and facilities: name, other_names, classification, parent_id
 *                  (the organization it is PART_OF), area_id (the place it GOVERNS)
 *   areas          places: name, classification, parent_id
 *   posts          posts: label, role, organization_id, area_id, start_date, end_date
 *   memberships    one for each person who HOLDS a post: person_id, post_id, organization_id,
 *                  role, start_date, end_date (ISO 8601, reduced precision as known: "2024-05")
 *   events         events: name, classification, start_date, end_date, location, organization_id
 *                  (the first body involved), participants (ids of the people who took part)
 *
 * Every item has its graph id as `id` (the ids other items refer to) and as a URN in `@id`, and
 * `sources`: the documents it is cited in (url when the document has one) with the cited spans in
 * `note`. Streamed: items are written as they are read, one page at a time.
 */
import { citations } from './fields.js';
import type { NodeKind } from '../domain/model.js';
import type { Db } from '../graph/db.js';
import { dateOf, displayName, postBound } from './fields.js';
import type { Out } from './out.js';
import { readNodes, type Link, type NodeRow, type ReadOptions } from './reader.js';

const POPOLO_CONTEXT = {
  popolo: 'http://www.popoloproject.com/specs/#',
  foaf: 'http://xmlns.com/foaf/0.1/',
  org: 'http://www.w3.org/ns/org#',
  schema: 'http://schema.org/',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  dcterms: 'http://purl.org/dc/terms/',
  Person: 'foaf:Person',
  Organization: 'org:Organization',
  Area: 'schema:Place',
  Post: 'org:Post',
  Membership: 'org:Membership',
  Event: 'schema:Event',
  persons: { '@id': 'popolo:persons', '@container': '@set' },
  organizations: { '@id': 'popolo:organizations', '@container': '@set' },
  areas: { '@id': 'popolo:areas', '@container': '@set' },
  posts: { '@id': 'popolo:posts', '@container': '@set' },
  memberships: { '@id': 'popolo:memberships', '@container': '@set' },
  events: { '@id': 'popolo:events', '@container': '@set' },
  id: 'dcterms:identifier',
  name: 'foaf:name',
  label: 'skos:prefLabel',
  other_names: 'popolo:other_names',
  summary: 'dcterms:description',
  classification: 'org:classification',
  role: 'org:role',
  parent_id: 'popolo:parent_id',
  area_id: 'popolo:area_id',
  organization_id: 'popolo:organization_id',
  person_id: 'popolo:person_id',
  post_id: 'popolo:post_id',
  participants: 'popolo:participants',
  location: 'schema:location',
  start_date: 'schema:startDate',
  end_date: 'schema:endDate',
  sources: 'dcterms:source',
  url: 'schema:url',
  note: 'skos:note',
};

type Item = Record<string, unknown>;

const urn = (id: string): string => `urn:officials-kg:${id}`;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** Drops undefined and empty-list members, so items carry only what is known. */
function compact(item: Item): Item {
  return Object.fromEntries(Object.entries(item).filter(([, v]) => v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0)));
}

/** The documents a node cites, with their url when known (SOURCED_FROM links) and the spans. */
function sources(n: NodeRow): Item[] {
  const spans = new Map<string, string[]>();
  for (const c of citations(n.props)) spans.set(c.documentId, [...(spans.get(c.documentId) ?? []), `${c.start}:${c.end}`]);
  const urls = new Map(n.links.filter((l) => l.type === 'SOURCED_FROM').map((l) => [l.id, l]));
  return [...spans].map(([doc, s]) => {
    const link = urls.get(doc);
    return compact({ url: link?.url ?? urn(doc), note: `${link?.name ? `${link.name} ` : ''}(${doc}), passages ${s.join(', ')}` });
  });
}

const first = (links: Link[], type: string, out: boolean, kinds: NodeKind[]) => links.find((l) => l.type === type && l.out === out && l.kind !== null && kinds.includes(l.kind));

const otherNames = (n: NodeRow) => [...strs(n.props.aliases), ...(str(n.props.acronym) ? [str(n.props.acronym)!] : [])].map((name) => ({ name }));

function person(n: NodeRow): Item {
  return compact({ '@type': 'Person', '@id': urn(n.id), id: n.id, name: displayName(n.kind, n.props), other_names: otherNames(n), summary: str(n.props.description), sources: sources(n) });
}

function organization(n: NodeRow): Item {
  return compact({
    '@type': 'Organization',
    '@id': urn(n.id),
    id: n.id,
    name: displayName(n.kind, n.props),
    other_names: otherNames(n),
    classification: n.kind === 'Facility' ? `facility${str(n.props.category) ? `: ${n.props.category as string}` : ''}` : str(n.props.category),
    parent_id: first(n.links, 'PART_OF', true, ['Organization'])?.id ?? first(n.links, 'OPERATED_BY', true, ['Organization'])?.id,
    area_id: first(n.links, 'GOVERNS', true, ['Place'])?.id ?? first(n.links, 'LOCATED_IN', true, ['Place'])?.id,
    summary: str(n.props.description),
    sources: sources(n),
  });
}

function area(n: NodeRow): Item {
  return compact({
    '@type': 'Area',
    '@id': urn(n.id),
    id: n.id,
    name: displayName(n.kind, n.props),
    classification: str(n.props.category),
    parent_id: first(n.links, 'PART_OF', true, ['Place'])?.id,
    sources: sources(n),
  });
}

function post(n: NodeRow): Item {
  const org = first(n.links, 'POST_IN', true, ['Organization']);
  const role = str(n.props.role) ?? 'post';
  return compact({
    '@type': 'Post',
    '@id': urn(n.id),
    id: n.id,
    label: org?.name ? `${role}, ${org.name}` : role,
    role,
    organization_id: org?.id,
    area_id: first(n.links, 'GOVERNS', true, ['Place'])?.id,
    start_date: postBound(n.props, 'from')?.iso,
    end_date: postBound(n.props, 'to')?.iso,
    sources: sources(n),
  });
}

function memberships(n: NodeRow): Item[] {
  const org = first(n.links, 'POST_IN', true, ['Organization']);
  const role = str(n.props.role) ?? 'post';
  return n.links
    .filter((l) => l.type === 'HOLDS' && !l.out && l.kind === 'Person')
    .map((h) => {
      const id = `membership:${n.id.slice(n.id.indexOf(':') + 1)}~${h.id.slice(h.id.indexOf(':') + 1)}`;
      return compact({
        '@type': 'Membership',
        '@id': urn(id),
        id,
        label: org?.name ? `${role}, ${org.name}` : role,
        role,
        person_id: h.id,
        organization_id: org?.id,
        post_id: n.id,
        start_date: postBound(n.props, 'from')?.iso,
        end_date: postBound(n.props, 'to')?.iso,
        sources: sources(n),
      });
    });
}

function event(n: NodeRow): Item {
  const date = dateOf(n.props, 'date');
  const where = [...n.links.filter((l) => l.type === 'HELD_AT' && l.out), ...n.links.filter((l) => l.type === 'HELD_IN' && l.out)].map((l) => l.name).filter(Boolean);
  return compact({
    '@type': 'Event',
    '@id': urn(n.id),
    id: n.id,
    name: displayName(n.kind, n.props),
    classification: str(n.props.category),
    start_date: date?.iso,
    end_date: date && date.precision === 'day' ? date.iso : undefined,
    location: where.length ? where.join(', ') : undefined,
    organization_id: first(n.links, 'INVOLVES', true, ['Organization'])?.id,
    participants: [...new Set(n.links.filter((l) => l.type === 'PARTICIPATED_IN' && !l.out && l.kind === 'Person').map((l) => l.id))],
    sources: sources(n),
  });
}

/** The sections, in order, each from its kinds and the relationships its items need. */
const SECTIONS: { name: string; kinds: NodeKind[]; links: string[]; items: (n: NodeRow) => Item[] }[] = [
  { name: 'persons', kinds: ['Person'], links: ['SOURCED_FROM'], items: (n) => [person(n)] },
  { name: 'organizations', kinds: ['Organization', 'Facility'], links: ['SOURCED_FROM', 'PART_OF', 'OPERATED_BY', 'GOVERNS', 'LOCATED_IN'], items: (n) => [organization(n)] },
  { name: 'areas', kinds: ['Place'], links: ['SOURCED_FROM', 'PART_OF'], items: (n) => [area(n)] },
  { name: 'posts', kinds: ['Post'], links: ['SOURCED_FROM', 'POST_IN', 'GOVERNS'], items: (n) => [post(n)] },
  { name: 'memberships', kinds: ['Post'], links: ['SOURCED_FROM', 'POST_IN', 'HOLDS'], items: memberships },
  { name: 'events', kinds: ['Event'], links: ['SOURCED_FROM', 'PARTICIPATED_IN', 'INVOLVES', 'HELD_IN', 'HELD_AT'], items: (n) => [event(n)] },
];

export async function writePopolo(db: Db, out: Out, opts: ReadOptions = {}): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  await out.write(`{"@context":${JSON.stringify(POPOLO_CONTEXT)}`);
  for (const section of SECTIONS) {
    let count = 0;
    await out.write(`,\n"${section.name}":[`);
    for await (const page of readNodes(db, { ...opts, kinds: section.kinds, links: section.links })) {
      const items = page.flatMap(section.items);
      if (!items.length) continue;
      await out.write(`${count ? ',' : ''}\n${items.map((i) => JSON.stringify(i)).join(',\n')}`);
      count += items.length;
    }
    await out.write(']');
    counts[section.name] = count;
  }
  await out.write('}\n');
  await out.flush();
  return counts;
}
