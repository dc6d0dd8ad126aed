/**
 * How many documents `ingestMany` (many.ts) makes ready at once unless told otherwise: four, as
 * the NLP engine's annotation of a document takes about a third of the time its write does.
 * Apart from many.ts so that the command line's help shows it without loading the pipeline.
 */
export const DEFAULT_INGEST_CONCURRENCY = 4;
