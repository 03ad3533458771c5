import { Directive, Field, ObjectType } from 'type-graphql';
import { DATA_HEALTH_KEY_RULE } from '../../../lib/auth';
import { ENTITY_DESCRIPTIONS } from '../../../lib/federation';
import { ProvinceCodeScalar } from '../../../lib/graphql/scalars';

/** Owned by residents; payments adds its database's figures and the payers and dossiers its payments name. */
@Directive('@key(fields: "provinceCode")')
@ObjectType({ description: ENTITY_DESCRIPTIONS.ProvinceDataHealth.type })
export class ProvinceDataHealth {
  @Directive(DATA_HEALTH_KEY_RULE)
  @Field(() => ProvinceCodeScalar, { description: ENTITY_DESCRIPTIONS.ProvinceDataHealth.provinceCode })
  provinceCode!: string;
}
