/**
 * FollowTheMoney (the data model of Aleph and OpenSanctions) as JSON lines, one entity a line:
 * `{"id": ..., "schema": ..., "properties": {<name>: [<value>, ...]}}`, built and checked with the
 * official model (@alephdata/followthemoney's defaultModel).
 *
 *   Person                   Person
 *   Organization             PublicBody when its category says it is public, else Organization;
 *                            PART_OF another organization: a Membership (member → organization)
 *   Facility                 Organization (classification: its category)
 *   Place                    Address (full: its name)
 *   Program                  Project
 *   Post                     Position (organization: POST_IN, subnationalArea: the place it
 *                            GOVERNS), and an Occupancy (holder → post, start and end dates) for
 *                            each person who HOLDS it
 *   Event                    Event (involved: participants and involved people and bodies;
 *                            addressEntity and location: where it was held)
 *   Document                 Document (fileName, title, publishedAt, author, publisher, sourceUrl)
 *
 * Every entity that FtM lets cite a document (Thing's `proof`) lists the documents its facts are
 * cited in. Statements, commitments and figures have no FtM schema and are left out (the CSV and
 * JSON Lines exports hold them).
 *
 * Ids: FtM ids are `[0-9a-zA-Z.-]`, so "person:ana-ruiz" becomes "person.ana-ruiz"; an id with
 * other characters gets them replaced and a short hash of the original appended, so ids stay
 * unique and stable from one export to the next.
 */
import { defaultModel, Model, type IEntityDatum } from '@alephdata/followthemoney';
import { createHash } from 'node:crypto';
import type { NodeKind } from '../domain/model.js';
import type { Db } from '../graph/db.js';
import { citedDocuments, dateOf, displayName, postBound } from './fields.js';
import type { Out } from './out.js';
import { readNodes, type Link, type NodeRow, type ReadOptions } from './reader.js';

let model: Model | null = null;
/** The official FollowTheMoney model the package ships. */
export function ftmModel(): Model {
  model ??= new Model(defaultModel);
  return model;
}

export type FtmEntity = { id: string; schema: string; properties: Record<string, string[]> };

const ID_OK = /^[0-9a-zA-Z]([0-9a-zA-Z.-]*[0-9a-zA-Z])?$/;
const sha1 = (s: string): string => createHash('sha1').update(s, 'utf8').digest('hex');

/** The FtM id of a graph node. */
function ftmId(id: string): string {
  const colon = id.indexOf(':');
  const readable = colon > 0 ? `${id.slice(0, colon)}.${id.slice(colon + 1)}` : id;
  let clean = readable.replace(/[^0-9a-zA-Z.-]+/g, '-').replace(/^[^0-9a-zA-Z]+|[^0-9a-zA-Z]+$/g, '');
  if (clean !== readable || clean.length > 180) clean = `${clean.slice(0, 170).replace(/[^0-9a-zA-Z]+$/, '')}-${sha1(id).slice(0, 8)}`;
  return ID_OK.test(clean) ? clean : `kg-${sha1(id).slice(0, 20)}`;
}

/** The id of an entity derived from several nodes (an occupancy, a membership). */
const derivedId = (schema: string, ...parts: string[]): string => `${schema.toLowerCase()}-${sha1(parts.join('\n')).slice(0, 24)}`;

/** Organization categories that are not public bodies. */
const PRIVATE = /\b(company|companies|business|firm|corporation|enterprise|party|parties|union|ngo|non-?governmental|association|foundation|media|newspaper|broadcaster|bank|private)\b/i;

function organizationSchema(category: unknown): 'PublicBody' | 'Organization' {
  return typeof category === 'string' && category.trim() !== '' && !PRIVATE.test(category) ? 'PublicBody' : 'Organization';
}

/** Builds one entity: drops empty values, cuts values to their type's longest length. */
class Builder {
  readonly properties: Record<string, string[]> = {};
  constructor(
    readonly id: string,
    readonly schema: string,
  ) {}

  add(prop: string, ...values: (string | null | undefined)[]): this {
    const schema = ftmModel().getSchema(this.schema);
    const max = schema.getProperty(prop).type.maxLength || 65_000;
    const list = (this.properties[prop] ??= []);
    for (const v of values) {
      if (typeof v !== 'string') continue;
      const t = v.trim();
      if (t && !list.includes(t)) list.push(t.length > max ? t.slice(0, max) : t);
    }
    if (!list.length) delete this.properties[prop];
    return this;
  }

