import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { DATA_HEALTH_AGGREGATE } from '../../../lib/auth';
import { checkReferences, databaseHealth, DatabaseHealth, INACCESSIBLE, requires } from '../../../lib/data-health';
import { AGGREGATE } from '../../../lib/federation';
import { checkMayAggregate } from '../../../lib/subgraph';
import type { PublicServicesContext } from '../context';
import { ProvinceDataHealth } from '../types/province-data-health.type';

const REFERENCES_ONLY = { nullable: true, description: 'For the database that holds what it points at to check; never shown to a client.' };

@Resolver(() => ProvinceDataHealth)
export class ProvinceDataHealthResolver {
  @Directive(requires('paymentDossierCodes'))
  @Directive(AGGREGATE)
  @Directive(DATA_HEALTH_AGGREGATE)
  @FieldResolver(() => DatabaseHealth, {
    nullable: true,
    description: "The portal's dossiers of the province: empty fields, invalid IDs, dossiers left idle; and the payments whose dossier code points at nothing.",
  })
  async publicServices(@Root() health: ProvinceDataHealth, @Ctx() { loaders, scope }: PublicServicesContext): Promise<DatabaseHealth> {
    checkMayAggregate(scope, health.provinceCode);
    const [own, payments] = await Promise.all([
      loaders.ownHealth.load(health.provinceCode),
      checkReferences({ reference: 'Payment.dossier', holder: 'payments', target: 'public-services', key: 'dossierCode' }, health.paymentDossierCodes, (codes) =>
        loaders.missingDossiers.load(codes),
      ),
    ]);
    return databaseHealth(own, [payments]);
  }

  @Directive(INACCESSIBLE)
  @Directive(DATA_HEALTH_AGGREGATE)
  @FieldResolver(() => [String], REFERENCES_ONLY)
  async dossierApplicantIds(@Root() health: ProvinceDataHealth, @Ctx() { loaders, scope }: PublicServicesContext): Promise<string[]> {
    checkMayAggregate(scope, health.provinceCode);
    return (await loaders.namedByDossiers.load(health.provinceCode)).applicants;
  }

  @Directive(INACCESSIBLE)
  @Directive(DATA_HEALTH_AGGREGATE)
  @FieldResolver(() => [String], REFERENCES_ONLY)
  async dossierHandlerIds(@Root() health: ProvinceDataHealth, @Ctx() { loaders, scope }: PublicServicesContext): Promise<string[]> {
    checkMayAggregate(scope, health.provinceCode);
    return (await loaders.namedByDossiers.load(health.provinceCode)).handlers;
  }
}
