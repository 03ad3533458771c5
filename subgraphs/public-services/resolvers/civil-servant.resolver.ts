import { Arg, Ctx, Directive, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { PERSONAL_DATA } from '../../../lib/auth';
import { pageSize } from '../../../lib/graphql/connection';
import { FIRST_ITEMS } from '../../../lib/federation';
import type { PublicServicesContext } from '../context';
import type { DossierRecord } from '../data/dossier-record';
import { DOSSIERS_READ } from '../types/access-rules';
import { CivilServant } from '../types/civil-servant.type';
import { Dossier } from '../types/dossier.type';

@Resolver(() => CivilServant)
export class CivilServantResolver {
  @Directive(FIRST_ITEMS)
  @Directive(DOSSIERS_READ)
  @Directive(PERSONAL_DATA)
  @FieldResolver(() => [Dossier], { nullable: true, description: 'Dossiers assigned to this officer, newest first.' })
  assignedDossiers(
    @Root() servant: CivilServant,
    @Arg('first', () => Int, { nullable: true, description: 'How many: default 20, at most 100.' }) first: number | null,
    @Ctx() ctx: PublicServicesContext,
  ): Promise<DossierRecord[]> {
    return ctx.loaders.handlerDossiers.load({ personalId: servant.personalId, limit: pageSize(first) });
  }
}
