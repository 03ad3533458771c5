import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { PERSONAL_DATA, requiresScopes } from '../../../lib/auth';
import type { ChangeOutcome } from '../../../lib/auth/audit-record';
import { DateTimeScalar, PersonalIdScalar, ProvinceCodeScalar } from '../../../lib/graphql/scalars';
import { AccessKindEnum, ChangeOutcomeEnum, type AccessKind } from './access-kind.type';

/** Who read whose data is itself personal data: for the citizens concerned and for inspectors. */
const RULE = requiresScopes(['audit:self'], ['audit:read']);

@ObjectType({
  description:
    'One access to personal data through LiênThông, as the audit log recorded it: a read, or a change recorded before (intent) and after (outcome) it ran; who, in what role and jurisdiction, why, which fields and whose data. The log is append-only, hash-chained and signed by the gateway.',
})
export class AccessRecord {
  @Directive(RULE)
  @Directive(PERSONAL_DATA)
  @Field(() => ID, { nullable: true, description: 'Position of the record in the hash chain (a whole number), as `npm run audit:verify` names it.' })
  seq!: string;

  @Directive(RULE)
  @Directive(PERSONAL_DATA)
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the gateway served the read, or recorded the intent or outcome of the change.' })
  at!: Date;

  @Directive(RULE)
  @Directive(PERSONAL_DATA)
  @Field({ nullable: true, description: "The request's id (x-request-id), as every process logged it: a change's intent and outcome share it." })
  requestId!: string;

  @Directive(RULE)
  @Directive(PERSONAL_DATA)
  @Field(() => AccessKindEnum, { nullable: true, description: 'A read, or the intent or outcome of a change.' })
  kind!: AccessKind;

  @Directive(RULE)
  @Directive(PERSONAL_DATA)
  @Field(() => ChangeOutcomeEnum, { nullable: true, description: 'How the change went, on OUTCOME records; null on the others.' })
  outcome!: ChangeOutcome | null;

  @Directive(RULE)
  @Directive(PERSONAL_DATA)
  @Field(() => [String], { nullable: true, description: "The error codes the change's response carried, sorted (OUTCOME records); empty otherwise." })
  errorCodes!: string[];

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
  @Field(() => [String], {
    nullable: true,
    description:
      'The personal-data fields, as coordinates such as "Citizen.religion", sorted: those the request read (READ, OUTCOME), or the mutation fields it asked to run (INTENT).',
  })
  fields!: string[];

  @Directive(RULE)
  @Directive(PERSONAL_DATA)
  @Field(() => [PersonalIdScalar], {
    nullable: true,
    description:
      "Whose personal data the request read, or the change concerned (named in its arguments, or served back). A citizen is shown only their own personal ID, never the other citizens in the same request.",
  })
  citizens!: string[];
}
