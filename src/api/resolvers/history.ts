import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GraphNode } from '../../graph/records.js';
import type { Context } from '../context.js';
import { Edit, Entity, Fact } from '../types.js';

// `history` on the Fact and Entity interfaces (and so on every kind implementing them): the Edit
// nodes of a node, through one batch loader (one query per level).

@Resolver(() => Fact)
export class FactHistoryResolver {
  @FieldResolver(() => [Edit], { description: 'Editors\' confirmations and rejections of this fact, oldest first.' })
  async history(@Root() n: GraphNode, @Ctx() ctx: Context) {
    return ctx.loaders.history.load(n.id);
  }
}

@Resolver(() => Entity)
export class EntityHistoryResolver {
  @FieldResolver(() => [Edit], { description: 'Merges into and splits of this entity, oldest first.' })
  async history(@Root() n: GraphNode, @Ctx() ctx: Context) {
    return ctx.loaders.history.load(n.id);
  }
}
