import { Arg, Args, Ctx, Directive, Mutation, Resolver } from 'type-graphql';
import { PERSONAL_DATA, requiresScopes } from '../../../lib/auth';
import { communesOf } from '../../../lib/synthetic';
import { badInput } from '../../../lib/errors';
import { lookupsIn } from '../../../lib/subgraph';
import type { PublicServicesContext } from '../context';
import { submitDossier, transitionDossier } from '../data/dossier-commands';
import type { DossierRecord } from '../data/dossier-record';
import { forgetDossier } from '../data/loaders';
import { checkApplicant } from '../rules/applicant-check';
import { checkSubmission } from '../rules/submission-access';
import { Dossier } from '../types/dossier.type';
import { SubmitDossierInput } from '../types/submit-dossier-input.type';
import { MAX_NOTE_LENGTH, TransitionDossierArgs } from '../types/transition-dossier-args.type';
import { knownProcedure } from './dossier-procedure';

@Resolver()
export class DossierMutationResolver {
  @Directive(requiresScopes(['dossiers:write'], ['dossiers:submit']))
  @Directive(PERSONAL_DATA)
  @Mutation(() => Dossier, {
    nullable: true,
    description:
      'Files a new dossier: status NEW, due after the procedure\'s processing time in working days, history starting with SUBMIT. A provincial officer files in their own province only, a citizen for themself only (FORBIDDEN otherwise); the applicant must be a resident the caller may see (UNKNOWN_APPLICANT otherwise) and, for a residence-bound procedure, reside in the province (NOT_RESIDENT_IN_PROVINCE otherwise).',
  })
  async submitDossier(
    @Arg('input', () => SubmitDossierInput, { description: 'The application.' }) input: SubmitDossierInput,
    @Ctx() ctx: PublicServicesContext,
  ): Promise<DossierRecord> {
    checkSubmission(ctx.caller, input);
    const procedure = await knownProcedure(ctx, input.procedureCode);
    const communeCode = input.communeCode ?? null;
    if (communeCode !== null && !communesOf(input.provinceCode).some((c) => c.code === communeCode)) {
      throw badInput(`Commune ${communeCode} is not in province ${input.provinceCode}.`, { argument: 'input.communeCode' });
    }
    await checkApplicant(lookupsIn(ctx), { applicantId: input.applicantId, provinceCode: input.provinceCode, procedure });
    const dossier = await submitDossier(ctx.db, {
      procedure,
      applicantId: input.applicantId,
      provinceCode: input.provinceCode,
      communeCode,
      channel: input.channel,
      actorId: ctx.caller?.subject ?? null,
    });
    forgetDossier(ctx.loaders, dossier);
    return dossier;
  }

  @Directive(requiresScopes(['dossiers:write']))
  @Directive(PERSONAL_DATA)
  @Mutation(() => Dossier, {
    nullable: true,
    description:
      'Moves a dossier along its lifecycle and records the move in its history; INVALID_TRANSITION when its current status does not allow the action, NOT_FOUND when no dossier the caller may see has the code.',
  })
  async transitionDossier(@Args() { code, action, note }: TransitionDossierArgs, @Ctx() ctx: PublicServicesContext): Promise<DossierRecord> {
    if (note && note.length > MAX_NOTE_LENGTH) throw badInput(`A note is at most ${MAX_NOTE_LENGTH} characters.`, { argument: 'note' });
    const dossier = await transitionDossier(ctx.db, { code, scope: ctx.scope, action, note: note ?? null, actorId: ctx.caller?.subject ?? null });
    forgetDossier(ctx.loaders, dossier);
    return dossier;
  }
}
