import { createHash, createPrivateKey, createPublicKey, randomBytes, sign, verify, type KeyObject } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { unauthenticated } from './auth-error';
import type { Caller } from './caller';
import { ensureDevKeyPair, type SigningKeyFiles } from './key-files';
import type { ReplayGuard } from './replay-guard';

export type { SigningKeyFiles };

/**
 * The gateway signs every subgraph request with Ed25519 over the subgraph it is meant for, the
 * body, the caller's identity, the time and a nonce; subgraphs verify with the public key only, so
 * a subgraph (or anyone who reaches one) can never mint an identity, and a request signed for one
 * subgraph is refused by every other.
 */
export const IDENTITY_HEADERS = {
  target: 'x-lienthong-target',
  identity: 'x-lienthong-identity',
  time: 'x-lienthong-time',
  nonce: 'x-lienthong-nonce',
  signature: 'x-lienthong-signature',
} as const;

/** How far a request's time may be from the subgraph's clock. */
export const MAX_SKEW_MS = 30_000;

/** A subgraph's name as the supergraph lists it (join__graph), which is how the gateway knows it. */
const SUBGRAPH_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,62}$/;

const message = (target: string, time: string, nonce: string, identity: string, body: string) =>
  Buffer.from(`${target}\n${time}\n${nonce}\n${identity}\n${createHash('sha256').update(body).digest('hex')}`);

/** The identity header's value for a caller. */
export const encodeIdentity = (caller: Caller): string => Buffer.from(JSON.stringify(caller)).toString('base64url');

/**
 * Signature headers for one request to the subgraph named `target`. The gateway signs in its
 * fetcher, where the exact body bytes are known; `identity` is the already-encoded identity header.
 */
export function signRequest(privateKey: KeyObject, target: string, identity: string, body: string, now = Date.now()): Record<string, string> {
  if (!SUBGRAPH_NAME.test(target)) throw new Error(`Cannot sign for subgraph ${JSON.stringify(target)}: not a subgraph name`);
  const time = String(now);
  const nonce = randomBytes(16).toString('hex');
  const signature = sign(null, message(target, time, nonce, identity, body), privateKey).toString('base64url');
  return {
    [IDENTITY_HEADERS.target]: target,
    [IDENTITY_HEADERS.identity]: identity,
    [IDENTITY_HEADERS.time]: time,
    [IDENTITY_HEADERS.nonce]: nonce,
    [IDENTITY_HEADERS.signature]: signature,
  };
}

export type HeaderReader = (name: string) => string | undefined;

/** A Node request's headers as a HeaderReader (a header Node hands over as a list reads as absent). */
export const headerReader =
  (req: { headers: IncomingHttpHeaders }): HeaderReader =>
  (name) => {
    const value = req.headers[name];
    return typeof value === 'string' ? value : undefined;
  };

/** What a subgraph checks signed requests against. */
export interface SignatureCheck {
  /** The gateway's public key. */
  publicKey: KeyObject;
  /** The subgraph's own name: only requests signed for it are answered. */
  subgraph: string;
  /** The nonces already accepted, shared by every replica of the subgraph. */
  replay: ReplayGuard;
}

/**
 * Checks a subgraph request's target, freshness, signature and nonce, cheapest first (the nonce,
 * a Redis round trip when replicas share it, only for a request whose signature verified);
 * returns the caller it carries. Rejects with UNAUTHENTICATED, or with ReplayGuardUnavailable
 * when the nonce cannot be checked.
 */
export async function verifySignedRequest({ publicKey, subgraph, replay }: SignatureCheck, header: HeaderReader, body: string, now = Date.now()): Promise<Caller> {
  const target = header(IDENTITY_HEADERS.target);
  const identity = header(IDENTITY_HEADERS.identity);
  const time = header(IDENTITY_HEADERS.time);
  const nonce = header(IDENTITY_HEADERS.nonce);
  const signature = header(IDENTITY_HEADERS.signature);
  if (!target || !identity || !time || !nonce || !signature) throw unauthenticated('subgraphs answer only requests signed by the gateway');
  if (target !== subgraph) throw unauthenticated('the request was signed for another subgraph');
  if (!/^\d{13}$/.test(time) || Math.abs(now - Number(time)) > MAX_SKEW_MS) throw unauthenticated('the signed request is stale');
  if (!/^[0-9a-f]{32}$/.test(nonce)) throw unauthenticated('the signed request has a malformed nonce');
  if (!signatureValid(publicKey, message(target, time, nonce, identity, body), signature)) throw unauthenticated('the request signature does not verify');
  // Remembered past the request's own window, so that a replica whose clock runs up to MAX_SKEW_MS behind another's still finds it.
  if (!(await replay.firstUse(nonce, Number(time) + 2 * MAX_SKEW_MS))) throw unauthenticated('the signed request was replayed');
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
