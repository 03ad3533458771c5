import { Arg, Ctx, Directive, ID, Query, Resolver } from 'type-graphql';
import { AUTHENTICATED } from '../../../lib/auth';
import { notFound } from '../../../lib/errors';
import { ESSENTIAL_PROCEDURES } from '../../../lib/domain';
import { listSize } from '../../../lib/federation';
import type { PublicServicesContext } from '../context';
import { listProcedures, type ProcedureRecord } from '../data/procedure.repository';
import { Procedure } from '../types/procedure.type';

@Resolver(() => Procedure)
export class ProcedureResolver {
  @Directive(listSize({ assumedSize: ESSENTIAL_PROCEDURES.length }))
  @Directive(AUTHENTICATED)
  @Query(() => [Procedure], { nullable: true, description: 'Every procedure the portal accepts dossiers for, by code.' })
  procedures(@Ctx() ctx: PublicServicesContext): Promise<ProcedureRecord[]> {
    return listProcedures(ctx.db);
  }

  @Directive(AUTHENTICATED)
  @Query(() => Procedure, { nullable: true, description: 'One procedure by code; null with NOT_FOUND when none has it.' })
  async procedure(@Arg('code', () => ID, { description: 'Procedure code, e.g. DVC02.' }) code: string, @Ctx() ctx: PublicServicesContext): Promise<ProcedureRecord> {
    const found = await ctx.loaders.procedure.load(code);
    if (!found) throw notFound('procedure', code);
    return found;
  }
}
