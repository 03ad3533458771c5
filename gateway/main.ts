import path from 'node:path';
import { checkpointDirectory } from '../lib/audit';
import { ConfigError, loadConfig, settings, subgraphSettings } from '../lib/config';
import { createLogger } from '../lib/logging';
import { closeRedis, openConfiguredRedis, redisSettings } from '../lib/redis';
import { onShutdown } from '../lib/shutdown';
import { startTracing } from '../lib/telemetry';
import { auditDatabaseUrl } from './audit/audit-database';
import { CheckpointPublisher } from './audit/checkpoint-publisher';
import { createPostgresAuditWriter } from './audit/postgres-audit-writer';
import { UncoveredFieldsError } from './access/rule-coverage';
import { UnsupportedSecurityError } from './access/supergraph-security';
import { ADMISSION_SETTINGS } from './admission/admission-config';
import { CACHE_SETTINGS } from './memory/cache-config';
import { gatewayIdentity } from './identity/gateway-identity';
import { subjectPseudonyms } from './observability/subject-pseudonyms';
import { RESILIENCE_SETTINGS, UnknownTimeoutSubgraphError } from './resilience/resilience-config';
import { startGateway } from './start-gateway';
import { StartupError } from './startup-error';
import { UnknownSubgraphError } from './subgraph-endpoints';
import { followSupergraphFile, readSupergraph } from './supergraph/supergraph-file';

const gatewaySettings = {
  host: settings.host,
  gatewayPort: settings.gatewayPort,
  supergraphPath: settings.supergraphPath,
  supergraphWatchMs: settings.supergraphWatchMs,
  dataDir: settings.dataDir,
  databaseUrl: settings.databaseUrl,
  mode: settings.mode,
  jwtIssuer: settings.jwtIssuer,
  jwtAudience: settings.jwtAudience,
  jwtJwksUrl: settings.jwtJwksUrl,
  jwtJwksFile: settings.jwtJwksFile,
  gatewaySigningKeyFile: settings.gatewaySigningKeyFile,
  auditSigningKeyFile: settings.auditSigningKeyFile,
  auditCheckpointDir: settings.auditCheckpointDir,
  auditCheckpointIntervalMs: settings.auditCheckpointIntervalMs,
  jwtVerifiedCacheMb: settings.jwtVerifiedCacheMb,
  authzRejectUnauthorized: settings.authzRejectUnauthorized,
  subgraphMaxConnections: settings.subgraphMaxConnections,
  corsAllowedOrigins: settings.corsAllowedOrigins,
  auditAppendTimeoutMs: settings.auditAppendTimeoutMs,
  dbAcquireTimeoutMs: settings.dbAcquireTimeoutMs,
  drainDelayMs: settings.drainDelayMs,
  drainTimeoutMs: settings.drainTimeoutMs,
  accessLog: settings.accessLog,
  logPseudonymKeyFile: settings.logPseudonymKeyFile,
  metricsMaxOperationNames: settings.metricsMaxOperationNames,
  tracesExporter: settings.tracesExporter,
  ...RESILIENCE_SETTINGS,
  ...ADMISSION_SETTINGS,
  ...CACHE_SETTINGS,
  ...redisSettings,
};

function auditUrl(databaseUrl: string | undefined): string {
  const url = auditDatabaseUrl(databaseUrl);
  if (!url) throw new StartupError('The gateway records every read of personal data: set DATABASE_URL or AUDIT_DATABASE_URL (npm start sets it for you).');
  return url;
}

