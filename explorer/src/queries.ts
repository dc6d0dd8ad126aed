// Every GraphQL operation the explorer sends, and the selections they share: the explorer talks
// to the public API only, so this file is the whole of what it asks. No JSX or DOM here:
// test/browser/operations.test.ts validates each operation against schema/schema.graphql.

export const DATE = 'iso start end inferred note';

export const CITATION = 'start end excerpt document { id title url }';

export const FIGURE = `id value unit label metric qualifier period asOf { ${DATE} }
  agreement { consistent explanation reports min max }
  sources { id title url } citations { ${CITATION} }`;

export const POST = `id role reviewStatus from { ${DATE} } to { ${DATE} }
  holder { id name } organization { id name } jurisdiction { id name }
  citations { ${CITATION} }`;

const COMMON = `__typename id reviewStatus confidence citations { ${CITATION} }`;

/** What each kind of fact shows, beside COMMON (no fragment spreads: usable on a field of that type). */
const BY_TYPE = {
  Event: `title eventKind: kind date { ${DATE} }`,
  Statement: `summary statementKind: kind date { ${DATE} } speaker { id name } figures { ${FIGURE} }`,
  Commitment: `summary status statusReason deadline { ${DATE} } start { ${DATE} }`,
  Post: `role from { ${DATE} } to { ${DATE} } holder { id name } organization { id name } jurisdiction { id name }`,
  Figure: `value unit label metric asOf { ${DATE} } agreement { consistent explanation reports }`,
} as const;

/** A fact of a field typed Fact (or Node): every kind's fields behind its type condition. */
export const FACT = `${COMMON}
  ${Object.entries(BY_TYPE)
    .map(([type, fields]) => `... on ${type} { ${fields} }`)
    .join('\n  ')}`;

