export { buildFederatedSchema, type FederatedSchemaOptions } from './build-federated-schema';
export { ENTITY_DESCRIPTIONS } from './entity-descriptions';
export { cost, listSize, FIRST_ITEMS, PAGE_OF_EDGES, AGGREGATE, type ListSizeSpec } from './cost-directives';
