export { type Caller, type RequestContext, requestContextFrom, REQUEST_ID_HEADER } from './request-context';
export { type SubgraphDefinition, type SeedOptions, databaseNameOf } from './subgraph-definition';
export { startSubgraph, type StartSubgraphOptions } from './start-subgraph';
export { prepareDatabase, seedIfEmpty, type PrepareOptions } from './prepare-database';
