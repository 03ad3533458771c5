import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { DATA_HEALTH_AGGREGATE } from '../../../lib/auth';
import { checkReferences, databaseHealth, DatabaseHealth, INACCESSIBLE, requires } from '../../../lib/data-health';
import { AGGREGATE } from '../../../lib/federation';
import { checkMayAggregate } from '../../../lib/subgraph';
import type { Ctx as Context } from '../context';
import { ProvinceDataHealth } from '../types/province-data-health.type';

@Resolver(() => ProvinceDataHealth)
export class ProvinceDataHealthResolver {
  @Directive(requires('dossierHandlerIds'))
  @Directive(AGGREGATE)
  @Directive(DATA_HEALTH_AGGREGATE)
  @FieldResolver(() => DatabaseHealth, {
    nullable: true,
    description: "The civil-servants database's servants of the province: empty fields, invalid IDs, freshness; and the references into it that point at nothing: handlers of dossiers, servants' agencies.",
  })
  async civilServants(@Root() health: ProvinceDataHealth, @Ctx() { loaders, scope }: Context): Promise<DatabaseHealth> {
    checkMayAggregate(scope, health.provinceCode);
    const [own, agencies, handlers] = await Promise.all([
      loaders.ownHealth.load(health.provinceCode),
      loaders.agencies.load(health.provinceCode),
      checkReferences({ reference: 'Dossier.handler', holder: 'public-services', target: 'civil-servants', key: 'personalId' }, health.dossierHandlerIds, (ids) =>
        loaders.missingServants.load(ids),
      ),
    ]);
    return databaseHealth(own, [handlers, agencies]);
  }

  @Directive(INACCESSIBLE)
  @Directive(DATA_HEALTH_AGGREGATE)
  @FieldResolver(() => [String], { nullable: true, description: "Personal IDs of the province's servants, for residents to check; never shown to a client." })
  async civilServantIds(@Root() health: ProvinceDataHealth, @Ctx() { loaders, scope }: Context): Promise<string[]> {
    checkMayAggregate(scope, health.provinceCode);
    return loaders.servantIds.load(health.provinceCode);
  }
}
