import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { ENTITY_DESCRIPTIONS } from '../../../lib/federation';

@Directive('@key(fields: "code")')
@ObjectType({ description: ENTITY_DESCRIPTIONS.Procedure.type })
export class Procedure {
  @Field(() => ID, { description: ENTITY_DESCRIPTIONS.Procedure.code })
  code!: string;

  @Field({ description: 'Official Vietnamese name.' })
  name!: string;

  @Field({ description: 'Name in English.' })
  nameEn!: string;

  @Field({ description: 'Sector of administration, e.g. Residence or Civil status.' })
  sector!: string;

  @Field(() => Int, { description: 'Legal processing time in working days: a dossier is due this many working days after submission.' })
  processingDays!: number;
}
