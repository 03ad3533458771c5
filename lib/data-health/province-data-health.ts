import { Directive, Field, ObjectType } from 'type-graphql';
import { DATA_HEALTH_KEY_RULE } from '../auth';
import { ENTITY_DESCRIPTIONS } from '../federation';
import { ProvinceCodeScalar } from '../graphql/scalars';

/**
 * The references the databases hold, as the inaccessible field each holder answers and each
 * checker requires: personal IDs and dossier codes of one province's records, one per record.
 */
export const HELD_REFERENCES = ['dossierApplicantIds', 'dossierHandlerIds', 'paymentPayerIds', 'paymentDossierCodes', 'civilServantIds'] as const;

export type HeldReference = (typeof HELD_REFERENCES)[number];

/** `@inaccessible`: the field is part of no client's schema; the gateway's plans may still fetch it for `@requires`. */
export const INACCESSIBLE = '@inaccessible';
export const requires = (...fields: HeldReference[]): string => `@requires(fields: "${fields.join(' ')}")`;

/** A province's data health as a subgraph sees it: its key, and the references others hold that `@requires` brings it. */
export type ProvinceDataHealthRef = { provinceCode: string } & Partial<Record<HeldReference, string[] | null>>;

/**
 * The `ProvinceDataHealth` entity as one subgraph declares it: the key every subgraph shares, and
 * the references it checks, held by other subgraphs (`@external` here, inaccessible there). Its
 * own fields — its database's health, the references its records hold — come from its resolver.
 * Residents answers `Province.dataHealth`; the others only add to the entity.
 */
export function provinceDataHealthType(checked: readonly HeldReference[]): new () => ProvinceDataHealthRef {
  @Directive('@key(fields: "provinceCode")')
  @ObjectType('ProvinceDataHealth', { description: ENTITY_DESCRIPTIONS.ProvinceDataHealth.type })
  class ProvinceDataHealth {
    @Directive(DATA_HEALTH_KEY_RULE)
    @Field(() => ProvinceCodeScalar, { description: ENTITY_DESCRIPTIONS.ProvinceDataHealth.provinceCode })
    provinceCode!: string;
  }
  for (const field of checked) {
    Directive('@external')(ProvinceDataHealth.prototype, field);
    Field(() => [String], { nullable: true })(ProvinceDataHealth.prototype, field);
  }
  return ProvinceDataHealth as new () => ProvinceDataHealthRef;
}
