import { Arg, Ctx, Directive, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { requiresScopes } from '../../../lib/auth';
import { pageSize } from '../../../lib/graphql/connection';
import { FIRST_ITEMS } from '../../../lib/federation';
import type { Ctx as Context } from '../context';
import { auditViewOf, coversCitizen, noteSubjects, shownIn } from '../rules/audit-view';
import { AccessRecord } from '../types/access-record.type';
import { Citizen } from '../types/citizen.type';

@Resolver(() => Citizen)
export class CitizenResolver {
  @Directive(FIRST_ITEMS)
  @Directive(requiresScopes(['audit:self'], ['audit:read']))
  @FieldResolver(() => [AccessRecord], {
    nullable: true,
    description: "Who read this citizen's personal data, when and why, newest first. A citizen sees only their own log (another citizen's is empty).",
  })
  async accessLog(
    @Root() citizen: Citizen,
    @Arg('first', () => Int, { nullable: true, description: 'How many: 20 by default, at most 100.' }) first: number | null,
    @Ctx() ctx: Context,
  ): Promise<AccessRecord[]> {
    const size = pageSize(first);
    const view = auditViewOf(ctx.caller);
    if (!coversCitizen(view, citizen.personalId)) return [];
    const records = await ctx.loaders.accessLog.load({ personalId: citizen.personalId, first: size });
    const shown = records.map((record) => shownIn(view, record));
    noteSubjects(ctx, shown);
    return shown;
  }
}
