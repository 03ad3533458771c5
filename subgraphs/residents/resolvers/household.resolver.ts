import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { notFound } from '../../../lib/errors';
import type { ResidentsContext } from '../context';
import type { CitizenRecord } from '../data/citizen.repository';
import type { HouseholdRecord } from '../data/household.repository';
import { findCommune, findProvince } from '../data/places';
import { stored } from '../data/stored';
import { Citizen } from '../types/citizen.type';
import { Commune } from '../types/commune.type';
import { Household } from '../types/household.type';
import { Province } from '../types/province.type';

@Resolver(() => Household)
export class HouseholdResolver {
  @Query(() => Household, { nullable: true, description: 'The household with this number (NOT_FOUND if none).' })
  async household(
    @Arg('id', () => ID, { description: 'Household number, e.g. "HK000000042".' }) id: string,
    @Ctx() { loaders }: ResidentsContext,
  ): Promise<HouseholdRecord> {
    const found = await loaders.household.load(id);
    if (!found) throw notFound('household', id);
    return found;
  }

  @FieldResolver(() => Citizen, { description: 'Head of the household (chủ hộ).' })
  async head(@Root() household: HouseholdRecord, @Ctx() { loaders }: ResidentsContext): Promise<CitizenRecord> {
    return stored(await loaders.citizen.load(household.headId), 'household head', household.headId);
  }

  @FieldResolver(() => [Citizen], { description: 'Everyone registered in the household: the head first, then the others from the oldest.' })
  members(@Root() household: HouseholdRecord, @Ctx() { loaders }: ResidentsContext): Promise<CitizenRecord[]> {
    return loaders.householdMembers.load(household.id);
  }

  @FieldResolver(() => Province, { description: 'Province of the residence (2025 units).' })
  province(@Root() household: HouseholdRecord): Province {
    return stored(findProvince(household.provinceCode), 'province', household.provinceCode);
  }

  @FieldResolver(() => Commune, { description: 'Commune of the residence.' })
  commune(@Root() household: HouseholdRecord): Commune {
    return stored(findCommune(household.communeCode), 'commune', household.communeCode);
  }
}
