import { Field, ObjectType } from 'type-graphql';
import { DateTimeScalar, PersonalIdScalar } from '../../../lib/graphql/scalars';
import { DossierEventAction } from './dossier-event-action.type';
import { DossierStatus } from './dossier-status.type';

@ObjectType({ description: 'One entry of a dossier\'s append-only history.' })
export class DossierEvent {
  @Field(() => DossierEventAction, { description: 'What happened: the submission or a lifecycle move.' })
  action!: string;

  @Field(() => DossierStatus, { nullable: true, description: 'Status before the move; null for the submission.' })
  fromStatus!: number | null;

  @Field(() => DossierStatus, { description: 'Status after the move.' })
  toStatus!: number;

  @Field(() => DateTimeScalar, { description: 'When the move was recorded.' })
  at!: Date;

  @Field(() => PersonalIdScalar, { nullable: true, description: 'Who made the move (the applicant or an officer); null when no identity came with the request.' })
  actorId!: string | null;

  @Field(() => String, { nullable: true, description: 'Free-text note given with the move, e.g. which documents are missing.' })
  note!: string | null;
}
