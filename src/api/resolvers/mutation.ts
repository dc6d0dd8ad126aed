import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Mutation, Resolver, Root } from 'type-graphql';
import { dismissDuplicate, EditError, mergeEntities, reviewFact, splitEntity, undoEdit, unmergeEntities, type EditBy } from '../../graph/edits.js';
import { Loaders } from '../../graph/loaders.js';
import type { GraphNode } from '../../graph/records.js';
import { DocumentError, DOCUMENT_EXTENSIONS, MAX_DOCUMENT_BYTES, parsePublished, type DocumentPart } from '../../ingest/metadata.js';
import { ingest } from '../../ingest/pipeline.js';
import type { Context } from '../context.js';
import { badInput, notFoundArg } from '../errors.js';
import { Commitment, Document, Entity, EntityMatch, Event, Fact, IngestResult, Node } from '../types.js';

// Every mutation needs an editor key (see auth.ts) and runs in one write transaction.

const MAX_NOTE = 2000;
const MAX_NAME = 300;

@InputType({ description: 'A document to ingest: its text and optional metadata (the same fields as a sidecar JSON file of `kg ingest`).' })
class IngestDocumentInput {
  @Field(() => String, {
    description: 'File name, with the extension that says its format (.txt, .md, .html). It becomes the document id (document:<fileName>).',
  })
  fileName!: string;
  @Field(() => String, { description: `The document's text, at most ${MAX_DOCUMENT_BYTES} bytes of UTF-8. Front matter may carry metadata too (it wins over these fields).` })
  content!: string;
  @Field(() => String, { nullable: true, description: 'The headline; else the first line of the text.' }) title?: string;
  @Field(() => String, { nullable: true, description: 'Who published it: an outlet or a government office.' }) publisher?: string;
  @Field(() => String, { nullable: true, description: 'http(s) address of the original.' }) url?: string;
  @Field(() => String, { nullable: true, description: 'Publication date: YYYY-MM-DD, YYYY-MM or YYYY.' }) published?: string;
}

function who(ctx: Context, note?: string | null): EditBy {
  if (note && note.length > MAX_NOTE) throw badInput('note', `at most ${MAX_NOTE} characters (got ${note.length})`);
  return { by: ctx.auth!.name, note: note?.trim() || null };
}

/** Runs an edit; an EditError becomes the GraphQL error a client sees. */
async function edit<T>(ctx: Context, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof EditError) throw e.kind === 'not-found' ? notFoundArg(e.argument, e.message) : badInput(e.argument, e.message);
    throw e;
  } finally {
    fresh(ctx);
  }
}

/** After a write, the request's loaders start afresh (a later mutation of the same request must not read cached values). */
function fresh(ctx: Context): void {
  ctx.loaders = new Loaders(ctx.db);
}

/** Which input field a pipeline DocumentError is about (the metadata fields travel as the sidecar): the content, with its front matter, unless its part names another. */
function documentArgument(part: DocumentPart): string {
  if (part === 'name') return 'input.fileName';
  if (typeof part === 'object' && (INPUT_METADATA as readonly string[]).includes(part.sidecarField)) return `input.${part.sidecarField}`;
  return 'input.content';
}

/** The fields of IngestDocumentInput that ingestDocument hands to the pipeline as the sidecar. */
const INPUT_METADATA = ['title', 'publisher', 'url', 'published'] as const;

