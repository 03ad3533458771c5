import { Directive, Field, ObjectType } from 'type-graphql';
import { PersonalIdScalar } from '../../../lib/graphql/scalars';

// Descriptions repeat the owner's word for word, so composition keeps the owner's text.
@Directive('@key(fields: "personalId")')
@ObjectType({
  description: 'The e-dossier of a cadre, civil servant or public employee in the National Database of Cadres, Civil Servants and Public Employees.',
})
export class CivilServant {
  @Field(() => PersonalIdScalar, { description: 'Personal ID of the servant; the e-dossier ID equals it.' })
  personalId!: string;
}
