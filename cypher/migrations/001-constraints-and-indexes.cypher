// Every node has a global id; entities also have a slug unique across kinds.
CREATE CONSTRAINT node_id IF NOT EXISTS FOR (n:Node) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT entity_slug IF NOT EXISTS FOR (n:Entity) REQUIRE n.slug IS UNIQUE;

// Names and aliases, matched with and without accents and case (the analyzer folds to ASCII).
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
FOR (n:Entity) ON EACH [n.name, n.aliasText]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding' } };

// Titles and summaries of facts and documents.
CREATE FULLTEXT INDEX fact_text IF NOT EXISTS
FOR (n:Event|Statement|Commitment|Document) ON EACH [n.title, n.summary]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding' } };

// Dates are ISO day strings (calendar order = string order): range indexes serve date filters.
CREATE RANGE INDEX event_date IF NOT EXISTS FOR (n:Event) ON (n.dateStart);
CREATE RANGE INDEX statement_date IF NOT EXISTS FOR (n:Statement) ON (n.dateStart);
CREATE RANGE INDEX commitment_deadline IF NOT EXISTS FOR (n:Commitment) ON (n.deadlineStart);
CREATE RANGE INDEX post_from IF NOT EXISTS FOR (n:Post) ON (n.fromStart);
CREATE RANGE INDEX document_published IF NOT EXISTS FOR (n:Document) ON (n.publishedStart);
CREATE RANGE INDEX figure_metric IF NOT EXISTS FOR (n:Figure) ON (n.metric);
