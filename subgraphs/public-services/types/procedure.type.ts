import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { AUTHENTICATED, PROCEDURE_KEY_RULE } from '../../../lib/auth';
import { ENTITY_DESCRIPTIONS } from '../../../lib/federation';

// Reference data: any verified caller may read the catalog.
@Directive('@key(fields: "code")')
@ObjectType({ description: ENTITY_DESCRIPTIONS.Procedure.type })
export class Procedure {
  @Directive(PROCEDURE_KEY_RULE)
  @Field(() => ID, { description: ENTITY_DESCRIPTIONS.Procedure.code })
  code!: string;

  @Directive(AUTHENTICATED)
  @Field({ nullable: true, description: 'Official Vietnamese name.' })
  name!: string;

  @Directive(AUTHENTICATED)
  @Field({ nullable: true, description: 'Name in English.' })
  nameEn!: string;

  @Directive(AUTHENTICATED)
  @Field({ nullable: true, description: 'Sector of administration, e.g. Residence or Civil status.' })
  sector!: string;

  @Directive(AUTHENTICATED)
  @Field(() => Int, { nullable: true, description: 'Legal processing time in working days: a dossier is due this many working days after submission.' })
  processingDays!: number;

  @Directive(AUTHENTICATED)
  @Field({ nullable: true, description: 'Whether a dossier is filed only in the province where the applicant resides (NOT_RESIDENT_IN_PROVINCE otherwise).' })
  residenceBound!: boolean;
}
