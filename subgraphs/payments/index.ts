import { buildFederatedSchema } from '../../lib/federation';
import { personalIdOf, type SubgraphDefinition } from '../../lib/subgraph';
import { createContext, type Ctx } from './context';
import { migrations } from './data/migrations';
import { seedPayments } from './data/seed';
import type { Tables } from './data/tables';
import { CitizenResolver } from './resolvers/citizen.resolver';
import { resolveCitizenReference } from './resolvers/citizen.reference';
import { DossierResolver } from './resolvers/dossier.resolver';
import { resolveDossierReference } from './resolvers/dossier.reference';
import { PaymentMutationResolver } from './resolvers/payment-mutation.resolver';
import { PaymentResolver } from './resolvers/payment.resolver';
import { resolvePaymentReference } from './resolvers/payment.reference';
import { ProcedureResolver } from './resolvers/procedure.resolver';
import { resolveProcedureReference } from './resolvers/procedure.reference';
import { ProvinceResolver } from './resolvers/province.resolver';
import { resolveProvinceReference } from './resolvers/province.reference';
import { Citizen } from './types/citizen.type';
import { Dossier } from './types/dossier.type';
import { Procedure } from './types/procedure.type';
import type { Payment } from './types/payment.type';
import { Province } from './types/province.type';

/** The portal's payment platform: fees for dossiers, paid through intermediaries to the State Treasury. */
export const paymentsSubgraph: SubgraphDefinition<Tables, Ctx> = {
  name: 'payments',
  migrations,
  buildSchema: () =>
    buildFederatedSchema({
      resolvers: [PaymentResolver, PaymentMutationResolver, DossierResolver, CitizenResolver, ProvinceResolver, ProcedureResolver],
      // Entities payments only extends: Procedure is reachable from no root field.
      orphanedTypes: [Dossier, Citizen, Province, Procedure],
      referenceResolvers: {
        Payment: resolvePaymentReference,
        Dossier: resolveDossierReference,
        Citizen: resolveCitizenReference,
        Province: resolveProvinceReference,
        Procedure: resolveProcedureReference,
      },
    }),
  createContext,
  // A payment is its payer's personal data: reads of it go to the audit log.
  dataSubjects: { Payment: (payment) => (payment as Partial<Payment>).payer?.personalId, Citizen: personalIdOf },
  isEmpty: async (db) => (await db.kysely.selectFrom('payments').select('id').limit(1).executeTakeFirst()) === undefined,
  seed: seedPayments,
};
