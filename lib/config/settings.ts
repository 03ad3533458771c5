import { z } from 'zod';
import { perSubgraph, setting, values } from './define-config';
import { FAULT_SETTINGS } from './fault-settings';

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
    'Day the synthetic data is generated "as of" (YYYY-MM-DD); default today. Dossiers and payments follow it, people and their IDs do not. Processes seeding together must share it',
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
      .default(() => new Date().toISOString().slice(0, 10))
      .transform((day) => new Date(`${day}T03:00:00Z`)),
  ),
  seedFaultRate: setting(
    'LT_SEED_FAULT_RATE',
    'Share of seeded rows that carry each planted data fault (dangling references, invalid IDs, blank fields, stale records) for the data-health report to find; 0 plants none',
    z.coerce.number().min(0).max(0.5).default(0.005),
  ),
  scale: setting('LT_SCALE', 'Number of synthetic citizens seeded into an empty database', values.positiveInt(20_000)),
  host: setting('LT_HOST', 'Interface every process listens on', values.text('127.0.0.1')),
  gatewayPort: setting('GATEWAY_PORT', 'Port of the gateway', values.port(4000)),
  supergraphPath: setting('SUPERGRAPH_PATH', 'Composed supergraph SDL the gateway serves', values.text('schema/supergraph.graphql')),
  supergraphWatchMs: setting(
    'SUPERGRAPH_WATCH_MS',
    'How often the gateway looks at SUPERGRAPH_PATH for a new supergraph, which it then serves without a restart (SIGHUP reloads at once); 0: only on SIGHUP',
    z.coerce.number().int().min(0).default(2_000),
  ),
  gatewayUrl: setting(
    'GATEWAY_URL',
    'GraphQL URL of the gateway, where subgraphs check references they do not own (under the delegation grant of the mutation they run)',
    values.httpUrl('http://127.0.0.1:4000/graphql'),
  ),
  subgraphMaxRequestMb: setting(
    'SUBGRAPH_MAX_REQUEST_MB',
    'Largest request body (megabytes) a subgraph reads from the gateway: a data-health check sends it the references a province\'s records hold in other databases (about 2 MB for the largest province at a million citizens)',
    values.positiveInt(16),
  ),
  dbPoolSize: setting('LT_DB_POOL_SIZE', 'Connections each subgraph keeps to its database', values.positiveInt(10)),
  mode: setting(
    'LT_MODE',
    'development: the gateway also trusts the development token issuer and makes its own keys in LT_DATA_DIR; production: it trusts only JWT_JWKS_URL/JWT_JWKS_FILE and needs GATEWAY_SIGNING_KEY_FILE and AUDIT_SIGNING_KEY_FILE',
    z.enum(['development', 'production']).default('development'),
  ),
  // The development issuer's name (DEV_ISSUER in lib/auth/dev-issuer.ts), written out so that reading configuration does not load jose.
  jwtIssuer: setting('JWT_ISSUER', 'Issuer (`iss`) every token must name', values.text('urn:lienthong:dev-issuer')),
  jwtAudience: setting('JWT_AUDIENCE', 'Audience (`aud`) every token must name', values.text('lienthong')),
  jwtJwksUrl: setting('JWT_JWKS_URL', 'JWKS endpoint of the identity provider whose tokens the gateway accepts', z.string().url().optional()),
  jwtJwksFile: setting('JWT_JWKS_FILE', 'JWKS file ({"keys": [...]}) of public keys whose tokens the gateway accepts', z.string().min(1).optional()),
  gatewaySigningKeyFile: setting(
    'GATEWAY_SIGNING_KEY_FILE',
    'Ed25519 private key (PKCS#8 PEM) the gateway signs subgraph requests with; unset in development: one made in LT_DATA_DIR/keys',
    z.string().min(1).optional(),
  ),
  gatewayPublicKeyFile: setting(
    'GATEWAY_PUBLIC_KEY_FILE',
    'Ed25519 public key (SPKI PEM) subgraphs verify gateway requests with; unset in development: the one made in LT_DATA_DIR/keys',
    z.string().min(1).optional(),
  ),
  auditSigningKeyFile: setting(
    'AUDIT_SIGNING_KEY_FILE',
    'Ed25519 private key (PKCS#8 PEM) the gateway signs audit batches and checkpoints with, kept away from the audit database; required in production; unset in development: one made in LT_DATA_DIR/keys',
    z.string().min(1).optional(),
  ),
  auditPublicKeyFile: setting(
    'AUDIT_PUBLIC_KEY_FILE',
    'Ed25519 public key (SPKI PEM) `npm run audit:verify` checks the audit signatures and checkpoints with; unset: the development one in LT_DATA_DIR/keys',
    z.string().min(1).optional(),
  ),
  auditCheckpointDir: setting(
    'AUDIT_CHECKPOINT_DIR',
    'Directory the gateway appends signed checkpoints of the audit chain\'s head to (one file per gateway process) and `npm run audit:verify` reads; keep it off the audit database\'s storage. Unset: LT_DATA_DIR/audit-checkpoints',
    z.string().min(1).optional(),
  ),
  auditCheckpointIntervalMs: setting(
    'AUDIT_CHECKPOINT_INTERVAL_MS',
    'At most one audit checkpoint per this many milliseconds while records are appended, and one at shutdown; records cut from the end of the log since the last checkpoint go unnoticed',
    values.positiveInt(10_000),
  ),
  jwtVerifiedCacheMb: setting('JWT_VERIFIED_CACHE_MB', 'Megabytes of verified tokens the gateway remembers until they expire (at most a minute), so a repeated token skips its signature check', values.positiveInt(8)),
  authzRejectUnauthorized: setting(
    'AUTHZ_REJECT_UNAUTHORIZED',
    'true: an operation asking for any field the caller may not read is refused whole (HTTP 403); false: those fields come back null with an error each',
    values.flag(false),
  ),
  authzDecisionCacheMb: setting('AUTHZ_DECISION_CACHE_MB', 'Megabytes of access decisions (operation × scopes) the gateway keeps', values.positiveInt(32)),
  documentCacheMb: setting('DOCUMENT_CACHE_MB', 'Megabytes of parsed and validated documents the gateway keeps', values.positiveInt(32)),
  queryPlanCacheMb: setting('QUERY_PLAN_CACHE_MB', 'Megabytes of query plans the gateway keeps', values.positiveInt(32)),
  aggregateCacheTtlMs: setting(
    'AGGREGATE_CACHE_TTL_MS',
    'How long an answer that reads aggregates and no personal data (indicators, series, data health) is kept for callers who would get the same one, unless a change through the gateway forgets it first; 0: never kept',
    values.count(60_000),
  ),
  aggregateCacheMb: setting('AGGREGATE_CACHE_MB', 'Megabytes of aggregate answers each gateway keeps in its memory when there is no REDIS_URL (with one, Redis keeps them for every replica)', values.positiveInt(16)),
  cacheableDocumentMaxBytes: setting('CACHEABLE_DOCUMENT_MAX_BYTES', 'Documents longer than this (bytes of query text) are parsed, decided and planned afresh each time, never cached', values.positiveInt(32_768)),
  admissionChecks: setting(
    'ADMISSION_CHECKS',
    'false: no operation limits, demand control or budgets, only to measure what they cost (npm run bench); a production gateway refuses to start without them',
    values.flag(true),
  ),
  operationMaxDepth: setting('OPERATION_MAX_DEPTH', 'Deepest field nesting an operation may have (a root field is at depth 1; introspection needs 15)', values.positiveInt(20)),
  operationMaxAliases: setting('OPERATION_MAX_ALIASES', 'Most aliases an operation may use, `__typename` aliases included', values.positiveInt(30)),
  operationMaxRootFields: setting('OPERATION_MAX_ROOT_FIELDS', 'Most root fields an operation may select', values.positiveInt(20)),
  operationMaxTokens: setting('OPERATION_MAX_TOKENS', 'Most tokens a document may have', values.positiveInt(5_000)),
  requestMaxBytes: setting(
    'REQUEST_MAX_BYTES',
    'Largest request body the gateway reads (a document at the token limit is far smaller); a larger one is refused with 413 before it is read when its Content-Length says so',
    values.positiveInt(65_536),
  ),
  operationMaxDirectives: setting('OPERATION_MAX_DIRECTIVES', 'Most directives an operation may use', values.positiveInt(50)),
  operationMaxFragmentSpreads: setting('OPERATION_MAX_FRAGMENT_SPREADS', 'Most fragment spreads an operation may make once its fragments are expanded', values.positiveInt(100)),
  operationMaxFields: setting('OPERATION_MAX_FIELDS', 'Most fields an operation may select once its fragments are expanded', values.positiveInt(500)),
  costMode: setting(
    'COST_MODE',
    'measure: every operation\'s estimated cost is reported (extensions.cost) and logged; enforce: also, an operation over COST_MAX_PER_OPERATION is refused before it is planned',
    z.enum(['measure', 'enforce']).default('enforce'),
  ),
  costMaxPerOperation: setting('COST_MAX_PER_OPERATION', 'Highest estimated cost one operation may have in enforce mode', values.positiveInt(5_000)),
  costDefaultListSize: setting('COST_DEFAULT_LIST_SIZE', 'Items a list field is assumed to hold when its schema declares no @listSize', values.positiveInt(10)),
  budgetWindowSeconds: setting('BUDGET_WINDOW_SECONDS', 'Length of the window in which each caller\'s (and province\'s) request and cost budgets are counted', values.positiveInt(60)),
  budgetMultiplier: setting('BUDGET_MULTIPLIER', 'Multiplies every role\'s budgets (lib/auth/roles.ts): raise it for a load test, lower it under attack', z.coerce.number().positive().default(1)),
  trustedDocuments: setting(
    'TRUSTED_DOCUMENTS',
    'off: any document; log: unknown documents are logged with caller and operation name; enforce: roles marked trusted-only (citizen apps) may run only documents in the manifest. Unset: enforce in production mode, log in development',
    z.enum(['off', 'log', 'enforce']).optional(),
  ),
  trustedDocumentsManifest: setting('TRUSTED_DOCUMENTS_MANIFEST', 'Manifest of trusted documents (hash → document), made by `npm run documents`', values.text('schema/trusted-documents.json')),
  corsAllowedOrigins: setting(
    'CORS_ALLOWED_ORIGINS',
    'Comma-separated origins (scheme://host[:port]) whose web pages may call the gateway\'s /graphql from a browser with their token (CORS); empty: none',
    values.origins(),
  ),
  dataHealthToken: setting(
    'DATA_HEALTH_TOKEN',
    'Token `npm run data-health` presents to the gateway (role data-steward, from the identity provider); unset in development: one from the development issuer',
    z.string().min(1).optional(),
  ),
  subgraphTimeoutMs: setting('SUBGRAPH_TIMEOUT_MS', 'How long the gateway waits for one subgraph request (each attempt) before it gives up with SUBGRAPH_TIMEOUT at the fields that request was to fill', values.positiveInt(5_000)),
  subgraphMaxConnections: setting('SUBGRAPH_MAX_CONNECTIONS', 'Kept-alive connections the gateway holds open to each subgraph; calls beyond it wait for a free one', values.positiveInt(64)),
  redisUrl: setting(
    'REDIS_URL',
    'Redis shared by the replicas of each process (nonces of signed subgraph calls; rediss:// for TLS). Unset: kept in each process\'s memory, which holds for one replica only',
    values.optionalRedisUrl(),
  ),
  redisKeyPrefix: setting('REDIS_KEY_PREFIX', 'Prefix of every Redis key LiênThông writes, so that one Redis can serve several deployments', values.text('lienthong:')),
  redisConnectTimeoutMs: setting('REDIS_CONNECT_TIMEOUT_MS', 'How long a process waits for Redis to accept a connection before it counts as unreachable', values.positiveInt(2_000)),
  redisCommandTimeoutMs: setting('REDIS_COMMAND_TIMEOUT_MS', 'How long one Redis command may take before it fails (and whatever needed it is refused)', values.positiveInt(500)),
  ...FAULT_SETTINGS,
};

