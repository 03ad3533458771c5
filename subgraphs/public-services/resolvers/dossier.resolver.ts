import { Arg, Args, Ctx, Directive, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { PERSONAL_DATA } from '../../../lib/auth';
import { allowedActions, statusName, type DossierAction as Action } from '../../../lib/domain';
import { notFound } from '../../../lib/errors';
import { decodeCursor, pageSize, toConnection, type Connection } from '../../../lib/graphql/connection';
import { PAGE_OF_EDGES, listSize } from '../../../lib/federation';
import type { PublicServicesContext } from '../context';
import type { DossierRecord } from '../data/dossier-record';
import { findDossierPage } from '../data/dossier.repository';
import type { DossierEventRecord } from '../data/dossier-event.repository';
import type { ProcedureRecord } from '../data/procedure.repository';
import { submittedRange } from '../rules/submitted-period';
import { DOSSIERS_READ } from '../types/access-rules';
import { Citizen } from '../types/citizen.type';
import { CivilServant } from '../types/civil-servant.type';
import { DossierAction } from '../types/dossier-action.type';
import { DossierConnection } from '../types/dossier-connection.type';
import { DossierEvent } from '../types/dossier-event.type';
import { Dossier } from '../types/dossier.type';
import { DossiersArgs } from '../types/dossiers-args.type';
import { Procedure } from '../types/procedure.type';
import { Province } from '../types/province.type';
import { knownProcedure } from './dossier-procedure';

const FIELD = 'dossiers';

@Resolver(() => Dossier)
export class DossierResolver {
  @Directive(DOSSIERS_READ)
  @Directive(PERSONAL_DATA)
  @Query(() => Dossier, { nullable: true, description: 'One dossier by code; null with NOT_FOUND when none the caller may see has it.' })
  async dossier(@Arg('code', () => ID, { description: 'Dossier code, e.g. 46-DVC02-251123-000042.' }) code: string, @Ctx() ctx: PublicServicesContext): Promise<DossierRecord> {
    const found = await ctx.loaders.dossier.load(code);
    if (!found) throw notFound('dossier', code);
    return found;
  }

  @Directive(PAGE_OF_EDGES)
  @Directive(DOSSIERS_READ)
  @Directive(PERSONAL_DATA)
  @Query(() => DossierConnection, { nullable: true, description: 'Dossiers the caller may see matching a filter, a page at a time, ordered by dossier code.' })
  async dossiers(@Args() { filter, first, after }: DossiersArgs, @Ctx() ctx: PublicServicesContext): Promise<Connection<DossierRecord>> {
    const size = pageSize(first);
    const afterCode = decodeCursor(FIELD, after);
    if (filter?.procedureCode) await knownProcedure(ctx, filter.procedureCode);
    const query = { ...filter, ...submittedRange(filter?.submittedFrom, filter?.submittedTo) };
    const rows = await findDossierPage(ctx.db, ctx.scope, query, afterCode, size + 1);
    return toConnection(FIELD, rows, size, (d) => d.code);
  }

  @Directive(DOSSIERS_READ)
  @Directive(PERSONAL_DATA)
  @FieldResolver(() => Procedure, { nullable: true, description: 'The procedure applied for.' })
  async procedure(@Root() dossier: DossierRecord, @Ctx() ctx: PublicServicesContext): Promise<ProcedureRecord> {
    return knownProcedure(ctx, dossier.procedureCode);
  }

  @Directive(DOSSIERS_READ)
  @Directive(PERSONAL_DATA)
  @FieldResolver(() => Citizen, { nullable: true, description: 'The applicant.' })
  applicant(@Root() dossier: DossierRecord): Citizen {
    return { personalId: dossier.applicantId };
  }

  @Directive(DOSSIERS_READ)
  @Directive(PERSONAL_DATA)
  @FieldResolver(() => Province, { nullable: true, description: 'The province the dossier was filed in, which handles it.' })
  province(@Root() dossier: DossierRecord): Province {
    return { code: dossier.provinceCode };
  }

  @Directive(DOSSIERS_READ)
  @Directive(PERSONAL_DATA)
  @FieldResolver(() => CivilServant, { nullable: true, description: 'The officer handling the dossier; null until one is assigned.' })
  handler(@Root() dossier: DossierRecord): CivilServant | null {
    return dossier.handlerId ? { personalId: dossier.handlerId } : null;
  }

  @Directive(DOSSIERS_READ)
  @Directive(PERSONAL_DATA)
  @FieldResolver(() => Int, { nullable: true, description: 'The portal\'s numeric code of the status, 1..10.' })
  statusCode(@Root() dossier: DossierRecord): number {
    return dossier.status;
  }

  @Directive(listSize({ assumedSize: 12 }))
  @Directive(DOSSIERS_READ)
  @Directive(PERSONAL_DATA)
  @FieldResolver(() => [DossierEvent], { nullable: true, description: 'Every move the dossier made, oldest first, starting with its submission.' })
  history(@Root() dossier: DossierRecord, @Ctx() ctx: PublicServicesContext): Promise<DossierEventRecord[]> {
    return ctx.loaders.history.load(dossier.code);
  }

  @Directive(DOSSIERS_READ)
  @Directive(PERSONAL_DATA)
  @FieldResolver(() => [DossierAction], { nullable: true, description: 'Moves the current status allows (none once it is final).' })
  allowedActions(@Root() dossier: DossierRecord): Action[] {
    return allowedActions(statusName(dossier.status));
  }
}
