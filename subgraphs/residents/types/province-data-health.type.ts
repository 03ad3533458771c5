import { Directive, Field, ObjectType } from 'type-graphql';
import { DATA_HEALTH_KEY_RULE } from '../../../lib/auth';
import { EXTERNAL } from '../../../lib/data-health';
import { ENTITY_DESCRIPTIONS } from '../../../lib/federation';
import { ProvinceCodeScalar } from '../../../lib/graphql/scalars';

/**
 * Residents answers `Province.dataHealth` and adds its own database's figures; the references it
 * checks come from the databases that hold them (external here, inaccessible there).
 */
@Directive('@key(fields: "provinceCode")')
@ObjectType({ description: ENTITY_DESCRIPTIONS.ProvinceDataHealth.type })
export class ProvinceDataHealth {
  @Directive(DATA_HEALTH_KEY_RULE)
  @Field(() => ProvinceCodeScalar, { description: ENTITY_DESCRIPTIONS.ProvinceDataHealth.provinceCode })
  provinceCode!: string;

  @Directive(EXTERNAL)
  @Field(() => [String], { nullable: true })
  dossierApplicantIds?: string[] | null;

  @Directive(EXTERNAL)
  @Field(() => [String], { nullable: true })
  paymentPayerIds?: string[] | null;

  @Directive(EXTERNAL)
  @Field(() => [String], { nullable: true })
  civilServantIds?: string[] | null;
}
