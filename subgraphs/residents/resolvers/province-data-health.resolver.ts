import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { DATA_HEALTH_AGGREGATE } from '../../../lib/auth';
import { checkReferences, databaseHealth, DatabaseHealth, requires, type ReferenceSpec } from '../../../lib/data-health';
import { AGGREGATE } from '../../../lib/federation';
import { checkMayAggregate } from '../../../lib/subgraph';
import type { ResidentsContext } from '../context';
import { ProvinceDataHealth } from '../types/province-data-health.type';

/** References other databases hold to citizens, and the field each arrives in. */
const INCOMING: readonly (readonly [ReferenceSpec, 'dossierApplicantIds' | 'paymentPayerIds' | 'civilServantIds'])[] = [
  [{ reference: 'Dossier.applicant', holder: 'public-services', target: 'residents', key: 'personalId' }, 'dossierApplicantIds'],
  [{ reference: 'Payment.payer', holder: 'payments', target: 'residents', key: 'personalId' }, 'paymentPayerIds'],
  [{ reference: 'CivilServant.personalId', holder: 'civil-servants', target: 'residents', key: 'personalId' }, 'civilServantIds'],
];

@Resolver(() => ProvinceDataHealth)
export class ProvinceDataHealthResolver {
  @Directive(requires('dossierApplicantIds', 'paymentPayerIds', 'civilServantIds'))
  @Directive(AGGREGATE)
  @Directive(DATA_HEALTH_AGGREGATE)
  @FieldResolver(() => DatabaseHealth, {
    nullable: true,
    description:
      "The population database's citizens of the province: empty fields, invalid IDs, freshness; and the references into it that point at nothing: applicants of dossiers, payers of payments, civil servants, and family links.",
  })
  async residents(@Root() health: ProvinceDataHealth, @Ctx() { loaders, scope }: ResidentsContext): Promise<DatabaseHealth> {
    checkMayAggregate(scope, health.provinceCode);
    const missing = (ids: readonly string[]) => loaders.missingCitizens.load(ids);
    const [own, relatives, ...incoming] = await Promise.all([
      loaders.ownHealth.load(health.provinceCode),
      loaders.relatives.load(health.provinceCode),
      ...INCOMING.map(([spec, field]) => checkReferences(spec, health[field], missing)),
    ]);
    return databaseHealth(own, [...incoming, ...relatives]);
  }
}
