import { Arg, Ctx, Directive, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { AUTHENTICATED } from '../../../lib/auth';
import type { AgencyLevel } from '../../../lib/domain';
import { notFound } from '../../../lib/errors';
import { ProvinceCodeScalar } from '../../../lib/graphql/scalars';
import { checkMayAggregate } from '../../../lib/subgraph';
import { cost, listSize } from '../../../lib/federation';
import type { Ctx as Context } from '../context';
import { listAgencies } from '../data/agency.repository';
import { STAFFING_AGGREGATE } from '../types/access-rules';
import { AgencyLevelEnum } from '../types/agency-level.type';
import { Agency } from '../types/agency.type';
import { Province } from '../types/province.type';
import { loadAgency } from './load-agency';

@Resolver(() => Agency)
export class AgencyResolver {
  @Directive(listSize({ assumedSize: 100 }))
  @Directive(AUTHENTICATED)
  @Query(() => [Agency], { nullable: true, description: 'Agencies, central first, then provincial, then commune, each by code; optionally of one province and/or tier.' })
  async agencies(
    @Arg('provinceCode', () => ProvinceCodeScalar, { nullable: true, description: 'Only agencies located in this province (ministries sit in Hà Nội, "01").' })
    provinceCode: string | null,
    @Arg('level', () => AgencyLevelEnum, { nullable: true, description: 'Only agencies of this tier of government.' }) level: AgencyLevel | null,
    @Ctx() ctx: Context,
  ): Promise<Agency[]> {
    const agencies = await listAgencies(ctx.db, { provinceCode, level });
    // Later `parent` look-ups of agencies already listed need no statement.
    for (const agency of agencies) ctx.loaders.agency.prime(agency.code, agency);
    return agencies;
  }

  @Directive(AUTHENTICATED)
  @Query(() => Agency, { nullable: true, description: 'One agency by code.' })
  async agency(@Arg('code', () => ID, { description: 'The agency code, e.g. "01.SNV".' }) code: string, @Ctx() ctx: Context): Promise<Agency> {
    const agency = await ctx.loaders.agency.load(code);
    if (!agency) throw notFound('agency', code);
    return agency;
  }

  @Directive(AUTHENTICATED)
  @FieldResolver(() => Province, { description: 'Province the agency is located in.' })
  province(@Root() agency: Agency): Province {
    return { code: agency.provinceCode };
  }

  @Directive(AUTHENTICATED)
  @FieldResolver(() => Agency, { nullable: true, description: 'The agency this one reports to: a department\'s or commune\'s provincial people\'s committee; null at the top.' })
  async parent(@Root() agency: Agency, @Ctx() ctx: Context): Promise<Agency | null> {
    return agency.parentCode === null ? null : loadAgency(ctx, agency.parentCode);
  }

  @Directive(cost(2))
  @Directive(STAFFING_AGGREGATE)
  @FieldResolver(() => Int, {
    nullable: true,
    description: 'Cadres, civil servants and public employees on the agency\'s rolls. Null (FORBIDDEN) for an agency of a province outside your jurisdiction.',
  })
  civilServantCount(@Root() agency: Agency, @Ctx() ctx: Context): Promise<number> {
    checkMayAggregate(ctx.scope, agency.provinceCode);
    return ctx.loaders.civilServantCount.load(agency.code);
  }
}