/** A fact of a field of one kind; `brief` leaves out a statement's figures. */
export function factOf(type: keyof typeof BY_TYPE, brief = false): string {
  const fields = brief && type === 'Statement' ? BY_TYPE.Statement.replace(/ figures \{[\s\S]*$/, '') : BY_TYPE[type];
  return `${COMMON} ${fields}`;
}

/** The selection that names any node. */
export const LBL = `__typename id ... on Entity { name } ... on Event { title } ... on Statement { summary } ... on Commitment { summary } ... on Post { role } ... on Figure { value unit } ... on Document { title }`;

const E = '__typename id name';
const EV = '__typename id title';
const ST = '__typename id summary';
const PO = '__typename id role';
const FI = '__typename id value unit';

export const NEIGHBOURS = `query ExplorerNeighbours($id: ID!) {
  node(id: $id) {
    ${LBL}
    ... on Person { posts { ${PO} } events { ${EV} } statements { ${ST} } }
    ... on Organization { parent { ${E} } parts { ${E} } jurisdiction { ${E} } posts { ${PO} } facilities { ${E} } events { ${EV} } }
    ... on Place { partOf { ${E} } parts { ${E} } facilities { ${E} } events { ${EV} } }
    ... on Facility { place { ${E} } operator { ${E} } commitments { ${ST} } statements { ${ST} } events { ${EV} } }
    ... on Program { organization { ${E} } }
    ... on Post { holder { ${E} } organization { ${E} } jurisdiction { ${E} } }
    ... on Event { place { ${E} } venue { ${E} } participants { person { ${E} } } involves { entity { ${E} } } statements { ${ST} } }
    ... on Statement { speaker { ${E} } event { ${EV} } about { ${E} } figures { ${FI} } commitments { commitment { ${ST} } } }
    ... on Commitment { concerns { ${E} } targets { ${FI} } statements { statement { ${ST} } } }
    ... on Figure { subject { ${E} } reportedBy { ${ST} } }
  }
}`;

export const HISTORY = 'history { id action at by note details undoable undoneAt undoneBy }';

export const FACT_QUERY = `query ExplorerFact($id: ID!) {
  node(id: $id) {
    ... on Fact { ${FACT} reviewedAt reviewedBy ${HISTORY} citations { ${CITATION} } }
    ... on Event { place { id name } venue { id name } participants { person { id name } } involves { role entity { __typename id name } } }
    ... on Statement { about { __typename id name } event { id title } quote { ${CITATION} } }
    ... on Commitment { concerns { __typename id name } statements { role statement { id summary date { ${DATE} } speaker { id name } } } }
    ... on Figure { subject { __typename id name } }
  }
}`;

export const DOCUMENT = `query ExplorerDocument($id: ID!) {
  document(id: $id) {
    id title url fileName kind publisher author contentHash published { ${DATE} }
    mentions { __typename id name }
    supports { ${FACT} }
  }
}`;

export const ENTITY = `query ExplorerEntity($id: ID!, $entity: String!) {
  node(id: $id) {
    __typename id
    ... on Entity { name aliases description slug redirectedFrom citations { ${CITATION} } }
    ... on Person { posts { ${POST} } }
    ... on Organization { acronym kind orgPosts: posts { ${POST} } parent { id name } jurisdiction { id name } }
    ... on Place { kind partOf { id name } }
    ... on Facility { kind place { id name } operator { id name } }
    ... on Program { organization { id name } }
  }
  timeline(entity: $entity) { date kind roles node { ${FACT} } }
  figures(filter: { subject: $entity }, first: 50) { nodes { ${FIGURE} } }
}`;

export const PATHS = `query ExplorerPaths($from: String!, $to: String!, $maxHops: Int!) {
  paths(from: $from, to: $to, first: 5, maxHops: $maxHops) {
    length
    nodes { ${LBL} }
    hops { relationship forward from { id } to { id } citations { ${CITATION} } }
  }
}`;

export const QUEUE = `query ExplorerReviewQueue {
  events(filter: { reviewStatuses: [EXTRACTED] }, first: 25) { totalCount nodes { ${factOf('Event', true)} } }
  statements(filter: { reviewStatuses: [EXTRACTED] }, first: 25) { totalCount nodes { ${factOf('Statement', true)} } }
  commitments(filter: { reviewStatuses: [EXTRACTED] }, first: 25) { totalCount nodes { ${factOf('Commitment', true)} } }
  posts(filter: { reviewStatuses: [EXTRACTED] }, first: 25) { totalCount nodes { ${factOf('Post', true)} } }
  figures(filter: { reviewStatuses: [EXTRACTED] }, first: 25) { totalCount nodes { ${factOf('Figure', true)} } }
  possibleDuplicates(first: 25) {
    totalCount
    nodes { score evidence a { __typename id name aliases } b { __typename id name aliases } }
  }
}`;

export const MERGE = `mutation ExplorerMerge($keep: ID!, $merge: ID!, $note: String) {
  mergeEntities(keep: $keep, merge: $merge, note: $note) { id name ${HISTORY} }
}`;

export const DISMISS = `mutation ExplorerDismiss($a: ID!, $b: ID!, $note: String) {
  dismissDuplicate(a: $a, b: $b, note: $note) { id name ${HISTORY} }
}`;

export const UNDO = `mutation ExplorerUndo($id: ID!) {
  undoEdit(id: $id) { id ... on Fact { reviewStatus ${HISTORY} } ... on Entity { name ${HISTORY} } }
}`;

export const SEARCH = `query ExplorerSearch($q: String!) {
  search(query: $q, first: 50) {
    score
    node {
      __typename id
      ... on Entity { name aliases }
      ... on Event { title date { ${DATE} } }
      ... on Statement { summary date { ${DATE} } }
      ... on Commitment { summary }
      ... on Document { title published { ${DATE} } }
    }
  }
}`;

export const TIMELINE = `query ExplorerTimeline($id: ID!, $entity: String!, $from: String, $to: String) {
  entity: node(id: $id) { id ... on Entity { name } }
  timeline(entity: $entity, from: $from, to: $to) { date kind roles node { ${FACT} } }
}`;

export const REVIEW = (op: 'confirmFact' | 'rejectFact') => `mutation ExplorerReview($id: ID!, $note: String) {
  ${op}(id: $id, note: $note) { id reviewStatus ${HISTORY} }
}`;
