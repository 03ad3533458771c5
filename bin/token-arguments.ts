import { parseArgs } from 'node:util';
import { isRole, isScope, ROLES, SCOPES } from '../lib/auth';
import { PROVINCES, isProvinceCode } from '../lib/domain/provinces';

export const USAGE = 'usage: npm run token -- --role <role> [--province <code>] [--purpose <text>] [--ttl <15m|8h|2d>] [--subject <id>] [--scope "<scope> <scope>" | all]';

/** A mistake in the arguments: printed with what would have been valid. */
export class UsageError extends Error {}

const TTL = /^(\d+)([smhd])$/;
const SECONDS = { s: 1, m: 60, h: 3_600, d: 86_400 } as const;

function ttlSeconds(text: string): number {
  const match = TTL.exec(text);
  if (!match || Number(match[1]) === 0) throw new UsageError(`--ttl ${text}: expected a number and a unit, e.g. 15m, 8h or 2d`);
  return Number(match[1]) * SECONDS[match[2] as keyof typeof SECONDS];
}

const listed = (items: readonly string[]) => items.map((item) => `  ${item}`).join('\n');

/** The arguments of `npm run token`, read as the command reads them (the README's examples use it too). */
export function parseTokenArguments(argv: string[]) {
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
