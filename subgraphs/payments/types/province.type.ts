import { Directive, Field, ObjectType } from 'type-graphql';
import { PROVINCE_KEY_RULE } from '../../../lib/auth';
import { ENTITY_DESCRIPTIONS } from '../../../lib/federation';
import { ProvinceCodeScalar } from '../../../lib/graphql/scalars';

/** Owned by residents; payments adds fee statistics. */
@Directive('@key(fields: "code")')
@ObjectType({ description: ENTITY_DESCRIPTIONS.Province.type })
export class Province {
  @Directive(PROVINCE_KEY_RULE)
  @Field(() => ProvinceCodeScalar, { description: ENTITY_DESCRIPTIONS.Province.code })
  code!: string;
}
