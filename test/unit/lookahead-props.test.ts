import { isObjectType, Kind, parse, type FragmentDefinitionNode, type GraphQLResolveInfo, type OperationDefinitionNode } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { COMPUTED_FIELDS, lookahead } from '../../src/api/lookahead.js';
import { RELATIONS } from '../../src/api/relations.js';
import { schema } from '../../src/api/schema.js';
import { NODE_KINDS } from '../../src/domain/model.js';
import { projectionQuery, type Projection } from '../../src/graph/projection.js';
import { datePropsOf } from '../../src/graph/date-storage.js';

let built: Awaited<ReturnType<typeof schema>>;
beforeAll(async () => {
  built = await schema();
});

/** What the look-ahead makes of the selection below the operation's first root field. */
function projectionOf(operation: string): Projection {
  const doc = parse(operation);
  const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const field = op.selectionSet.selections[0]!;
  if (field.kind !== Kind.FIELD) throw new Error('the operation must start with a field');
  const fragments = Object.fromEntries(doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
  const info = {
    fieldNodes: [field],
    fragments,
    variableValues: {},
    schema: built,
    returnType: built.getQueryType()!.getFields()[field.name.value]!.type,
  } as unknown as GraphQLResolveInfo;
  return lookahead(info);
}

describe('the look-ahead reads the properties the selection needs', () => {
  it('a person: the fields selected, not its aliases, description or citation keys', () => {
    const p = projectionOf('{ person(slug: "x") { id name slug } }');
    expect(new Set(p.props)).toEqual(new Set(['name', 'slug']));
    expect(projectionQuery(p, { slug: 'x', kind: 'Person' }).text).toContain('n {.id, .name, .slug} AS props');
  });

  it('nested nodes: their fields, their dates (lists sort by them), `kind` as the stored category', () => {
    const p = projectionOf('{ person(slug: "x") { events(first: 5) { title kind } posts { role } } }');
    const events = p.edges.find((e) => e.type === 'PARTICIPATED_IN')!.node.props;
    expect(new Set(events)).toEqual(new Set(['title', 'category', ...datePropsOf('date')]));
    const posts = p.edges.find((e) => e.type === 'HOLDS')!.node.props;
    // a post's bounds come with their inferred tenure
    expect(posts).toEqual(expect.arrayContaining(['role', 'fromIso', 'tenureFromIso', 'toEnd', 'tenureToEnd']));
    expect(posts).not.toContain('title');
  });

  it('a participant shown only by its posts still reads the event date and the posts', () => {
    const p = projectionOf('{ event(id: "x") { participants { posts { role } } } }');
    const person = p.edges.find((e) => e.type === 'PARTICIPATED_IN')!.node;
    expect(person.props).toEqual([]);
    expect(person.edges.map((e) => e.type)).toEqual(['HOLDS']);
    expect(p.props).toEqual(expect.arrayContaining(datePropsOf('date')));
  });

  it('fragments on interfaces and concrete types add up', () => {
    const p = projectionOf('{ node(id: "x") { ... on Entity { name } ...F } } fragment F on Organization { acronym kind }');
    expect(new Set(p.props)).toEqual(new Set(['name', 'acronym', 'category']));
  });

  it("computed fields read what their resolvers read: a commitment's status its stored status and deadline", () => {
    const p = projectionOf('{ commitment(id: "x") { status } }');
    expect(p.props).toEqual(expect.arrayContaining(['status', 'deadlineEnd']));
  });

  it('citations read the citation keys, a quote its key', () => {
    expect(projectionOf('{ statement(id: "x") { citations { start } quote { start } } }').props).toEqual(expect.arrayContaining(['cites', 'quote']));
  });

  it('a field no rule covers reads every property', () => {
    // a stand-in for a computed field added without its entry in COMPUTED_FIELDS
    const saved = COMPUTED_FIELDS.Figure!.agreement!;
    delete (COMPUTED_FIELDS.Figure as Record<string, readonly string[]>).agreement;
    try {
      const p = projectionOf('{ figure(id: "x") { agreement { consistent } } }');
      expect(p.props).toBeNull();
      expect(projectionQuery(p, { id: 'x' }).text).toContain('n {.*, ');
    } finally {
      (COMPUTED_FIELDS.Figure as Record<string, readonly string[]>).agreement = saved;
    }
  });
});

describe('COMPUTED_FIELDS', () => {
  it('names every field resolver of a node type that is not a relationship field', () => {
    const nodeTypes = new Set<string>([...NODE_KINDS, 'Entity', 'Fact', 'Node']);
    const missing: string[] = [];
    for (const r of getMetadataStorage().fieldResolvers) {
      const type = r.getObjectType?.();
      const typeName = type && (type as { name?: string }).name;
      if (!typeName || !nodeTypes.has(typeName)) continue;
      const relation = (RELATIONS as Record<string, Record<string, unknown>>)[typeName]?.[r.schemaName];
      if (!relation && !COMPUTED_FIELDS[typeName]?.[r.schemaName] && !COMPUTED_FIELDS['*']![r.schemaName]) missing.push(`${typeName}.${r.schemaName}`);
    }
    expect(missing).toEqual([]);
  });

  it('lists only fields the schema has', () => {
    for (const [typeName, fields] of Object.entries(COMPUTED_FIELDS)) {
      if (typeName === '*') continue;
      const type = built.getType(typeName);
      expect(type && isObjectType(type), typeName).toBe(true);
      for (const f of Object.keys(fields)) expect(Object.keys((type as { getFields(): object }).getFields()), `${typeName}.${f}`).toContain(f);
    }
  });
});