@Resolver()
export class MutationResolver {
  @Authorized('editor')
  @Mutation(() => IngestResult, {
    description:
      'Extracts the people, bodies, places, events, statements, commitments and figures of a Spanish document and adds them to the graph ' +
      'in one transaction, linked to what the graph already holds. Ingesting the same document again changes nothing.',
  })
  async ingestDocument(@Arg('input', () => IngestDocumentInput, { description: 'The document and its metadata.' }) input: IngestDocumentInput, @Ctx() ctx: Context): Promise<IngestResult> {
    const fileName = input.fileName.trim();
    // eslint-disable-next-line no-control-regex -- a file name with control characters is refused
    if (!fileName || fileName.length > 255 || /[/\\\u0000-\u001f]/.test(fileName)) {
      throw badInput('input.fileName', 'must be a plain file name (no folders), 1 to 255 characters, such as "nota.txt"');
    }
    const ext = /\.[^.]+$/.exec(fileName)?.[0].toLowerCase() ?? '';
    if (ext && !(DOCUMENT_EXTENSIONS as readonly string[]).includes(ext)) {
      throw badInput('input.fileName', `unsupported file type "${ext}" (expected ${DOCUMENT_EXTENSIONS.join(', ')})`);
    }
    const bytes = Buffer.byteLength(input.content, 'utf8');
    if (bytes > MAX_DOCUMENT_BYTES) throw badInput('input.content', `is ${bytes} bytes, over the limit of ${MAX_DOCUMENT_BYTES} bytes`);
    if (!input.content.trim()) throw badInput('input.content', 'is empty');
    if (input.published) {
      const p = parsePublished(input.published, new Date());
      if (!p.ok) throw badInput('input.published', p.problem);
    }
    const meta = Object.fromEntries(INPUT_METADATA.filter((k) => input[k]?.trim()).map((k) => [k, input[k]!.trim()]));
    try {
      const r = await ingest(ctx.db, fileName, input.content, Object.keys(meta).length ? JSON.stringify(meta) : null, { nlp: (await ctx.nlp?.get()) ?? null });
      ctx.ingested?.(r);
      return {
        documentId: r.document,
        title: r.title,
        newDocument: r.newDocument,
        newEntityIds: r.newEntities,
        linkedEntities: r.linkedEntities,
        candidateMatches: r.candidateMatches,
        facts: r.facts,
        linkedEventIds: r.linkedEvents,
        repeatedCommitmentIds: r.repeatedCommitments,
      };
    } catch (e) {
      if (e instanceof DocumentError) throw badInput(documentArgument(e.part), e.problem);
      throw e;
    } finally {
      fresh(ctx);
    }
  }

  @Authorized('editor')
  @Mutation(() => Fact, { description: "Marks a fact confirmed, recording who (the API key's name), when and the note in its history." })
  confirmFact(
    @Arg('id', () => ID, { description: "The fact's id." }) id: string,
    @Ctx() ctx: Context,
    @Arg('note', () => String, { nullable: true, description: 'Why: kept in the history.' }) note?: string,
  ) {
    return edit(ctx, () => reviewFact(ctx.db, id, 'confirmed', who(ctx, note)));
  }

  @Authorized('editor')
  @Mutation(() => Fact, { description: 'Marks a fact rejected (it stays in the graph, with reviewStatus REJECTED), recording who, when and the note in its history.' })
  rejectFact(
    @Arg('id', () => ID, { description: "The fact's id." }) id: string,
    @Ctx() ctx: Context,
    @Arg('note', () => String, { nullable: true, description: 'Why: kept in the history.' }) note?: string,
  ) {
    return edit(ctx, () => reviewFact(ctx.db, id, 'rejected', who(ctx, note)));
  }

  @Authorized('editor')
  @Mutation(() => Entity, {
    description:
      'Merges two entities of the same kind that are one: every relationship of `merge` moves to `keep` (both directions, any type, ' +
      "with its properties and citations), `merge`'s name and aliases become aliases of `keep`, and `merge` is deleted; its id and slug " +
      'redirect to `keep` (lookups answer `keep`, with redirectedFrom). Entities that share no name, alias or acronym are refused unless ' +
      '`force` is true and a note says why. Returns the kept entity; its history records the merge, which unmergeEntities or undoEdit undo.',
  })
  mergeEntities(
    @Arg('keep', () => ID, { description: 'The entity that stays (id or slug).' }) keep: string,
    @Arg('merge', () => ID, { description: 'The entity merged into it and deleted (id or slug).' }) merge: string,
    @Ctx() ctx: Context,
    @Arg('note', () => String, { nullable: true, description: 'Why: kept in the history (required with force).' }) note?: string,
    @Arg('force', () => Boolean, { defaultValue: false, description: 'Merge even though the two share no name, alias or acronym (needs a note).' }) force = false,
  ) {
    return edit(ctx, () => mergeEntities(ctx.db, keep, merge, who(ctx, note), { force }));
  }

  @Authorized('editor')
  @Mutation(() => Entity, {
    description:
      'Undoes a merge from its recorded history: the merged entity is back with its id, slug, names, citations and relationships, and ' +
      'the kept entity loses what the merge gave it (relationships added to it since stay with it). Refused when the kept entity was itself ' +
      'merged into another since (unmerge that first). Returns the entity restored; both histories record the unmerge.',
  })
  unmergeEntities(
    @Arg('merged', () => ID, { description: "The id or slug the merged entity had, or the id of the merge's edit." }) merged: string,
    @Ctx() ctx: Context,
    @Arg('note', () => String, { nullable: true, description: 'Why: kept in the history.' }) note?: string,
  ) {
    return edit(ctx, () => unmergeEntities(ctx.db, merged, who(ctx, note)));
  }

