import { Arg, Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { notFound } from '../../../lib/errors';
import { decodeCursor, pageSize, toConnection, type Connection } from '../../../lib/graphql/connection';
import { PersonalIdScalar } from '../../../lib/graphql/scalars';
import type { ResidentsContext } from '../context';
import { citizenPage, type CitizenRecord } from '../data/citizen.repository';
import type { HouseholdRecord } from '../data/household.repository';
import { findCommune, findLegacyProvince, findProvince } from '../data/places';
import { stored } from '../data/stored';
import { ageOn, vietnamDay } from '../domain/age';
import { citizenCriteria } from '../domain/citizen-criteria';
import { Citizen } from '../types/citizen.type';
import { CitizenConnection } from '../types/citizen-connection.type';
import { CitizensArgs } from '../types/citizens-args.type';
import { Commune } from '../types/commune.type';
import { Household } from '../types/household.type';
import { LegacyProvince } from '../types/legacy-province.type';
import { Province } from '../types/province.type';

const CITIZENS_FIELD = 'citizens';

@Resolver(() => Citizen)
export class CitizenResolver {
  @Query(() => Citizen, { nullable: true, description: 'The citizen with this personal ID (NOT_FOUND if nobody holds it).' })
  async citizen(
    @Arg('personalId', () => PersonalIdScalar, { description: 'The 12-digit personal ID.' }) personalId: string,
    @Ctx() { loaders }: ResidentsContext,
  ): Promise<CitizenRecord> {
    const found = await loaders.citizen.load(personalId);
    if (!found) throw notFound('citizen', personalId);
    return found;
  }

  @Query(() => CitizenConnection, { description: 'Citizens in personal-ID order, a page at a time, optionally filtered.' })
  async citizens(@Args() { filter, first, after }: CitizensArgs, @Ctx() { db }: ResidentsContext): Promise<Connection<CitizenRecord>> {
    const size = pageSize(first);
    const afterId = decodeCursor(CITIZENS_FIELD, after);
    const rows = await citizenPage(db, citizenCriteria(filter), afterId, size + 1);
    return toConnection(CITIZENS_FIELD, rows, size, (c) => c.personalId);
  }

  @FieldResolver(() => Int, { description: 'Age in whole years as of today (Vietnam time); for the deceased, the age at death.' })
  age(@Root() citizen: CitizenRecord): number {
    return ageOn(citizen.birthDate, citizen.deathDate ?? vietnamDay());
  }

  @FieldResolver(() => Boolean, { description: 'Whether the citizen has died (đã mất).' })
  deceased(@Root() citizen: CitizenRecord): boolean {
    return citizen.deathDate !== null;
  }

  @FieldResolver(() => LegacyProvince, { description: 'Province where the birth was registered (nơi đăng ký khai sinh): the personal ID\'s prefix.' })
  birthRegistrationProvince(@Root() citizen: CitizenRecord): LegacyProvince {
    return stored(findLegacyProvince(citizen.birthRegistrationCode), 'legacy province', citizen.birthRegistrationCode);
  }

  @FieldResolver(() => LegacyProvince, { description: 'Province of origin (quê quán), by its legacy code.' })
  hometown(@Root() citizen: CitizenRecord): LegacyProvince {
    return stored(findLegacyProvince(citizen.hometownCode), 'legacy province', citizen.hometownCode);
  }

  @FieldResolver(() => Province, { description: 'Province of current residence (2025 units).' })
  province(@Root() citizen: CitizenRecord): Province {
    return stored(findProvince(citizen.provinceCode), 'province', citizen.provinceCode);
  }

  @FieldResolver(() => Commune, { description: 'Commune of current residence.' })
  commune(@Root() citizen: CitizenRecord): Commune {
    return stored(findCommune(citizen.communeCode), 'commune', citizen.communeCode);
  }

  @FieldResolver(() => Household, { description: 'The household the citizen is registered in.' })
  async household(@Root() citizen: CitizenRecord, @Ctx() { loaders }: ResidentsContext): Promise<HouseholdRecord> {
    return stored(await loaders.household.load(citizen.householdId), 'household', citizen.householdId);
  }

  @FieldResolver(() => Citizen, { nullable: true, description: 'Father (cha); null if he is not in the population database.' })
  father(@Root() citizen: CitizenRecord, @Ctx() { loaders }: ResidentsContext): Promise<CitizenRecord | null> | null {
    return citizen.fatherId === null ? null : loaders.citizen.load(citizen.fatherId);
  }

  @FieldResolver(() => Citizen, { nullable: true, description: 'Mother (mẹ); null if she is not in the population database.' })
  mother(@Root() citizen: CitizenRecord, @Ctx() { loaders }: ResidentsContext): Promise<CitizenRecord | null> | null {
    return citizen.motherId === null ? null : loaders.citizen.load(citizen.motherId);
  }

  @FieldResolver(() => Citizen, { nullable: true, description: 'Spouse (vợ/chồng); null if unmarried or not in the population database.' })
  spouse(@Root() citizen: CitizenRecord, @Ctx() { loaders }: ResidentsContext): Promise<CitizenRecord | null> | null {
    return citizen.spouseId === null ? null : loaders.citizen.load(citizen.spouseId);
  }

  @FieldResolver(() => [Citizen], { description: 'Children (con) registered with this citizen as father or mother, eldest first.' })
  children(@Root() citizen: CitizenRecord, @Ctx() { loaders }: ResidentsContext): Promise<CitizenRecord[]> {
    return loaders.children.load(citizen.personalId);
  }
}
