import { Arg, Args, Ctx, Directive, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { PERSONAL_DATA } from '../../../lib/auth';
import { notFound } from '../../../lib/errors';
import { decodeCursor, pageSize, toConnection, type Connection } from '../../../lib/graphql/connection';
import { PersonalIdScalar } from '../../../lib/graphql/scalars';
import { PAGE_OF_EDGES, listSize } from '../../../lib/federation';
import type { ResidentsContext } from '../context';
import { citizenPage, type CitizenRecord } from '../data/citizen.repository';
import type { HouseholdRecord } from '../data/household.repository';
import { findCommune, findLegacyProvince, findProvince } from '../data/places';
import { stored } from '../data/stored';
import { ageOn, vietnamDay } from '../domain/age';
import { citizenCriteria } from '../domain/citizen-criteria';
import { RESIDENTS_READ } from '../types/access-rules';
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
  @Directive(RESIDENTS_READ)
  @Directive(PERSONAL_DATA)
  @Query(() => Citizen, { nullable: true, description: 'The citizen with this personal ID (NOT_FOUND if nobody holds it, or if they are outside your jurisdiction).' })
  async citizen(
    @Arg('personalId', () => PersonalIdScalar, { description: 'The 12-digit personal ID.' }) personalId: string,
    @Ctx() { loaders }: ResidentsContext,
  ): Promise<CitizenRecord> {
    const found = await loaders.citizen.load(personalId);
    if (!found) throw notFound('citizen', personalId);
    return found;
  }

  @Directive(PAGE_OF_EDGES)
  @Directive(RESIDENTS_READ)
  @Directive(PERSONAL_DATA)
  @Query(() => CitizenConnection, { nullable: true, description: 'Citizens in your jurisdiction in personal-ID order, a page at a time, optionally filtered.' })
  async citizens(@Args() { filter, first, after }: CitizensArgs, @Ctx() { db, scope }: ResidentsContext): Promise<Connection<CitizenRecord>> {
    const size = pageSize(first);
    const afterId = decodeCursor(CITIZENS_FIELD, after);
    const rows = await citizenPage(db, scope, citizenCriteria(filter), afterId, size + 1);
    return toConnection(CITIZENS_FIELD, rows, size, (c) => c.personalId);
  }

  @Directive(RESIDENTS_READ)
  @Directive(PERSONAL_DATA)
  @FieldResolver(() => Int, { nullable: true, description: 'Age in whole years as of today (Vietnam time); for the deceased, the age at death.' })
  age(@Root() citizen: CitizenRecord): number {
    return ageOn(citizen.birthDate, citizen.deathDate ?? vietnamDay());
  }

  @Directive(RESIDENTS_READ)
  @Directive(PERSONAL_DATA)
  @FieldResolver(() => Boolean, { nullable: true, description: 'Whether the citizen has died (đã mất).' })
  deceased(@Root() citizen: CitizenRecord): boolean {
    return citizen.deathDate !== null;
  }

  @Directive(RESIDENTS_READ)
  @Directive(PERSONAL_DATA)
  @FieldResolver(() => LegacyProvince, { nullable: true, description: 'Province where the birth was registered (nơi đăng ký khai sinh): the personal ID\'s prefix.' })
  birthRegistrationProvince(@Root() citizen: CitizenRecord): LegacyProvince {
    return stored(findLegacyProvince(citizen.birthRegistrationCode), 'legacy province', citizen.birthRegistrationCode);
  }

  @Directive(RESIDENTS_READ)
  @Directive(PERSONAL_DATA)
  @FieldResolver(() => LegacyProvince, { nullable: true, description: 'Province of origin (quê quán), by its legacy code.' })
  hometown(@Root() citizen: CitizenRecord): LegacyProvince {
    return stored(findLegacyProvince(citizen.hometownCode), 'legacy province', citizen.hometownCode);
  }

  @Directive(RESIDENTS_READ)
  @Directive(PERSONAL_DATA)
  @FieldResolver(() => Province, { nullable: true, description: 'Province of current residence (2025 units).' })
  province(@Root() citizen: CitizenRecord): Province {
    return stored(findProvince(citizen.provinceCode), 'province', citizen.provinceCode);
  }

  @Directive(RESIDENTS_READ)
  @Directive(PERSONAL_DATA)
  @FieldResolver(() => Commune, { nullable: true, description: 'Commune of current residence.' })
  commune(@Root() citizen: CitizenRecord): Commune {
    return stored(findCommune(citizen.communeCode), 'commune', citizen.communeCode);
  }

  @Directive(RESIDENTS_READ)
  @Directive(PERSONAL_DATA)
  @FieldResolver(() => Household, { nullable: true, description: 'The household the citizen is registered in.' })
  async household(@Root() citizen: CitizenRecord, @Ctx() { loaders }: ResidentsContext): Promise<HouseholdRecord> {
    return stored(await loaders.household.load(citizen.householdId), 'household', citizen.householdId);
  }

  @Directive(RESIDENTS_READ)
  @Directive(PERSONAL_DATA)
  @FieldResolver(() => Citizen, { nullable: true, description: 'Father (cha); null if he is not in the population database or outside your jurisdiction.' })
  father(@Root() citizen: CitizenRecord, @Ctx() { loaders }: ResidentsContext): Promise<CitizenRecord | null> | null {
    return citizen.fatherId === null ? null : loaders.citizen.load(citizen.fatherId);
  }

  @Directive(RESIDENTS_READ)
  @Directive(PERSONAL_DATA)
  @FieldResolver(() => Citizen, { nullable: true, description: 'Mother (mẹ); null if she is not in the population database or outside your jurisdiction.' })
  mother(@Root() citizen: CitizenRecord, @Ctx() { loaders }: ResidentsContext): Promise<CitizenRecord | null> | null {
    return citizen.motherId === null ? null : loaders.citizen.load(citizen.motherId);
  }

  @Directive(RESIDENTS_READ)
  @Directive(PERSONAL_DATA)
  @FieldResolver(() => Citizen, { nullable: true, description: 'Spouse (vợ/chồng); null if unmarried, not in the population database or outside your jurisdiction.' })
  spouse(@Root() citizen: CitizenRecord, @Ctx() { loaders }: ResidentsContext): Promise<CitizenRecord | null> | null {
    return citizen.spouseId === null ? null : loaders.citizen.load(citizen.spouseId);
  }

  @Directive(listSize({ assumedSize: 5 }))
  @Directive(RESIDENTS_READ)
  @Directive(PERSONAL_DATA)
  @FieldResolver(() => [Citizen], { nullable: true, description: 'Children (con) registered with this citizen as father or mother, eldest first; those outside your jurisdiction are left out.' })
  children(@Root() citizen: CitizenRecord, @Ctx() { loaders }: ResidentsContext): Promise<CitizenRecord[]> {
    return loaders.children.load(citizen.personalId);
  }
}