  @Authorized('editor')
  @Mutation(() => Node, {
    description:
      'Undoes one edit from its history (an Edit id, see `history`): a confirmation or rejection puts the previous review back (refused ' +
      'when a later review changed the fact since), a merge is unmerged, a split merged back, a dismissal of possible duplicates listed ' +
      'again. The edit is marked undone (undoneAt, undoneBy) and an UNDO edit records who and when. Returns the node changed.',
  })
  undoEdit(
    @Arg('id', () => ID, { description: 'The id of the edit to undo.' }) id: string,
    @Ctx() ctx: Context,
    @Arg('note', () => String, { nullable: true, description: 'Why: kept in the history.' }) note?: string,
  ) {
    return edit(ctx, () => undoEdit(ctx.db, id, who(ctx, note)));
  }

  @Authorized('editor')
  @Mutation(() => Entity, {
    description: 'Says two entities listed by possibleDuplicates are not one: the pair leaves the list and both histories record who dismissed it, when and why. Ids or slugs. Returns `a`.',
  })
  dismissDuplicate(
    @Arg('a', () => ID, { description: 'One entity of the pair (id or slug).' }) a: string,
    @Arg('b', () => ID, { description: 'The other (id or slug).' }) b: string,
    @Ctx() ctx: Context,
    @Arg('note', () => String, { nullable: true, description: 'Why they are not one: kept in both histories.' }) note?: string,
  ) {
    return edit(ctx, () => dismissDuplicate(ctx.db, a, b, who(ctx, note)));
  }

  @Authorized('editor')
  @Mutation(() => Entity, {
    description:
      'Splits a wrongly merged entity: a new entity of the same kind named `name` takes the aliases `names`, which leave the original. ' +
      'Citations whose passage reads one of the split names move with them. Relationships stay with the original: an editor ' +
      're-links the facts that belong to the new entity afterwards. Returns the new entity; both histories record the split.',
  })
  splitEntity(
    @Arg('id', () => ID, { description: 'The entity to split (id or slug).' }) id: string,
    @Arg('names', () => [String], { description: 'Aliases of the entity that name the other one (accents and case ignored).' }) names: string[],
    @Arg('name', () => String, { description: 'Name of the new entity.' }) name: string,
    @Ctx() ctx: Context,
    @Arg('note', () => String, { nullable: true, description: 'Why: kept in both histories.' }) note?: string,
  ) {
    if (name.length > MAX_NAME) throw badInput('name', `at most ${MAX_NAME} characters`);
    return edit(ctx, () => splitEntity(ctx.db, id, names, name, who(ctx, note)));
  }
}

@Resolver(() => IngestResult)
export class IngestResultResolver {
  @FieldResolver(() => Document, { description: 'The ingested document.' })
  async document(@Root() r: IngestResult, @Ctx() ctx: Context) {
    return ctx.loaders.node.load(r.documentId);
  }

  @FieldResolver(() => [Entity], { description: 'Entities the document added to the graph.' })
  async newEntities(@Root() r: IngestResult, @Ctx() ctx: Context) {
    return present(await ctx.loaders.node.loadMany(r.newEntityIds));
  }

  @FieldResolver(() => [Event], { description: 'Events of the document the graph already held (reported by another source).' })
  async linkedEvents(@Root() r: IngestResult, @Ctx() ctx: Context) {
    return present(await ctx.loaders.node.loadMany(r.linkedEventIds));
  }

  @FieldResolver(() => [Commitment], { description: 'Commitments the graph already held that the document repeats.' })
  async repeatedCommitments(@Root() r: IngestResult, @Ctx() ctx: Context) {
    return present(await ctx.loaders.node.loadMany(r.repeatedCommitmentIds));
  }
}

@Resolver(() => EntityMatch)
export class EntityMatchResolver {
  @FieldResolver(() => Entity, { nullable: true, description: 'The graph entity; if it has since been merged into another, that one (null if it is gone).' })
  async entity(@Root() m: EntityMatch, @Ctx() ctx: Context) {
    const node = await ctx.loaders.node.load(m.id);
    if (node) return node;
    const [redirect] = (await ctx.repo.refCandidates([m.id], () => '')).filter((c) => c.how === 'redirect');
    return redirect ? ctx.loaders.node.load(redirect.id) : null;
  }
}

function present(items: (GraphNode | null | Error)[]): GraphNode[] {
  return items.filter((n): n is GraphNode => n !== null && !(n instanceof Error));
}