/**
 * Settings each subgraph has once, their variables named after it: `<NAME>` is the subgraph's name
 * upper-cased, dashes as underscores (CIVIL_SERVANTS_PORT, SUBGRAPH_URL_PUBLIC_SERVICES).
 */
export const subgraphSettings = {
  port: perSubgraph(
    '<NAME>_PORT',
    'Port of one of LiênThông\'s own subgraphs (npm start, run-subgraph); default: its port in subgraphs/registry.json',
    (port: number) => values.port(port),
  ),
  url: perSubgraph(
    'SUBGRAPH_URL_<NAME>',
    'GraphQL URL the gateway calls one subgraph of the supergraph at, instead of the URL its join__graph gives; only for subgraphs the supergraph has (the gateway refuses to start otherwise)',
    () => z.string().url('must be a URL such as http://residents:4001/graphql').optional(),
  ),
  databaseUrl: perSubgraph(
    '<NAME>_DATABASE_URL',
    'One subgraph\'s own database (postgres://…/name), overriding DATABASE_URL for it; the gateway writes the audit log to AUDIT_DATABASE_URL (default: lienthong_audit on the DATABASE_URL server)',
    () =>
      values
        .optionalUrl()
        .refine((url) => url === undefined || /^postgres(ql)?:\/\/.+\/[a-z][a-z0-9_]*$/.test(url), 'expected postgres://…/<database name>'),
  ),
};
