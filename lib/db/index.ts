export { openDatabase, type Database, type OpenDatabaseOptions } from './database';
export { databaseUrl, ensureDatabase, dropDatabase } from './server';
export { startEmbeddedPostgres, type EmbeddedServer } from './embedded';
export { migrateToLatest, type Migrations } from './migrate';
export { copyRows } from './copy-rows';
export { anyOf, alignByKey, groupByKeys, perArgument, type LoadersByArgument } from './batch';
export { withoutSecondaryStructures } from './bulk-load';
export { withinScope, type RowScope, type ScopeColumns } from './row-scope';
export { createTally, withTalliesRebuilt, type TallySpec, type TallyColumn } from './tallies';
