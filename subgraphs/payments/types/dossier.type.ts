import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Owned by public-services; payments adds the dossier's payments and fee status. */
@Directive('@key(fields: "code")')
@ObjectType({ description: 'A dossier (hồ sơ) filed on the public service portal.' })
export class Dossier {
  @Field(() => ID, { description: 'Dossier code, e.g. 46-DVC02-251123-000042: province, procedure, day of submission, serial.' })
  code!: string;
}
