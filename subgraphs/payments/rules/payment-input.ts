import { isProvinceCode, parseDossierCode, type DossierCodeParts } from '../../../lib/domain';
import { badInput } from '../../../lib/errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Payment IDs are UUIDs; anything else could never match and would make PostgreSQL fail the cast. */
export const isPaymentId = (id: string): boolean => UUID.test(id);

export function checkPaymentId(id: string): string {
  if (!isPaymentId(id)) throw badInput(`Payment ID ${JSON.stringify(id)} is not a UUID.`, { argument: 'id' });
  return id.toLowerCase();
}

export const IDEMPOTENCY_KEY_MAX = 200;

export function checkIdempotencyKey(key: string): string {
  if (key.length < 1 || key.length > IDEMPOTENCY_KEY_MAX) {
    throw badInput(`An idempotency key has 1 to ${IDEMPOTENCY_KEY_MAX} characters.`, { argument: 'idempotencyKey' });
  }
  return key;
}

/**
 * The province and procedure of a dossier, read from its code alone: payments never reads the
 * public-services database (each subgraph owns its own data). Enough to resolve references and
 * fee statuses; a new payment checks the dossier itself through the gateway (payable-dossier.ts).
 */
export function dossierCodeParts(code: string): DossierCodeParts | null {
  const parts = parseDossierCode(code);
  return parts && isProvinceCode(parts.provinceCode) ? parts : null;
}

export function checkDossierCode(code: string): DossierCodeParts {
  const parts = dossierCodeParts(code);
  if (!parts) throw badInput(`Dossier code ${JSON.stringify(code)} is malformed (expected e.g. 46-DVC02-251123-000042).`, { argument: 'dossierCode' });
  return parts;
}

/** Free text stored with a payment stays bounded. */
export function checkText(argument: string, value: string | null | undefined, max: number): string | null {
  if (value === null || value === undefined) return null;
  if (value.length > max) throw badInput(`${argument} has at most ${max} characters.`, { argument });
  return value;
}
