import { Directive, Field, ObjectType } from 'type-graphql';
import { CITIZEN_KEY_RULE, PERSONAL_DATA, requiresScopes } from '../../../lib/auth';
import { ENTITY_DESCRIPTIONS } from '../../../lib/federation';
import { DateScalar, PersonalIdScalar } from '../../../lib/graphql/scalars';
import { RESIDENTS_READ } from './access-rules';
import { HouseholdRelationship } from './household-relationship.type';
import { MaritalStatus } from './marital-status.type';
import { Sex } from './sex.type';

/**
 * The stored fields of a citizen; places, family and household are resolved in citizen.resolver.ts.
 * Every field is personal data; contact details and ethnicity/religion need scopes of their own.
 */
@Directive('@key(fields: "personalId")')
@ObjectType({ description: ENTITY_DESCRIPTIONS.Citizen.type })
export class Citizen {
  @Directive(CITIZEN_KEY_RULE)
  @Directive(PERSONAL_DATA)
  @Field(() => PersonalIdScalar, { nullable: true, description: ENTITY_DESCRIPTIONS.Citizen.personalId })
  personalId!: string;

  @Directive(RESIDENTS_READ)
  @Directive(PERSONAL_DATA)
  @Field({ nullable: true, description: 'Full name (họ và tên) as registered: surname, middle name, given name.' })
  fullName!: string;

  @Directive(RESIDENTS_READ)
  @Directive(PERSONAL_DATA)
  @Field({ nullable: true, description: 'Surname (họ), e.g. "Nguyễn".' })
  surname!: string;

  @Directive(RESIDENTS_READ)
  @Directive(PERSONAL_DATA)
  @Field({ nullable: true, description: 'Middle name (tên đệm), e.g. "Thị".' })
  middleName!: string;

  @Directive(RESIDENTS_READ)
  @Directive(PERSONAL_DATA)
  @Field({ nullable: true, description: 'Given name (tên), e.g. "Lan".' })
  givenName!: string;

  @Directive(RESIDENTS_READ)
  @Directive(PERSONAL_DATA)
  @Field(() => Sex, { nullable: true, description: 'Sex (giới tính).' })
  sex!: Sex;

  @Directive(RESIDENTS_READ)
  @Directive(PERSONAL_DATA)
  @Field(() => DateScalar, { nullable: true, description: 'Date of birth (ngày sinh).' })
  birthDate!: string;

  @Directive(RESIDENTS_READ)
  @Directive(PERSONAL_DATA)
  @Field({ nullable: true, description: 'Current residence address (nơi ở hiện tại).' })
  address!: string;

  @Directive(requiresScopes(['residents:sensitive']))
  @Directive(PERSONAL_DATA)
  @Field({ nullable: true, description: 'Ethnicity (dân tộc), e.g. "Kinh", "Tày".' })
  ethnicity!: string;

  @Directive(requiresScopes(['residents:sensitive']))
  @Directive(PERSONAL_DATA)
  @Field(() => String, { nullable: true, description: 'Religion (tôn giáo); null for none (không).' })
  religion!: string | null;

  @Directive(RESIDENTS_READ)
  @Directive(PERSONAL_DATA)
  @Field({ nullable: true, description: 'ABO blood type (nhóm máu): O, A, B or AB.' })
  bloodType!: string;

  @Directive(RESIDENTS_READ)
  @Directive(PERSONAL_DATA)
  @Field(() => MaritalStatus, { nullable: true, description: 'Marital status (tình trạng hôn nhân).' })
  maritalStatus!: MaritalStatus;

  @Directive(RESIDENTS_READ)
  @Directive(PERSONAL_DATA)
  @Field(() => DateScalar, { nullable: true, description: 'Date of death (ngày mất); null while the citizen is alive.' })
  deathDate!: string | null;

  @Directive(RESIDENTS_READ)
  @Directive(PERSONAL_DATA)
  @Field(() => HouseholdRelationship, { nullable: true, description: 'Relationship to the head of their household (quan hệ với chủ hộ).' })
  relationshipToHead!: HouseholdRelationship;

  @Directive(requiresScopes(['residents:contact']))
  @Directive(PERSONAL_DATA)
  @Field(() => String, { nullable: true, description: 'Mobile phone number; null if none is registered.' })
  phone!: string | null;

  @Directive(requiresScopes(['residents:contact']))
  @Directive(PERSONAL_DATA)
  @Field(() => String, { nullable: true, description: 'E-mail address; null if none is registered.' })
  email!: string | null;

  @Directive(RESIDENTS_READ)
  @Directive(PERSONAL_DATA)
  @Field({ nullable: true, description: 'Nationality (quốc tịch) as an ISO 3166-1 alpha-2 code, "VN" for Vietnamese.' })
  nationality!: string;
}
