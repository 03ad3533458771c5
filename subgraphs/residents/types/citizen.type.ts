import { Directive, Field, ObjectType } from 'type-graphql';
import { ENTITY_DESCRIPTIONS } from '../../../lib/federation';
import { DateScalar, PersonalIdScalar } from '../../../lib/graphql/scalars';
import { HouseholdRelationship } from './household-relationship.type';
import { MaritalStatus } from './marital-status.type';
import { Sex } from './sex.type';

/** The stored fields of a citizen; places, family and household are resolved in citizen.resolver.ts. */
@Directive('@key(fields: "personalId")')
@ObjectType({ description: ENTITY_DESCRIPTIONS.Citizen.type })
export class Citizen {
  @Field(() => PersonalIdScalar, { description: ENTITY_DESCRIPTIONS.Citizen.personalId })
  personalId!: string;

  @Field({ description: 'Full name (họ và tên) as registered: surname, middle name, given name.' })
  fullName!: string;

  @Field({ description: 'Surname (họ), e.g. "Nguyễn".' })
  surname!: string;

  @Field({ description: 'Middle name (tên đệm), e.g. "Thị".' })
  middleName!: string;

  @Field({ description: 'Given name (tên), e.g. "Lan".' })
  givenName!: string;

  @Field(() => Sex, { description: 'Sex (giới tính).' })
  sex!: Sex;

  @Field(() => DateScalar, { description: 'Date of birth (ngày sinh).' })
  birthDate!: string;

  @Field({ description: 'Current residence address (nơi ở hiện tại).' })
  address!: string;

  @Field({ description: 'Ethnicity (dân tộc), e.g. "Kinh", "Tày".' })
  ethnicity!: string;

  @Field(() => String, { nullable: true, description: 'Religion (tôn giáo); null for none (không).' })
  religion!: string | null;

  @Field({ description: 'ABO blood type (nhóm máu): O, A, B or AB.' })
  bloodType!: string;

  @Field(() => MaritalStatus, { description: 'Marital status (tình trạng hôn nhân).' })
  maritalStatus!: MaritalStatus;

  @Field(() => DateScalar, { nullable: true, description: 'Date of death (ngày mất); null while the citizen is alive.' })
  deathDate!: string | null;

  @Field(() => HouseholdRelationship, { description: 'Relationship to the head of their household (quan hệ với chủ hộ).' })
  relationshipToHead!: HouseholdRelationship;

  @Field(() => String, { nullable: true, description: 'Mobile phone number; null if none is registered.' })
  phone!: string | null;

  @Field(() => String, { nullable: true, description: 'E-mail address; null if none is registered.' })
  email!: string | null;

  @Field({ description: 'Nationality (quốc tịch) as an ISO 3166-1 alpha-2 code, "VN" for Vietnamese.' })
  nationality!: string;
}
