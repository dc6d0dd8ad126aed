import {
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isLeafType,
  isObjectType,
  type FieldNode,
  type GraphQLField,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { addEdge, edgeKey, emptyProjection, mergeNeeds, mergeProjection, mergeProps, type CitationNeeds, type Projection } from '../graph/projection.js';
import { datePropsOf } from '../graph/date-storage.js';
import { relationOf, windowOf, WRAPPERS } from './relations.js';

/**
 * Look-ahead: from the selection a resolver is answering, the projection (graph/projection.ts)
 * of everything its nodes' fields will read, so one query fetches all levels. Only relationship
 * fields (relations.ts) and citations are fetched ahead; anything else (edit history, figure
 * peers, a person's commitments, levels deeper than MAX_DEPTH) is left to the batch loaders.
 * A field whose arguments are invalid is not fetched ahead: its resolver reports the error.
 */
const MAX_DEPTH = 4;

const NODE_INTERFACE = 'Node';

interface Walk {
  info: GraphQLResolveInfo;
}

/**
 * Fields of a selection set as [field, type it was selected on], through fragments, honouring
 * @skip/@include. Each named fragment is expanded once per selection set, as execution does: the
 * fields of a fragment spread twice merge, and fragments spreading each other twice over would
 * otherwise double the walk at every level.
 */
function fieldsOf(w: Walk, set: SelectionSetNode | undefined, typeName: string, acc: [FieldNode, string][] = [], spread = new Set<string>()): [FieldNode, string][] {
  for (const sel of set?.selections ?? []) {
    if (!included(w, sel)) continue;
    if (sel.kind === 'Field') acc.push([sel, typeName]);
    else if (sel.kind === 'InlineFragment') fieldsOf(w, sel.selectionSet, sel.typeCondition?.name.value ?? typeName, acc, spread);
    else if (!spread.has(sel.name.value)) {
      spread.add(sel.name.value);
      const frag = w.info.fragments[sel.name.value];
      if (frag) fieldsOf(w, frag.selectionSet, frag.typeCondition.name.value, acc, spread);
    }
  }
  return acc;
}

function included(w: Walk, node: Parameters<typeof getDirectiveValues>[1]): boolean {
  if (getDirectiveValues(GraphQLSkipDirective, node, w.info.variableValues)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, w.info.variableValues)?.if !== false;
}

function fieldDef(w: Walk, typeName: string, name: string): GraphQLField<unknown, unknown> | undefined {
  const type = w.info.schema.getType(typeName);
  return type && 'getFields' in type ? (type.getFields() as Record<string, GraphQLField<unknown, unknown>>)[name] : undefined;
}

function isNodeType(w: Walk, typeName: string): boolean {
  const type = w.info.schema.getType(typeName);
  if (!type) return false;
  if (type.name === NODE_INTERFACE) return true;
  return 'getInterfaces' in type && type.getInterfaces().some((i) => i.name === NODE_INTERFACE);
}

const FUZZY_DATE = 'FuzzyDate';

/**
 * Fields of node types whose resolvers compute their value (resolvers/*.ts), with the stored
 * properties each reads of its node. Every other field of a node type reads the property of its
 * name (`kind` reads `category`), a fuzzy date its flat properties (records.ts datePropsOf), a
 * relationship field (relations.ts) nothing (its resolver walks from the node's id). A field
 * none of these rules covers makes the projection read every property, so a new computed field
 * is never answered from a half-read node; test/unit/lookahead-props.test.ts checks this table
 * against the resolvers.
 */
export const COMPUTED_FIELDS: Record<string, Record<string, readonly string[]>> = {
  '*': { id: [], __typename: [], citations: ['cites'], history: [], redirectedFrom: [] },
  Person: { commitments: [] },
  Statement: { quote: ['quote'] },
  Commitment: { status: ['status', ...datePropsOf('deadline')], statusReason: ['status', ...datePropsOf('deadline')] },
  Figure: { otherValues: [], agreement: ['unit', 'value'], series: ['unit', 'value', ...datePropsOf('asOf')] },
};

/** Fields whose value is derived from facts around the node, which a projection fetches with it (projection.ts statusFacts). */
const STATUS_FIELDS: Record<string, readonly string[]> = { Commitment: ['status', 'statusReason'] };

/** The stored properties a field of a node type reads; null when no rule says (read them all). */
function fieldProps(w: Walk, typeName: string, name: string): readonly string[] | null {
  const computed = COMPUTED_FIELDS[typeName]?.[name] ?? COMPUTED_FIELDS['*']![name];
  if (computed) return computed;
  if (relationOf(typeName, name)) return [];
  const def = fieldDef(w, typeName, name);
  const named = def && getNamedType(def.type);
  if (!named) return null;
  if (named.name === FUZZY_DATE) return datePropsOf(name);
  if (isLeafType(named)) return [name === 'kind' ? 'category' : name];
  return null;
}

/**
 * Properties read of every node of a type whatever its selection: its dates, which nested lists
 * sort by (events oldest first) and filter on (a participant's posts at the event's date). None
 * for an interface: no list of entities or facts of mixed kinds is sorted or filtered by date.
 */
function alwaysProps(w: Walk, typeName: string): string[] {
  const known = datesOfType.get(w.info.schema) ?? new Map<string, string[]>();
  datesOfType.set(w.info.schema, known);
  let props = known.get(typeName);
  if (!props) {
    const type = w.info.schema.getType(typeName);
    props =
      type && isObjectType(type)
        ? Object.values(type.getFields())
            .filter((f) => getNamedType(f.type).name === FUZZY_DATE)
            .flatMap((f) => datePropsOf(f.name))
        : [];
    known.set(typeName, props);
  }
  return props;
}
const datesOfType = new WeakMap<GraphQLSchema, Map<string, string[]>>();

/** What the fields selected on nodes of `typeName` read of their stored properties. */
function selectedProps(w: Walk, typeName: string, fields: [FieldNode, string][]): string[] | null {
  let props: string[] | null | undefined = [...alwaysProps(w, typeName)];
  for (const [field, onType] of fields) {
    const own = fieldProps(w, onType, field.name.value);
    props = mergeProps(props, own && [...own]);
    if (props === null) return null;
  }
  return props ?? null;
}

function citationNeeds(w: Walk, field: FieldNode): CitationNeeds {
  const fields = fieldsOf(w, field.selectionSet, 'Citation');
  const document = fields.filter(([f]) => f.name.value === 'document');
  let documentProps: string[] | null = [];
  for (const [doc] of document) {
    const props = selectedProps(w, 'Document', fieldsOf(w, doc.selectionSet, 'Document'));
    documentProps = props && documentProps && [...documentProps, ...props];
  }
  return { document: document.length > 0, excerpt: fields.some(([f]) => f.name.value === 'excerpt'), documentProps: documentProps && [...new Set(documentProps)] };
}

/** What the fields selected on a node of `typeName` read of it and below it. */
function nodeProjection(w: Walk, typeName: string, fields: [FieldNode, string][], depth: number, into: Projection = emptyProjection()): Projection {
  into.props = mergeProps(into.props, selectedProps(w, typeName, fields));
  for (const [field, onType] of fields) {
    const name = field.name.value;
    if (name === 'citations') into.citations = mergeNeeds(into.citations, citationNeeds(w, field));
    else if (name === 'quote' && onType === 'Statement') into.quote = mergeNeeds(into.quote, citationNeeds(w, field));
    else if (STATUS_FIELDS[onType]?.includes(name)) into.statusFacts = true;
    else if (depth < MAX_DEPTH) relationEdge(w, field, onType, depth, into);
  }
  return into;
}

function relationEdge(w: Walk, field: FieldNode, onType: string, depth: number, into: Projection): void {
  const rel = relationOf(onType, field.name.value);
  const def = fieldDef(w, onType, field.name.value);
  if (!rel || !def) return;
  let window = null;
  if (rel.windowed) {
    try {
      window = windowOf(getArgumentValues(def, field, w.info.variableValues));
    } catch {
      return;
    }
  }
  const target = getNamedType(def.type).name;
  const wrapper = WRAPPERS[target];
  const node = emptyProjection();
  // a wrapper that shows only the node's own fields (Participant.posts) still reads the node's dates
  if (wrapper) node.props = [...alwaysProps(w, wrapper.nodeType)];
  let relCitations: CitationNeeds | null = null;
  if (wrapper) {
    for (const [sub] of fieldsOf(w, field.selectionSet, target)) {
      const name = sub.name.value;
      if (name === wrapper.node) nodeProjection(w, wrapper.nodeType, fieldsOf(w, sub.selectionSet, wrapper.nodeType), depth + 1, node);
      else if (name === wrapper.relCitations) relCitations = mergeNeeds(relCitations, citationNeeds(w, sub));
      else if (wrapper.nodeFields?.[name] && depth + 1 < MAX_DEPTH) {
        // a node field shown on the wrapper: read as that field of the node
        const alias = { ...sub, name: { ...sub.name, value: wrapper.nodeFields[name]! } };
        relationEdge(w, alias, wrapper.nodeType, depth + 1, node);
      }
    }
  } else {
    nodeProjection(w, target, fieldsOf(w, field.selectionSet, target), depth + 1, node);
  }
  addEdge(into, { dir: rel.dir, type: rel.type, key: edgeKey(rel, window), window, relCitations, node });
}

/**
 * The projection below the nodes a resolver returns, read from its selection. The field may
 * return nodes directly, or objects holding them (connections, search hits, timeline entries,
 * paths): every node reached without crossing a relationship field counts, and their selections
 * are merged (a superset: each node gets what any position asks).
 */
export function lookahead(info: GraphQLResolveInfo): Projection {
  const w: Walk = { info };
  const result = emptyProjection();
  const visit = (set: SelectionSetNode | undefined, typeName: string, depth: number) => {
    if (depth > 3) return;
    if (isNodeType(w, typeName)) {
      mergeProjection(result, nodeProjection(w, typeName, fieldsOf(w, set, typeName), 0));
      return;
    }
    for (const [field, onType] of fieldsOf(w, set, typeName)) {
      const def = fieldDef(w, onType, field.name.value);
      const named = def && getNamedType(def.type);
      // a citation's document is not one of these nodes
      if (named && named.name !== 'Citation' && (isObjectType(named) || isNodeType(w, named.name)) && field.selectionSet) {
        visit(field.selectionSet, named.name, depth + 1);
      }
    }
  };
  for (const node of info.fieldNodes) {
    visit(node.selectionSet, getNamedType(info.returnType).name, 0);
  }
  return result;
}

/** Does the selection reach the field at `path` (field names, through fragments)? */
export function selects(info: GraphQLResolveInfo, path: string[]): boolean {
  const w: Walk = { info };
  let sets = info.fieldNodes.map((f) => f.selectionSet);
  for (const name of path) {
    const next = sets.flatMap((set) =>
      fieldsOf(w, set, '')
        .filter(([f]) => f.name.value === name)
        .map(([f]) => f.selectionSet),
    );
    if (!next.length) return false;
    sets = next;
  }
  return true;
}
