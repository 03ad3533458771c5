import { subgraphSettings } from '../../lib/config';
import { databaseUrl } from '../../lib/db';
import { databaseNameOf } from '../../lib/subgraph';

const AUDIT = 'audit';

/**
 * Where the audit log lives, read the way the audit subgraph reads it: AUDIT_DATABASE_URL (the
 * database itself) when set, else database `lienthong_audit` on the DATABASE_URL server, else
 * undefined (an embedded server the caller knows of).
 */
export function auditDatabaseUrl(serverUrl: string | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const own = env[subgraphSettings.databaseUrl.of(AUDIT).env];
  if (own) return own;
  return serverUrl ? databaseUrl(serverUrl, databaseNameOf(AUDIT)) : undefined;
}
