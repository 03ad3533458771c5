import { ArgsType, Field, ID } from 'type-graphql';
import type { DossierAction as Action } from '../../../lib/domain';
import { DossierAction } from './dossier-action.type';

export const MAX_NOTE_LENGTH = 2_000;

@ArgsType()
export class TransitionDossierArgs {
  @Field(() => ID, { description: 'Dossier code.' })
  code!: string;

  @Field(() => DossierAction, { description: 'The move to make.' })
  action!: Action;

  @Field(() => String, { nullable: true, description: `Note recorded with the move, at most ${MAX_NOTE_LENGTH} characters.` })
  note?: string | null;
}
