import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { AUTHENTICATED } from '../../../lib/auth';
import { notFound } from '../../../lib/errors';
import { VndScalar } from '../../../lib/graphql/scalars';
import type { Ctx as Context } from '../context';
import { Procedure } from '../types/procedure.type';

@Resolver(() => Procedure)
export class ProcedureResolver {
  // Reference data: any verified caller may read fees.
  @Directive(AUTHENTICATED)
  @FieldResolver(() => VndScalar, { nullable: true, description: "The procedure's fee in whole VND from the payment platform's fee schedule (0: free of charge)." })
  async fee(@Root() procedure: Procedure, @Ctx() ctx: Context): Promise<number> {
    const fee = await ctx.loaders.feeByProcedure.load(procedure.code);
    if (fee === null) throw notFound('fee for procedure', procedure.code);
    return fee;
  }
}
