import { z } from 'zod';
import { setting, values } from './define-config';

/**
 * Every configuration key LiênThông reads, in one place. The README's configuration table is
 * this list; each process picks the keys it needs.
 */
export const settings = {
  dataDir: setting('LT_DATA_DIR', 'Folder for the embedded PostgreSQL cluster and development keys', values.text('.data')),
  databaseUrl: setting(
    'DATABASE_URL',
    'External PostgreSQL server; each subgraph gets its own database on it (created if missing). Unset: embedded PostgreSQL',
    values.optionalUrl(),
  ),
  embeddedPostgresPort: setting('LT_EMBEDDED_PG_PORT', 'Port of the embedded PostgreSQL server', values.port(54320)),
  seed: setting('LT_SEED', 'Seed number of the synthetic data (same seed, same data)', values.positiveInt(6)),
  seedAsOf: setting(
    'LT_SEED_AS_OF',
    'Day the synthetic data is generated "as of" (YYYY-MM-DD); default today. Processes seeding together must share it',
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
      .default(() => new Date().toISOString().slice(0, 10))
      .transform((day) => new Date(`${day}T03:00:00Z`)),
  ),
  scale: setting('LT_SCALE', 'Number of synthetic citizens seeded into an empty database', values.positiveInt(20_000)),
  host: setting('LT_HOST', 'Interface every process listens on', values.text('127.0.0.1')),
  gatewayPort: setting('GATEWAY_PORT', 'Port of the gateway', values.port(4000)),
  residentsPort: setting('RESIDENTS_PORT', 'Port of the residents subgraph', values.port(4001)),
  civilServantsPort: setting('CIVIL_SERVANTS_PORT', 'Port of the civil-servants subgraph', values.port(4002)),
  publicServicesPort: setting('PUBLIC_SERVICES_PORT', 'Port of the public-services subgraph', values.port(4003)),
  paymentsPort: setting('PAYMENTS_PORT', 'Port of the payments subgraph', values.port(4004)),
  supergraphPath: setting('SUPERGRAPH_PATH', 'Composed supergraph SDL the gateway serves', values.text('schema/supergraph.graphql')),
  residentsUrl: setting('RESIDENTS_URL', 'GraphQL URL of the residents subgraph', values.httpUrl('http://127.0.0.1:4001/graphql')),
  civilServantsUrl: setting('CIVIL_SERVANTS_URL', 'GraphQL URL of the civil-servants subgraph', values.httpUrl('http://127.0.0.1:4002/graphql')),
  publicServicesUrl: setting('PUBLIC_SERVICES_URL', 'GraphQL URL of the public-services subgraph', values.httpUrl('http://127.0.0.1:4003/graphql')),
  paymentsUrl: setting('PAYMENTS_URL', 'GraphQL URL of the payments subgraph', values.httpUrl('http://127.0.0.1:4004/graphql')),
  dbPoolSize: setting('LT_DB_POOL_SIZE', 'Connections each subgraph keeps to its database', values.positiveInt(10)),
};

/** Per-subgraph database URL variables override DATABASE_URL for that subgraph alone. */
export const subgraphDatabaseUrlEnv = (subgraph: string): string =>
  `${subgraph.toUpperCase().replace(/-/g, '_')}_DATABASE_URL`;
