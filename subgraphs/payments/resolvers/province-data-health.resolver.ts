import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { DATA_HEALTH_AGGREGATE } from '../../../lib/auth';
import { databaseHealth, DatabaseHealth, INACCESSIBLE } from '../../../lib/data-health';
import { AGGREGATE } from '../../../lib/federation';
import { checkMayAggregate } from '../../../lib/subgraph';
import type { Ctx as Context } from '../context';
import { ProvinceDataHealth } from '../types/province-data-health.type';

const REFERENCES_ONLY = { nullable: true, description: 'For the database that holds what it points at to check; never shown to a client.' };

@Resolver(() => ProvinceDataHealth)
export class ProvinceDataHealthResolver {
  @Directive(AGGREGATE)
  @Directive(DATA_HEALTH_AGGREGATE)
  @FieldResolver(() => DatabaseHealth, {
    nullable: true,
    description: "The payment platform's payments of the province: empty fields, invalid IDs, payments left pending. No other database points into it.",
  })
  async payments(@Root() health: ProvinceDataHealth, @Ctx() { loaders, scope }: Context): Promise<DatabaseHealth> {
    checkMayAggregate(scope, health.provinceCode);
    return databaseHealth(await loaders.ownHealth.load(health.provinceCode), []);
  }

  @Directive(INACCESSIBLE)
  @Directive(DATA_HEALTH_AGGREGATE)
  @FieldResolver(() => [String], REFERENCES_ONLY)
  async paymentPayerIds(@Root() health: ProvinceDataHealth, @Ctx() { loaders, scope }: Context): Promise<string[]> {
    checkMayAggregate(scope, health.provinceCode);
    return (await loaders.namedByPayments.load(health.provinceCode)).payers;
  }

  @Directive(INACCESSIBLE)
  @Directive(DATA_HEALTH_AGGREGATE)
  @FieldResolver(() => [String], REFERENCES_ONLY)
  async paymentDossierCodes(@Root() health: ProvinceDataHealth, @Ctx() { loaders, scope }: Context): Promise<string[]> {
    checkMayAggregate(scope, health.provinceCode);
    return (await loaders.namedByPayments.load(health.provinceCode)).dossiers;
  }
}