async function main(): Promise<void> {
  const logger = createLogger('gateway');
  const config = loadConfig(gatewaySettings);
  if (config.mode === 'production' && !config.admissionChecks) {
    throw new StartupError('ADMISSION_CHECKS=false leaves every caller free to exhaust the gateway: it is for benchmarks, never production.');
  }
  // Identity first: a production gateway without its keys stops before it opens anything.
  const identity = gatewayIdentity({
    mode: config.mode,
    issuer: config.jwtIssuer,
    audience: config.jwtAudience,
    jwksUrl: config.jwtJwksUrl,
    jwksFile: config.jwtJwksFile,
    signingKeyFile: config.gatewaySigningKeyFile,
    auditSigningKeyFile: config.auditSigningKeyFile,
    dataDir: config.dataDir,
    verifiedTokenCacheMb: config.jwtVerifiedCacheMb,
  });
  const tracing = startTracing({ service: 'gateway', exporter: config.tracesExporter });
  const pseudonyms = subjectPseudonyms({ mode: config.mode, keyFile: config.logPseudonymKeyFile, dataDir: config.dataDir });
  const checkpoints = new CheckpointPublisher({
    dir: checkpointDirectory(config.auditCheckpointDir, config.dataDir),
    intervalMs: config.auditCheckpointIntervalMs,
    signingKey: identity.auditSigningKey,
    logger,
  });
  const audit = createPostgresAuditWriter({
    url: auditUrl(config.databaseUrl),
    signingKey: identity.auditSigningKey,
    checkpoints,
    appendTimeoutMs: config.auditAppendTimeoutMs,
    acquireTimeoutMs: config.dbAcquireTimeoutMs,
  });
  // Gateway replicas draw on the same budgets through Redis; without it this process counts alone.
  const redis = await openConfiguredRedis(config, logger);
  const stop = async () => {
    await audit.close();
    if (redis) await closeRedis(redis);
    await tracing.shutdown();
  };
  const supergraphFile = path.resolve(config.supergraphPath);
  try {
    const gateway = await startGateway({
      supergraphSdl: await readSupergraph(supergraphFile),
      // Routing comes from the supergraph's join__graph URLs; SUBGRAPH_URL_<NAME> overrides one by name.
      subgraphUrls: subgraphSettings.url.readAll(),
      host: config.host,
      port: config.gatewayPort,
      logger,
      identity,
      audit,
      rejectUnauthorized: config.authzRejectUnauthorized,
      resilience: config,
      subgraphMaxConnections: config.subgraphMaxConnections,
      corsOrigins: config.corsAllowedOrigins,
      admission: config,
      caches: config,
      redis,
      mode: config.mode,
      pseudonyms,
      accessLog: config.accessLog,
      maxOperationNames: config.metricsMaxOperationNames,
    });
    logger.info(`LiênThông gateway at ${gateway.url} (${config.mode} mode; playground at ${new URL('/', gateway.url).href})`);
    // SIGHUP reloads the supergraph here, as it does for nginx and HAProxy; SIGINT and SIGTERM stop.
    const unfollow = followSupergraphFile({ file: supergraphFile, watchMs: config.supergraphWatchMs, reload: gateway.reloadSupergraph, logger });
    onShutdown(async () => {
      unfollow();
      logger.info({ delayMs: config.drainDelayMs, timeoutMs: config.drainTimeoutMs }, 'draining');
      const { cut } = await gateway.drain({ delayMs: config.drainDelayMs, timeoutMs: config.drainTimeoutMs });
      if (cut > 0) logger.warn({ cut }, 'drain timed out: requests still running were cut');
      await stop();
    }, ['SIGINT', 'SIGTERM']);
  } catch (error) {
    await stop();
    throw error;
  }
}

// Problems the operator fixes print their message alone; anything else is a bug and keeps its stack.
main().catch((error: unknown) => {
  const operatorFixes = [ConfigError, StartupError, UnknownSubgraphError, UnknownTimeoutSubgraphError, UnsupportedSecurityError, UncoveredFieldsError];
  if (operatorFixes.some((kind) => error instanceof kind)) console.error((error as Error).message);
  else if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') console.error(`${(error as Error).message}: another process holds the port (set GATEWAY_PORT).`);
  else console.error(error);
  process.exit(1);
});
