import { Arg, Ctx, Directive, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { PERSONAL_DATA } from '../../../lib/auth';
import { notFound } from '../../../lib/errors';
import { listSize } from '../../../lib/federation';
import type { ResidentsContext } from '../context';
import type { CitizenRecord } from '../data/citizen.repository';
import type { HouseholdRecord } from '../data/household.repository';
import { findCommune, findProvince } from '../data/places';
import { stored } from '../data/stored';
import { RESIDENTS_READ } from '../types/access-rules';
import { Citizen } from '../types/citizen.type';
import { Commune } from '../types/commune.type';
import { Household } from '../types/household.type';
import { Province } from '../types/province.type';

@Resolver(() => Household)
export class HouseholdResolver {
  @Directive(RESIDENTS_READ)
  @Directive(PERSONAL_DATA)
  @Query(() => Household, { nullable: true, description: 'The household with this number (NOT_FOUND if none, or if it is outside your jurisdiction).' })
  async household(
    @Arg('id', () => ID, { description: 'Household number, e.g. "HK000000042".' }) id: string,
    @Ctx() { loaders }: ResidentsContext,
  ): Promise<HouseholdRecord> {
    const found = await loaders.household.load(id);
    if (!found) throw notFound('household', id);
    return found;
  }

  // Nullable because a citizen sees their own household but no other member of it, its head included.
  @Directive(RESIDENTS_READ)
  @Directive(PERSONAL_DATA)
  @FieldResolver(() => Citizen, { nullable: true, description: 'Head of the household (chủ hộ); null if outside your jurisdiction (a citizen sees only themself).' })
  head(@Root() household: HouseholdRecord, @Ctx() { loaders }: ResidentsContext): Promise<CitizenRecord | null> {
    return loaders.citizen.load(household.headId);
  }

  @Directive(listSize({ assumedSize: 10 }))
  @Directive(RESIDENTS_READ)
  @Directive(PERSONAL_DATA)
  @FieldResolver(() => [Citizen], { nullable: true, description: 'Everyone registered in the household in your jurisdiction (a citizen sees only themself): the head first, then the others from the oldest.' })
  members(@Root() household: HouseholdRecord, @Ctx() { loaders }: ResidentsContext): Promise<CitizenRecord[]> {
    return loaders.householdMembers.load(household.id);
  }

  @Directive(RESIDENTS_READ)
  @Directive(PERSONAL_DATA)
  @FieldResolver(() => Province, { nullable: true, description: 'Province of the residence (2025 units).' })
  province(@Root() household: HouseholdRecord): Province {
    return stored(findProvince(household.provinceCode), 'province', household.provinceCode);
  }

  @Directive(RESIDENTS_READ)
  @Directive(PERSONAL_DATA)
  @FieldResolver(() => Commune, { nullable: true, description: 'Commune of the residence.' })
  commune(@Root() household: HouseholdRecord): Commune {
    return stored(findCommune(household.communeCode), 'commune', household.communeCode);
  }
}
