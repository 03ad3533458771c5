import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Ctx as Context } from '../context';
import { Citizen } from '../types/citizen.type';
import { CivilServant } from '../types/civil-servant.type';

@Resolver(() => Citizen)
export class CitizenResolver {
  @FieldResolver(() => CivilServant, { nullable: true, description: 'The citizen\'s civil-service e-dossier; null if they are not a cadre, civil servant or public employee.' })
  civilServant(@Root() citizen: Citizen, @Ctx() ctx: Context): Promise<CivilServant | null> {
    return ctx.loaders.civilServant.load(citizen.personalId);
  }
}
