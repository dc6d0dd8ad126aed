import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GraphNode } from '../../graph/records.js';
import type { Context } from '../context.js';
import { Edit, Entity, Fact } from '../types.js';

// `history` on the Fact and Entity interfaces (and so on every kind implementing them): the Edit
// nodes of a node, through one batch loader (one query per level).

@Resolver(() => Fact)
export class FactHistoryResolver {
  @FieldResolver(() => [Edit], { description: "Editors' confirmations and rejections of this fact, and undos of them, oldest first; empty when no editor has reviewed it." })
  async history(@Root() n: GraphNode, @Ctx() ctx: Context) {
    return ctx.loaders.history.load(n.id);
  }
}

@Resolver(() => Entity)
export class EntityHistoryResolver {
  @FieldResolver(() => [Edit], { description: "Editors' edits of this entity, oldest first: merges into it, unmerges, splits, dismissed look-alikes and undos; empty when no editor has changed it." })
  async history(@Root() n: GraphNode, @Ctx() ctx: Context) {
    return ctx.loaders.history.load(n.id);
  }
}
