import { Arg, Ctx, Directive, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { PERSONAL_DATA } from '../../../lib/auth';
import { monthlySalary, rankByCode } from '../../../lib/domain';
import { notFound } from '../../../lib/errors';
import { PersonalIdScalar, VndScalar } from '../../../lib/graphql/scalars';
import type { Ctx as Context } from '../context';
import { fullYearsBetween, vietnamToday } from '../data/years-of-service';
import { CIVIL_SERVANTS_READ } from '../types/access-rules';
import { Agency } from '../types/agency.type';
import { Citizen } from '../types/citizen.type';
import { CivilServant } from '../types/civil-servant.type';
import { CivilServiceRank } from '../types/civil-service-rank.type';
import { Province } from '../types/province.type';
import { loadAgency } from './load-agency';

@Resolver(() => CivilServant)
export class CivilServantResolver {
  @Directive(CIVIL_SERVANTS_READ)
  @Directive(PERSONAL_DATA)
  @Query(() => CivilServant, { nullable: true, description: 'The e-dossier of a cadre, civil servant or public employee, by personal ID (NOT_FOUND if there is none, or if it is outside your jurisdiction).' })
  async civilServant(
    @Arg('personalId', () => PersonalIdScalar, { description: 'Personal ID of the servant (the e-dossier ID).' }) personalId: string,
    @Ctx() ctx: Context,
  ): Promise<CivilServant> {
    const servant = await ctx.loaders.civilServant.load(personalId);
    if (!servant) throw notFound('civil servant', personalId);
    return servant;
  }

  @Directive(CIVIL_SERVANTS_READ)
  @Directive(PERSONAL_DATA)
  @FieldResolver(() => Citizen, { nullable: true, description: 'The person in the National Population Database.' })
  citizen(@Root() servant: CivilServant): Citizen {
    return { personalId: servant.personalId };
  }

  @Directive(CIVIL_SERVANTS_READ)
  @Directive(PERSONAL_DATA)
  @FieldResolver(() => Agency, { nullable: true, description: 'The agency the person works in.' })
  agency(@Root() servant: CivilServant, @Ctx() ctx: Context): Promise<Agency> {
    return loadAgency(ctx, servant.agencyCode);
  }

  @Directive(CIVIL_SERVANTS_READ)
  @Directive(PERSONAL_DATA)
  @FieldResolver(() => Province, { nullable: true, description: 'Province of the agency: the jurisdiction the record belongs to.' })
  province(@Root() servant: CivilServant): Province {
    return { code: servant.provinceCode };
  }

  @Directive(CIVIL_SERVANTS_READ)
  @Directive(PERSONAL_DATA)
  @FieldResolver(() => CivilServiceRank, { nullable: true, description: 'The civil-service rank (ngạch) held.' })
  rank(@Root() servant: CivilServant): CivilServiceRank {
    const rank = rankByCode(servant.rankCode);
    if (!rank) throw new Error(`Civil servant ${servant.personalId} holds unknown rank ${servant.rankCode}`);
    return rank;
  }

  @Directive(CIVIL_SERVANTS_READ)
  @Directive(PERSONAL_DATA)
  @FieldResolver(() => VndScalar, { nullable: true, description: 'Monthly base pay in VND: salary coefficient × base salary (2,340,000 VND), before allowances.' })
  monthlySalary(@Root() servant: CivilServant): number {
    return monthlySalary(servant.salaryCoefficient);
  }

  @Directive(CIVIL_SERVANTS_READ)
  @Directive(PERSONAL_DATA)
  @FieldResolver(() => Int, { nullable: true, description: 'Whole years from the start of service to today (Vietnam time).' })
  yearsOfService(@Root() servant: CivilServant): number {
    return fullYearsBetween(servant.startDate, vietnamToday());
  }
}
