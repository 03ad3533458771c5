import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { PERSONAL_DATA } from '../../../lib/auth';
import type { Ctx as Context } from '../context';
import { CIVIL_SERVANTS_READ } from '../types/access-rules';
import { Citizen } from '../types/citizen.type';
import { CivilServant } from '../types/civil-servant.type';

@Resolver(() => Citizen)
export class CitizenResolver {
  @Directive(CIVIL_SERVANTS_READ)
  @Directive(PERSONAL_DATA)
  @FieldResolver(() => CivilServant, {
    nullable: true,
    description: 'The citizen\'s civil-service e-dossier; null if they are not a cadre, civil servant or public employee, or are outside your jurisdiction.',
  })
  civilServant(@Root() citizen: Citizen, @Ctx() ctx: Context): Promise<CivilServant | null> {
    return ctx.loaders.civilServant.load(citizen.personalId);
  }
}
