import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { PERSONAL_DATA, requiresScopes } from '../../../lib/auth';
import { DateTimeScalar, PersonalIdScalar, ProvinceCodeScalar } from '../../../lib/graphql/scalars';

/** Who read whose data is itself personal data: for the citizens concerned and for inspectors. */
const RULE = requiresScopes(['audit:self'], ['audit:read']);

@ObjectType({
  description:
    'One read of personal data through LiênThông, as the audit log recorded it: who read, in what role and jurisdiction, why, which fields and whose data. The log is append-only and hash-chained.',
})
export class AccessRecord {
  @Directive(RULE)
  @Directive(PERSONAL_DATA)
  @Field(() => ID, { nullable: true, description: 'Position of the record in the hash chain (a whole number), as `npm run audit:verify` names it.' })
  seq!: string;

  @Directive(RULE)
  @Directive(PERSONAL_DATA)
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the gateway served the read.' })
  at!: Date;

  @Directive(RULE)
  @Directive(PERSONAL_DATA)
  @Field({ nullable: true, description: "Who read: the token's subject, an officer's account or, for a citizen, their personal ID." })
  subject!: string;

  @Directive(RULE)
  @Directive(PERSONAL_DATA)
  @Field({ nullable: true, description: 'The role the reader acted in, e.g. province-officer.' })
  role!: string;

  @Directive(RULE)
  @Directive(PERSONAL_DATA)
  @Field(() => ProvinceCodeScalar, { nullable: true, description: 'The province the reader was bound to; null for a national reader or a citizen.' })
  province!: string | null;

  @Directive(RULE)
  @Directive(PERSONAL_DATA)
  @Field(() => String, { nullable: true, description: 'The purpose of access the reader stated.' })
  purpose!: string | null;

  @Directive(RULE)
  @Directive(PERSONAL_DATA)
  @Field(() => String, { nullable: true, description: 'Name of the GraphQL operation the reader sent, if it had one.' })
  operationName!: string | null;

  @Directive(RULE)
  @Directive(PERSONAL_DATA)
  @Field(() => [String], { nullable: true, description: 'The personal-data fields the request read, as coordinates such as "Citizen.religion", sorted.' })
  fields!: string[];

  @Directive(RULE)
  @Directive(PERSONAL_DATA)
  @Field(() => [PersonalIdScalar], {
    nullable: true,
    description: "Whose personal data the request read. A citizen is shown only their own personal ID, never the other citizens read in the same request.",
  })
  citizens!: string[];
}
