export { buildFederatedSchema, type FederatedSchemaOptions } from './build-federated-schema';
