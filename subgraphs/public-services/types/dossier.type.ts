import { Directive, Field, ID, ObjectType } from 'type-graphql';
import type { Channel } from '../../../lib/domain';
import { ENTITY_DESCRIPTIONS } from '../../../lib/federation';
import { DateTimeScalar } from '../../../lib/graphql/scalars';
import { DossierChannel } from './dossier-channel.type';
import { DossierStatus } from './dossier-status.type';

/** Fields read straight from the dossier record; the rest are in resolvers/dossier.resolver.ts. */
@Directive('@key(fields: "code")')
@ObjectType({ description: ENTITY_DESCRIPTIONS.Dossier.type })
export class Dossier {
  @Field(() => ID, { description: ENTITY_DESCRIPTIONS.Dossier.code })
  code!: string;

  @Field(() => String, { nullable: true, description: '5-digit code of the commune the dossier was filed in; null when it was not given.' })
  communeCode!: string | null;

  @Field(() => DossierChannel, { description: 'How the dossier was filed.' })
  channel!: Channel;

  @Field(() => DossierStatus, { description: 'Current lifecycle status.' })
  status!: number;

  @Field(() => DateTimeScalar, { description: 'When the dossier was submitted.' })
  submittedAt!: Date;

  @Field(() => DateTimeScalar, { description: 'When a result is due: submission plus the procedure\'s processing time in working days.' })
  dueAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When processing completed (status COMPLETED); null until then, and for dossiers rejected, withdrawn or stopped.' })
  completedAt!: Date | null;

  @Field({
    description:
      'Whether the dossier missed its due date: completed after it, or still open (not completed, rejected, withdrawn or stopped) with the due date now passed. A metric, not a status.',
  })
  overdue!: boolean;
}
