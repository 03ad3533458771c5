import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

@Directive('@key(fields: "code")')
@ObjectType({ description: 'A public-service procedure (thủ tục hành chính) the portal accepts dossiers for: one of the 25 essential online services.' })
export class Procedure {
  @Field(() => ID, { description: 'LiênThông code of the procedure, e.g. DVC02; dossier codes carry it.' })
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
