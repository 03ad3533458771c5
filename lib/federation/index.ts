export { buildFederatedSchema, type FederatedSchemaOptions } from './build-federated-schema';
export { ENTITY_DESCRIPTIONS } from './entity-descriptions';
