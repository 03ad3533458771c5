export { type Caller, type RequestContext, requestContextFrom, REQUEST_ID_HEADER } from './request-context';
export { type SubgraphDefinition, type SeedOptions, databaseNameOf } from './subgraph-definition';
export { startSubgraph, type StartSubgraphOptions } from './start-subgraph';
export { reportAccess, ACCESS_EXTENSION, type AccessedCitizens } from './report-access';
export { enforceFieldRules, type DataSubjects, type FieldRuleContext } from './field-rules';
export { scopedContext, type ScopedContext } from './scoped-context';
export { rowScope, inJurisdiction, mayAggregate, checkMayAggregate, outsideJurisdiction, type RowScope } from './jurisdiction';
export { prepareDatabase, seedIfEmpty, type PrepareOptions } from './prepare-database';
