import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { PERSONAL_DATA } from '../../../lib/auth';
import type { Ctx as Context } from '../context';
import { feeStatusOf, type FeeStatus } from '../rules/fee-status';
import { dossierCodeParts } from '../rules/payment-input';
import { PAYMENTS_READ } from '../types/access-rules';
import { Dossier } from '../types/dossier.type';
import { FeeStatusEnum } from '../types/fee-status.type';
import { Payment } from '../types/payment.type';

@Resolver(() => Dossier)
export class DossierResolver {
  @Directive(PAYMENTS_READ)
  @Directive(PERSONAL_DATA)
  @FieldResolver(() => [Payment], { nullable: true, description: "Every attempt to pay this dossier's fee the caller may see, oldest first." })
  payments(@Root() dossier: Dossier, @Ctx() ctx: Context): Promise<Payment[]> {
    return ctx.loaders.paymentsByDossier.load(dossier.code);
  }

  @Directive(PAYMENTS_READ)
  @Directive(PERSONAL_DATA)
  @FieldResolver(() => FeeStatusEnum, { nullable: true, description: "Where the dossier stands with its procedure's fee, over its payment attempts the caller may see." })
  async feeStatus(@Root() dossier: Dossier, @Ctx() ctx: Context): Promise<FeeStatus> {
    const procedureCode = dossierCodeParts(dossier.code)?.procedureCode;
    const [fee, payments] = await Promise.all([
      procedureCode ? ctx.loaders.feeByProcedure.load(procedureCode) : null,
      ctx.loaders.paymentsByDossier.load(dossier.code),
    ]);
    // The status is read from these payments without returning them, so their payers are reported here.
    for (const payment of payments) if (payment.payer) ctx.accessedCitizens.add(payment.payer.personalId);
    return feeStatusOf(fee ?? 0, payments.map((p) => p.status));
  }
}
