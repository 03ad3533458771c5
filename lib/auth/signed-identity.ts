import { createHash, createPrivateKey, createPublicKey, randomBytes, sign, verify, type KeyObject } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { unauthenticated } from './auth-error';
import type { Caller } from './caller';
import { ensureDevKeyPair, type SigningKeyFiles } from './key-files';
import { ReplayGuard } from './replay-guard';

export type { SigningKeyFiles };

/**
 * The gateway signs every subgraph request with Ed25519 over the body, the caller's identity,
 * the time and a nonce; subgraphs verify with the public key only, so a subgraph (or anyone who
 * reaches one) can never mint an identity.
 */
export const IDENTITY_HEADERS = {
  identity: 'x-lienthong-identity',
  time: 'x-lienthong-time',
  nonce: 'x-lienthong-nonce',
  signature: 'x-lienthong-signature',
} as const;

/** How far a request's time may be from the subgraph's clock. */
export const MAX_SKEW_MS = 30_000;

const message = (time: string, nonce: string, identity: string, body: string) =>
  Buffer.from(`${time}\n${nonce}\n${identity}\n${createHash('sha256').update(body).digest('hex')}`);

/** The identity header's value for a caller. */
export const encodeIdentity = (caller: Caller): string => Buffer.from(JSON.stringify(caller)).toString('base64url');

/**
 * Signature headers for one request. The gateway signs in its fetcher, where the exact body
 * bytes are known; `identity` is the already-encoded identity header.
 */
export function signRequest(privateKey: KeyObject, identity: string, body: string, now = Date.now()): Record<string, string> {
  const time = String(now);
  const nonce = randomBytes(16).toString('hex');
  const signature = sign(null, message(time, nonce, identity, body), privateKey).toString('base64url');
  return { [IDENTITY_HEADERS.identity]: identity, [IDENTITY_HEADERS.time]: time, [IDENTITY_HEADERS.nonce]: nonce, [IDENTITY_HEADERS.signature]: signature };
}

export type HeaderReader = (name: string) => string | undefined;

/** A Node request's headers as a HeaderReader (a header Node hands over as a list reads as absent). */
export const headerReader =
  (req: { headers: IncomingHttpHeaders }): HeaderReader =>
  (name) => {
    const value = req.headers[name];
    return typeof value === 'string' ? value : undefined;
  };

/** Checks a subgraph request's signature, freshness and nonce; returns the caller it carries. */
export function verifySignedRequest(publicKey: KeyObject, header: HeaderReader, body: string, replay: ReplayGuard, now = Date.now()): Caller {
  const identity = header(IDENTITY_HEADERS.identity);
  const time = header(IDENTITY_HEADERS.time);
  const nonce = header(IDENTITY_HEADERS.nonce);
  const signature = header(IDENTITY_HEADERS.signature);
  if (!identity || !time || !nonce || !signature) throw unauthenticated('subgraphs answer only requests signed by the gateway');
  if (!/^\d{13}$/.test(time) || Math.abs(now - Number(time)) > MAX_SKEW_MS) throw unauthenticated('the signed request is stale');
  if (!/^[0-9a-f]{32}$/.test(nonce)) throw unauthenticated('the signed request has a malformed nonce');
  if (!signatureValid(publicKey, message(time, nonce, identity, body), signature)) throw unauthenticated('the request signature does not verify');
  if (!replay.firstUse(nonce, Number(time) + MAX_SKEW_MS)) throw unauthenticated('the signed request was replayed');
  try {
    return JSON.parse(Buffer.from(identity, 'base64url').toString('utf8')) as Caller;
  } catch {
    throw unauthenticated('the signed identity is malformed');
  }
}

function signatureValid(publicKey: KeyObject, signed: Buffer, signature: string): boolean {
  try {
    return verify(null, signed, publicKey, Buffer.from(signature, 'base64url'));
  } catch {
    // A signature of the wrong length is simply not valid.
    return false;
  }
}

/** Development signing keys in the data folder, created on first use. */
export const ensureDevSigningKeys = (dataDir: string): SigningKeyFiles => ensureDevKeyPair(dataDir, 'gateway-signing');

export const loadPrivateKey = (pem: string): KeyObject => createPrivateKey(pem);
export const loadPublicKey = (pem: string): KeyObject => createPublicKey(pem);
