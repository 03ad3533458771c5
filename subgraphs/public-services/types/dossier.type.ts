import { Directive, Field, ID, ObjectType } from 'type-graphql';
import type { Channel } from '../../../lib/domain';
import { DOSSIER_KEY_RULE, PERSONAL_DATA } from '../../../lib/auth';
import { ENTITY_DESCRIPTIONS } from '../../../lib/federation';
import { DateTimeScalar } from '../../../lib/graphql/scalars';
import { DOSSIERS_READ } from './access-rules';
import { DossierChannel } from './dossier-channel.type';
import { DossierStatus } from './dossier-status.type';

/**
 * Fields read straight from the dossier record; the rest are in resolvers/dossier.resolver.ts.
 * Every field is personal data of the applicant, for dossier readers only.
 */
@Directive('@key(fields: "code")')
@ObjectType({ description: ENTITY_DESCRIPTIONS.Dossier.type })
export class Dossier {
  @Directive(DOSSIER_KEY_RULE)
  @Directive(PERSONAL_DATA)
  @Field(() => ID, { nullable: true, description: ENTITY_DESCRIPTIONS.Dossier.code })
  code!: string;

  @Directive(DOSSIERS_READ)
  @Directive(PERSONAL_DATA)
  @Field(() => String, { nullable: true, description: '5-digit code of the commune the dossier was filed in; null when it was not given.' })
  communeCode!: string | null;

  @Directive(DOSSIERS_READ)
  @Directive(PERSONAL_DATA)
  @Field(() => DossierChannel, { nullable: true, description: 'How the dossier was filed.' })
  channel!: Channel;

  @Directive(DOSSIERS_READ)
  @Directive(PERSONAL_DATA)
  @Field(() => DossierStatus, { nullable: true, description: 'Current lifecycle status.' })
  status!: number;

  @Directive(DOSSIERS_READ)
  @Directive(PERSONAL_DATA)
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the dossier was submitted.' })
  submittedAt!: Date;

  @Directive(DOSSIERS_READ)
  @Directive(PERSONAL_DATA)
  @Field(() => DateTimeScalar, { nullable: true, description: 'When a result is due: submission plus the procedure\'s processing time in working days.' })
  dueAt!: Date;

  @Directive(DOSSIERS_READ)
  @Directive(PERSONAL_DATA)
  @Field(() => DateTimeScalar, { nullable: true, description: 'When processing completed (status COMPLETED); null until then, and for dossiers rejected, withdrawn or stopped.' })
  completedAt!: Date | null;

  @Directive(DOSSIERS_READ)
  @Directive(PERSONAL_DATA)
  @Field({
    nullable: true,
    description:
      'Whether the dossier missed its due date: completed after it, or still open (not completed, rejected, withdrawn or stopped) with the due date now passed. A metric, not a status.',
  })
  overdue!: boolean;
}
