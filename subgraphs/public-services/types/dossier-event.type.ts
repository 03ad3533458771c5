import { Directive, Field, ObjectType } from 'type-graphql';
import { PERSONAL_DATA } from '../../../lib/auth';
import { DateTimeScalar } from '../../../lib/graphql/scalars';
import { DOSSIERS_READ } from './access-rules';
import { DossierEventAction } from './dossier-event-action.type';
import { DossierStatus } from './dossier-status.type';

// The rule on the type covers every field: a history is the applicant's personal data, like its dossier.
@Directive(DOSSIERS_READ)
@Directive(PERSONAL_DATA)
@ObjectType({ description: 'One entry of a dossier\'s append-only history.' })
export class DossierEvent {
  @Field(() => DossierEventAction, { nullable: true, description: 'What happened: the submission or a lifecycle move.' })
  action!: string;

  @Field(() => DossierStatus, { nullable: true, description: 'Status before the move; null for the submission.' })
  fromStatus!: number | null;

  @Field(() => DossierStatus, { nullable: true, description: 'Status after the move.' })
  toStatus!: number;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the move was recorded.' })
  at!: Date;

  @Field(() => String, { nullable: true, description: 'Who made the move: the signed caller\'s subject (a personal ID for citizens, an officer account otherwise); for seeded history the applicant or the handling civil servant.' })
  actorId!: string | null;

  @Field(() => String, { nullable: true, description: 'Free-text note given with the move, e.g. which documents are missing.' })
  note!: string | null;
}