  build(): FtmEntity {
    return { id: this.id, schema: this.schema, properties: this.properties };
  }
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** Kinds that become FtM legal entities (what Event.involved and Membership.member accept). */
const LEGAL: ReadonlySet<NodeKind | null> = new Set<NodeKind | null>(['Person', 'Organization', 'Facility']);
const linked = (links: Link[], type: string, out: boolean, kinds?: readonly NodeKind[]) =>
  links.filter((l) => l.type === type && l.out === out && (!kinds || (l.kind !== null && kinds.includes(l.kind))));

function thing(b: Builder, n: NodeRow): Builder {
  return b
    .add('name', displayName(n.kind, n.props))
    .add('alias', ...strs(n.props.aliases), str(n.props.acronym))
    .add('description', str(n.props.description))
    .add('proof', ...citedDocuments(n.props).map(ftmId));
}

/** The FtM entities of one node (none for kinds FtM has no schema for). */
function ftmEntities(n: NodeRow): FtmEntity[] {
  const id = ftmId(n.id);
  const p = n.props;
  switch (n.kind) {
    case 'Person':
      return [thing(new Builder(id, 'Person'), n).build()];
    case 'Organization': {
      const org = thing(new Builder(id, organizationSchema(p.category)), n)
        .add('classification', str(p.category))
        .build();
      const memberships = linked(n.links, 'PART_OF', true, ['Organization']).map((l) =>
        new Builder(derivedId('Membership', n.id, l.id), 'Membership').add('member', id).add('organization', ftmId(l.id)).add('role', 'part of').build(),
      );
      return [org, ...memberships];
    }
    case 'Facility':
      return [thing(new Builder(id, 'Organization'), n).add('classification', str(p.category)).build()];
    case 'Place':
      return [thing(new Builder(id, 'Address'), n).add('full', displayName(n.kind, p)).build()];
    case 'Program':
      return [thing(new Builder(id, 'Project'), n).build()];
    case 'Post': {
      const orgs = linked(n.links, 'POST_IN', true, ['Organization']);
      const places = linked(n.links, 'GOVERNS', true, ['Place']);
      const role = str(p.role) ?? 'post';
      const from = postBound(p, 'from');
      const to = postBound(p, 'to');
      const position = new Builder(id, 'Position')
        .add('name', orgs[0]?.name ? `${role}, ${orgs[0].name}` : role)
        .add('organization', ...orgs.map((o) => ftmId(o.id)))
        .add('subnationalArea', ...places.map((pl) => pl.name))
        .add('proof', ...citedDocuments(p).map(ftmId))
        .build();
      const occupancies = linked(n.links, 'HOLDS', false, ['Person']).map((h) =>
        new Builder(derivedId('Occupancy', n.id, h.id), 'Occupancy')
          .add('holder', ftmId(h.id))
          .add('post', id)
          .add('startDate', from?.iso)
          .add('endDate', to?.iso)
          .add('description', from?.inferred || to?.inferred ? [from?.inferred ? from.note : null, to?.inferred ? to.note : null].filter(Boolean).join(' ') : null)
          .build(),
      );
      return [position, ...occupancies];
    }
    case 'Event': {
      const date = dateOf(p, 'date');
      const involved = [...linked(n.links, 'PARTICIPATED_IN', false), ...linked(n.links, 'INVOLVES', true)].filter((l) => LEGAL.has(l.kind));
      const places = linked(n.links, 'HELD_IN', true, ['Place']);
      const facilities = linked(n.links, 'HELD_AT', true, ['Facility']);
      return [
        new Builder(id, 'Event')
          .add('name', displayName(n.kind, p))
          .add('date', date?.iso)
          .add('keywords', str(p.category))
          .add('involved', ...involved.map((l) => ftmId(l.id)))
          .add('addressEntity', ...places.map((l) => ftmId(l.id)))
          .add('location', ...facilities.map((l) => l.name), ...places.map((l) => l.name))
          .add('proof', ...citedDocuments(p).map(ftmId))
          .build(),
      ];
    }
    case 'Document': {
      const published = dateOf(p, 'published');
      return [
        new Builder(id, 'Document')
          .add('fileName', str(p.fileName) ?? n.id.slice(n.id.indexOf(':') + 1))
          .add('title', str(p.title))
          .add('publishedAt', published?.iso)
          .add('author', str(p.author))
          .add('publisher', str(p.publisher))
          .add('sourceUrl', str(p.url))
          .build(),
      ];
    }
    default:
      return [];
  }
}

const FTM_DATE = /^\d{4}(-\d{2}(-\d{2}(T\d{2}(:\d{2}(:\d{2})?)?)?)?)?$/;

/**
 * What is wrong with an entity under the FtM model: unknown or abstract schema, unknown property,
 * a required property missing, a date or id that its type refuses, a value over its type's
 * longest length. `schemaOf` (id → schema name) also checks that entity references point to an
 * entity of the schema the property expects.
 */
export function ftmProblems(datum: FtmEntity, schemaOf?: (id: string) => string | undefined): string[] {
  const m = ftmModel();
  const problems: string[] = [];
  let schema;
  try {
    schema = m.getSchema(datum.schema);
  } catch {
    return [`${datum.id}: unknown schema ${datum.schema}`];
  }
  if (schema.abstract) problems.push(`${datum.id}: schema ${datum.schema} is abstract`);
  if (!ID_OK.test(datum.id)) problems.push(`${datum.id}: not a valid FtM id`);
  try {
    m.getEntity(datum as IEntityDatum);
  } catch (e) {
    problems.push(`${datum.id}: ${e instanceof Error ? e.message : String(e)}`);
    return problems;
  }
  for (const r of schema.required) if (!datum.properties[r]?.length) problems.push(`${datum.id}: ${datum.schema} needs ${r}`);
  for (const [name, values] of Object.entries(datum.properties)) {
    const prop = schema.getProperty(name);
    for (const v of values) {
      if (typeof v !== 'string') problems.push(`${datum.id}: ${name} holds a value that is not text`);
      else if (prop.type.maxLength && v.length > prop.type.maxLength) problems.push(`${datum.id}: ${name} is longer than ${prop.type.maxLength}`);
      else if (prop.type.name === 'date' && !FTM_DATE.test(v)) problems.push(`${datum.id}: ${name} "${v}" is not an FtM date`);
      else if (prop.type.name === 'entity') {
        if (!ID_OK.test(v)) problems.push(`${datum.id}: ${name} "${v}" is not an entity id`);
        const target = schemaOf?.(v);
        if (schemaOf && !target) problems.push(`${datum.id}: ${name} points to ${v}, which is not in the export`);
        else if (target && prop.hasRange && !m.getSchema(target).isA(prop.getRange())) problems.push(`${datum.id}: ${name} points to a ${target}, not a ${prop.getRange().name}`);
      }
    }
  }
  return problems;
}

/** The node kinds exported, each with the relationship types its entities need. */
const PLAN: { kind: NodeKind; links: string[] }[] = [
  { kind: 'Document', links: [] },
  { kind: 'Place', links: [] },
  { kind: 'Person', links: [] },
  { kind: 'Organization', links: ['PART_OF'] },
  { kind: 'Facility', links: [] },
  { kind: 'Program', links: [] },
  { kind: 'Post', links: ['POST_IN', 'GOVERNS', 'HOLDS'] },
  { kind: 'Event', links: ['PARTICIPATED_IN', 'INVOLVES', 'HELD_IN', 'HELD_AT'] },
];

/** Writes every entity as one JSON line; throws if one breaks the model (a bug, not data). */
export async function writeFtm(db: Db, out: Out, opts: ReadOptions = {}): Promise<{ entities: number; schemata: Record<string, number> }> {
  const schemata: Record<string, number> = {};
  let entities = 0;
  for (const { kind, links } of PLAN) {
    for await (const page of readNodes(db, { ...opts, kinds: [kind], links })) {
      const lines: string[] = [];
      for (const n of page) {
        for (const e of ftmEntities(n)) {
          const problems = ftmProblems(e);
          if (problems.length) throw new Error(`FollowTheMoney export: ${problems.join('; ')}`);
          schemata[e.schema] = (schemata[e.schema] ?? 0) + 1;
          entities++;
          lines.push(`${JSON.stringify(e)}\n`);
        }
      }
      await out.write(lines.join(''));
    }
  }
  await out.flush();
  return { entities, schemata };
}
