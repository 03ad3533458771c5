import { sign, verify, type KeyObject } from 'node:crypto';
import { unauthenticated } from './auth-error';
import type { Caller } from './caller';

/**
 * A delegation grant: what the gateway hands a subgraph with a mutation so that the subgraph can
 * check references it does not own (does this applicant exist? may this caller pay this
 * dossier?) by asking the gateway, as the caller, instead of reading another database. Signed
 * with the gateway's Ed25519 key, it names the caller's identity, the request, the subgraph it
 * was given to and an expiry a few seconds away.
 */
export const DELEGATION_HEADER = 'x-lienthong-delegation';

/** How long a grant is honoured: enough for a mutation's look-ups on a loaded machine, no more. */
export const DELEGATION_TTL_MS = 10_000;

export interface DelegationGrant {
  /** The caller's identity header (`encodeIdentity`), exactly as the signed request carries it. */
  identity: string;
  requestId: string;
  /** The subgraph the grant was given to. */
  audience: string;
  /** Epoch milliseconds after which nobody honours it. */
  expiresAt: number;
}

/** Keeps grant signatures apart from request signatures, which begin with a 13-digit time. */
const DOMAIN = 'lienthong-delegation-v1\n';

const signedBytes = (payload: string) => Buffer.from(`${DOMAIN}${payload}`);

/** The header value of a grant: `<base64url JSON>.<base64url Ed25519 signature>`. */
export function issueDelegationGrant(privateKey: KeyObject, grant: Omit<DelegationGrant, 'expiresAt'>, now = Date.now()): string {
  const payload = Buffer.from(JSON.stringify({ ...grant, expiresAt: now + DELEGATION_TTL_MS })).toString('base64url');
  return `${payload}.${sign(null, signedBytes(payload), privateKey).toString('base64url')}`;
}

function parseGrant(payload: string): DelegationGrant {
  const grant = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<DelegationGrant>;
  const valid =
    typeof grant.identity === 'string' && typeof grant.requestId === 'string' && typeof grant.audience === 'string' && typeof grant.expiresAt === 'number';
  if (!valid) throw new Error('incomplete grant');
  return grant as DelegationGrant;
}

/** Checks a grant's signature and expiry; returns what it grants, the caller decoded. */
export function verifyDelegationGrant(publicKey: KeyObject, token: string, now = Date.now()): DelegationGrant & { caller: Caller } {
  const [payload, signature, ...rest] = token.split('.');
  if (!payload || !signature || rest.length > 0) throw unauthenticated('the delegation grant is malformed');
  let valid: boolean;
  try {
    valid = verify(null, signedBytes(payload), publicKey, Buffer.from(signature, 'base64url'));
  } catch {
    // A signature of the wrong length is simply not valid.
    valid = false;
  }
  if (!valid) throw unauthenticated('the delegation grant\'s signature does not verify');
  let grant: DelegationGrant;
  let caller: Caller;
  try {
    grant = parseGrant(payload);
    caller = JSON.parse(Buffer.from(grant.identity, 'base64url').toString('utf8')) as Caller;
  } catch {
    throw unauthenticated('the delegation grant is malformed');
  }
  if (now >= grant.expiresAt) throw unauthenticated('the delegation grant has expired');
  return { ...grant, caller };
}
