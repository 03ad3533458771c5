export { DatabaseHealth, FieldCompleteness, ReferenceHealth } from './health.type';
export { HELD_REFERENCES, INACCESSIBLE, requires, provinceDataHealthType, type HeldReference, type ProvinceDataHealthRef } from './province-data-health';
export { ownHealth, databaseHealth, daysAgo, type OwnHealth, type OwnHealthSpec, type Staleness } from './own-health';
export { checkReferences, missingKeysLoader, type ReferenceSpec } from './references';
export { wellFormedPersonalId, wellFormedDossierCode, KEY_RULES, type KeyKind } from './well-formed';
