/**
 * Type definitions for the @neo4j/graphql comparison server: our model (labels, relationship
 * types, directions, properties) as @neo4j/graphql sees it. Things it cannot express (citation
 * keys turned into passages, accent-free name search ranked by the full-text index, shortest
 * paths) are `@cypher` fields, as its documentation recommends.
 */

/** Citation keys `<documentId>@<start>:<end>` of `this` turned into {document, start, end, excerpt}. */
const CITATIONS = `
  UNWIND coalesce(this.cites, []) AS key
  WITH key, size(key) - size(last(split(key, '@'))) - 1 AS at
  WITH substring(key, 0, at) AS doc, split(substring(key, at + 1), ':') AS span
  OPTIONAL MATCH (d:Node {id: doc})
  WITH doc, toInteger(span[0]) AS start, toInteger(span[1]) AS end, d
  RETURN {document: doc, title: d.title, start: start, end: end, excerpt: substring(d.text, start, end - start)} AS c`;

const citations = `citations: [Citation!]! @cypher(statement: """${CITATIONS}""", columnName: "c")`;

export const TYPE_DEFS = /* GraphQL */ `
  type Citation {
    document: String!
    title: String
    start: Int!
    end: Int!
    excerpt: String
  }

  type Cited @relationshipProperties {
    cites: [String!]
  }

  type WithRole @relationshipProperties {
    cites: [String!]
    role: String
  }

  type Person @node(labels: ["Person", "Node", "Entity"]) {
    id: ID!
    slug: String!
    name: String!
    aliases: [String!]
    description: String
    cites: [String!]
    ${citations}
    posts: [Post!]! @relationship(type: "HOLDS", direction: OUT, properties: "Cited")
    events: [Event!]! @relationship(type: "PARTICIPATED_IN", direction: OUT, properties: "Cited")
    statements: [Statement!]! @relationship(type: "STATED", direction: OUT, properties: "Cited")
    statementsAbout: [Statement!]! @relationship(type: "ABOUT", direction: IN, properties: "Cited")
  }

  type Organization @node(labels: ["Organization", "Node", "Entity"]) {
    id: ID!
    slug: String!
    name: String!
    acronym: String
    aliases: [String!]
    cites: [String!]
    parent: [Organization!]! @relationship(type: "PART_OF", direction: OUT, properties: "Cited")
    posts: [Post!]! @relationship(type: "POST_IN", direction: IN, properties: "Cited")
  }

  type Place @node(labels: ["Place", "Node", "Entity"]) {
    id: ID!
    slug: String!
    name: String!
    category: String
    cites: [String!]
    partOf: [Place!]! @relationship(type: "PART_OF", direction: OUT, properties: "Cited")
  }

  type Facility @node(labels: ["Facility", "Node", "Entity"]) {
    id: ID!
    slug: String!
    name: String!
    category: String
    cites: [String!]
    ${citations}
    place: [Place!]! @relationship(type: "LOCATED_IN", direction: OUT, properties: "Cited")
    commitments: [Commitment!]! @relationship(type: "CONCERNS", direction: IN, properties: "Cited")
  }

  type Program @node(labels: ["Program", "Node", "Entity"]) {
    id: ID!
    slug: String!
    name: String!
    cites: [String!]
  }

  type Post @node(labels: ["Post", "Node", "Fact"]) {
    id: ID!
    role: String!
    fromIso: String
    fromStart: String
    fromEnd: String
    toIso: String
    toStart: String
    toEnd: String
    cites: [String!]
    ${citations}
    holder: [Person!]! @relationship(type: "HOLDS", direction: IN, properties: "Cited")
    organization: [Organization!]! @relationship(type: "POST_IN", direction: OUT, properties: "Cited")
    jurisdiction: [Place!]! @relationship(type: "GOVERNS", direction: OUT, properties: "Cited")
  }

  type Event @node(labels: ["Event", "Node", "Fact"]) {
    id: ID!
    title: String!
    category: String
    dateIso: String
    dateStart: String
    dateEnd: String
    dateInferred: Boolean
    cites: [String!]
    ${citations}
    participants: [Person!]! @relationship(type: "PARTICIPATED_IN", direction: IN, properties: "Cited")
    place: [Place!]! @relationship(type: "HELD_IN", direction: OUT, properties: "Cited")
    venue: [Facility!]! @relationship(type: "HELD_AT", direction: OUT, properties: "Cited")
    statements: [Statement!]! @relationship(type: "AT_EVENT", direction: IN, properties: "Cited")
    sources: [Document!]! @relationship(type: "SOURCED_FROM", direction: OUT)
  }

  type Statement @node(labels: ["Statement", "Node", "Fact"]) {
    id: ID!
    summary: String!
    category: String
    dateIso: String
    dateStart: String
    dateEnd: String
    quote: String
    cites: [String!]
    ${citations}
    speaker: [Person!]! @relationship(type: "STATED", direction: IN, properties: "Cited")
    event: [Event!]! @relationship(type: "AT_EVENT", direction: OUT, properties: "Cited")
    figures: [Figure!]! @relationship(type: "REPORTS", direction: OUT, properties: "Cited")
    commitments: [Commitment!]! @relationship(type: "COMMITS", direction: OUT, properties: "WithRole")
    sources: [Document!]! @relationship(type: "SOURCED_FROM", direction: OUT)
  }

  type Commitment @node(labels: ["Commitment", "Node", "Fact"]) {
    id: ID!
    summary: String!
    status: String
    deadlineIso: String
    deadlineStart: String
    startIso: String
    cites: [String!]
    ${citations}
    statements: [Statement!]! @relationship(type: "COMMITS", direction: IN, properties: "WithRole")
    concernsFacility: [Facility!]! @relationship(type: "CONCERNS", direction: OUT, properties: "Cited")
    targets: [Figure!]! @relationship(type: "TARGETS", direction: OUT, properties: "Cited")
  }

  type Figure @node(labels: ["Figure", "Node", "Fact"]) {
    id: ID!
    value: Float!
    unit: String!
    metric: String!
    label: String
    qualifier: String
    asOfIso: String
    cites: [String!]
    ${citations}
  }

  type Document @node(labels: ["Document", "Node"]) {
    id: ID!
    title: String!
    fileName: String
    publisher: String
    publishedIso: String
  }

  type SearchHit {
    id: ID!
    kind: String!
    name: String!
    slug: String!
    score: Float!
  }

  type PathNode {
    id: ID!
    kind: String!
    label: String
  }

  type PathHop {
    type: String!
    from: ID!
    to: ID!
    citations: [Citation!]!
  }

  type PathResult {
    length: Int!
    nodes: [PathNode!]!
    hops: [PathHop!]!
  }

  type TimelineItem {
    id: ID!
    kind: String!
    date: String
    roles: [String!]!
    title: String
    cites: [String!]!
  }

  type Query {
    """Entities by name or alias through the entity_names full-text index (accents folded)."""
    searchEntities(lucene: String!, first: Int! = 10): [SearchHit!]!
      @cypher(
        statement: """
        CALL db.index.fulltext.queryNodes('entity_names', $lucene, {limit: $first})
        YIELD node, score
        RETURN {id: node.id, kind: [l IN labels(node) WHERE l IN ['Person','Organization','Place','Facility','Program']][0],
                name: node.name, slug: node.slug, score: score} AS hit
        """
        columnName: "hit"
      )

    """Shortest paths of at most maxHops hops between two entities (not through documents)."""
    paths(from: String!, to: String!, maxHops: Int! = 4, first: Int! = 5): [PathResult!]!
      @cypher(
        statement: """
        MATCH (a:Entity {slug: $from})
        MATCH (b:Entity {slug: $to})
        MATCH p = allShortestPaths((a)-[:PART_OF|GOVERNS|LOCATED_IN|OPERATED_BY|RUN_BY|HOLDS|POST_IN|PARTICIPATED_IN|HELD_IN|HELD_AT|INVOLVES|STATED|AT_EVENT|ABOUT|REPORTS|COMMITS|CONCERNS|TARGETS|MEASURES*..8]-(b))
        WHERE length(p) <= $maxHops AND a <> b
        WITH p LIMIT $first
        RETURN {length: length(p),
                nodes: [n IN nodes(p) | {id: n.id, kind: [l IN labels(n) WHERE NOT l IN ['Node','Entity','Fact','Source']][0], label: coalesce(n.name, n.title, n.role, n.summary)}],
                hops: [r IN relationships(p) | {type: type(r), from: startNode(r).id, to: endNode(r).id,
                  citations: [k IN coalesce(r.cites, []) | COLLECT {
                    MATCH (d:Node {id: left(k, size(k) - size(last(split(k, '@'))) - 1)})
                    WITH d, [x IN split(last(split(k, '@')), ':') | toInteger(x)] AS span
                    RETURN {document: d.id, title: d.title, start: span[0], end: span[1], excerpt: substring(d.text, span[0], span[1] - span[0])} }[0]]}]} AS path
        """
        columnName: "path"
      )
  }
`;
