import { parseArgs } from 'node:util';
import { decodeJwt } from 'jose';
import { callerFromClaims, issueDevToken, isRole, isScope, ROLES, SCOPES } from '../lib/auth';
import { ConfigError, loadConfig, settings } from '../lib/config';
import { PROVINCES, isProvinceCode } from '../lib/domain/provinces';

/**
 * `npm run token -- --role <role> [--province <code>] [--purpose <text>] [--ttl 8h] [--subject <id>] [--scope "<scopes>" | all]`:
 * a token from the development issuer, printed alone on stdout so it can be captured
 * (`TOKEN=$(npm run -s token -- --role auditor)`). A gateway in development mode accepts it.
 */
const USAGE = 'usage: npm run token -- --role <role> [--province <code>] [--purpose <text>] [--ttl <15m|8h|2d>] [--subject <id>] [--scope "<scope> <scope>" | all]';

/** A mistake in the arguments: printed with what would have been valid. */
class UsageError extends Error {}

const TTL = /^(\d+)([smhd])$/;
const SECONDS = { s: 1, m: 60, h: 3_600, d: 86_400 } as const;

function ttlSeconds(text: string): number {
  const match = TTL.exec(text);
  if (!match || Number(match[1]) === 0) throw new UsageError(`--ttl ${text}: expected a number and a unit, e.g. 15m, 8h or 2d`);
  return Number(match[1]) * SECONDS[match[2] as keyof typeof SECONDS];
}

const listed = (items: readonly string[]) => items.map((item) => `  ${item}`).join('\n');

function parse(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      role: { type: 'string' },
      province: { type: 'string' },
      purpose: { type: 'string' },
      ttl: { type: 'string', default: '8h' },
      subject: { type: 'string' },
      scope: { type: 'string' },
    },
    strict: true,
  });
  const { role, province, scope } = values;
  if (!role || !isRole(role)) {
    throw new UsageError(`${role ? `Unknown role "${role}"` : 'A --role is required'}. Roles:\n${listed(Object.entries(ROLES).map(([name, spec]) => `${name}: ${spec.description}`))}`);
  }
  const provinceCodes = () => `Province codes (2025):\n${listed(PROVINCES.map((p) => `${p.code} ${p.name}`))}`;
  if (province !== undefined && !isProvinceCode(province)) throw new UsageError(`Unknown province code "${province}". ${provinceCodes()}`);
  if (province === undefined && ROLES[role].jurisdiction === 'province') throw new UsageError(`Role ${role} works for one province: give --province <code>. ${provinceCodes()}`);
  // `--scope all`: every scope, for exploring the whole graph in development.
  const scopes = scope === 'all' ? Object.keys(SCOPES) : scope?.split(/\s+/).filter(Boolean);
  const unknown = scopes?.filter((s) => !isScope(s)) ?? [];
  if (unknown.length > 0) throw new UsageError(`Unknown scope ${unknown.join(', ')}. Scopes:\n${listed(Object.keys(SCOPES))}`);
  if (ROLES[role].jurisdiction === 'self' && !values.subject) throw new UsageError('A citizen token needs --subject <the citizen\'s 12-digit personal ID>.');
  return { role, province, purpose: values.purpose, ttlSeconds: ttlSeconds(values.ttl), subject: values.subject, scopes };
}

async function main(): Promise<void> {
  const request = parse(process.argv.slice(2));
  const { dataDir } = loadConfig({ dataDir: settings.dataDir });
  const token = await issueDevToken({ dataDir, ...request });
  // The gateway's own reading of the claims, so a token it would refuse is never printed.
  try {
    callerFromClaims(decodeJwt(token));
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/^(Not authenticated|Invalid purpose of access): /, 'The gateway would refuse this token: '));
  }
  process.stdout.write(`${token}\n`);
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) console.error(`${error.message}\n${USAGE}`);
  else if (error instanceof ConfigError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) console.error(`${(error as Error).message}\n${USAGE}`);
  else console.error(error);
  process.exit(1);
});
