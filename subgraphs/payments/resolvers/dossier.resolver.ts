import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Ctx as Context } from '../context';
import { feeStatusOf, type FeeStatus } from '../rules/fee-status';
import { dossierCodeParts } from '../rules/payment-input';
import { Dossier } from '../types/dossier.type';
import { FeeStatusEnum } from '../types/fee-status.type';
import { Payment } from '../types/payment.type';

@Resolver(() => Dossier)
export class DossierResolver {
  @FieldResolver(() => [Payment], { description: "Every attempt to pay this dossier's fee, oldest first." })
  payments(@Root() dossier: Dossier, @Ctx() ctx: Context): Promise<Payment[]> {
    return ctx.loaders.paymentsByDossier.load(dossier.code);
  }

  @FieldResolver(() => FeeStatusEnum, { description: "Where the dossier stands with its procedure's fee, over all its payment attempts." })
  async feeStatus(@Root() dossier: Dossier, @Ctx() ctx: Context): Promise<FeeStatus> {
    const procedureCode = dossierCodeParts(dossier.code)?.procedureCode;
    const [fee, payments] = await Promise.all([
      procedureCode ? ctx.loaders.feeByProcedure.load(procedureCode) : null,
      ctx.loaders.paymentsByDossier.load(dossier.code),
    ]);
    return feeStatusOf(fee ?? 0, payments.map((p) => p.status));
  }
}
