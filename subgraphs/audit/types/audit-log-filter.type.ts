import { Field, InputType } from 'type-graphql';
import { DateScalar, PersonalIdScalar } from '../../../lib/graphql/scalars';
import { AccessKindEnum, type AccessKind } from './access-kind.type';

@InputType({ description: 'Narrows a search of the audit log; every given condition must hold.' })
export class AuditLogFilter {
  @Field(() => PersonalIdScalar, { nullable: true, description: "Only reads of this citizen's data." })
  citizen?: string | null;

  @Field(() => String, { nullable: true, description: 'Only reads by this subject (an account, or a citizen\'s personal ID).' })
  subject?: string | null;

  @Field(() => String, { nullable: true, description: 'Only reads by callers in this role, e.g. province-officer.' })
  role?: string | null;

  @Field(() => AccessKindEnum, { nullable: true, description: 'Only records of this kind: reads, or the intents or outcomes of changes.' })
  kind?: AccessKind | null;

  @Field(() => DateScalar, { nullable: true, description: 'Only reads on or after this day (Vietnam time).' })
  from?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Only reads on or before this day (Vietnam time).' })
  to?: string | null;
}
