export { openDatabase, type Database, type DatabaseTimeouts, type OpenDatabaseOptions } from './database';
export { databaseUrl, ensureDatabase, dropDatabase } from './server';
export { startEmbeddedPostgres, leftoverServer, embeddedServerUrl, type EmbeddedServer } from './embedded';
export { migrateToLatest, type Migrations } from './migrate';
export { copyRows } from './copy-rows';
export { anyOf, alignByKey, groupByKeys } from './batch';
export { withoutSecondaryStructures } from './bulk-load';
export { withinScope, type RowScope, type ScopeColumns } from './row-scope';
