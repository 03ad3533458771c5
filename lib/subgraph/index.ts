export { type Caller, type RequestContext, requestContextFrom, REQUEST_ID_HEADER } from './request-context';
export { type SubgraphDefinition, type SeedOptions, databaseNameOf } from './subgraph-definition';
export { startSubgraph, ACCESS_EXTENSION, type StartSubgraphOptions } from './start-subgraph';
export { enforceFieldRules, type DataSubjects, type FieldRuleContext } from './field-rules';
export { rowScope, inJurisdiction, mayAggregate, type RowScope } from './jurisdiction';
export { prepareDatabase, seedIfEmpty, type PrepareOptions } from './prepare-database';
