import { encodeIdentity, ROLES, signRequest, type Caller, type Role } from '../../lib/auth';
import { headersFor, subgraphNameOf, type GraphQLResponse } from './graphql-client';
import { EVERYTHING_CALLER, TEST_KEYS } from './test-identity';

/*
 * What the access tests of every subgraph need: callers as the gateway would sign them, the
 * ways a request can lack a valid signature, and the shapes of the answers.
 */

const PURPOSE = 'Kiểm thử phân quyền';

/** An officer of a role with the role's scopes: bound to `provinceCode`, or national without one. */
export function officer(role: Exclude<Role, 'citizen'>, provinceCode?: string, changes: Partial<Caller> = {}): Caller {
  return {
    subject: `officer:${role}${provinceCode ? `:${provinceCode}` : ''}`,
    role,
    scopes: ROLES[role].scopes,
    jurisdiction: provinceCode ? { kind: 'province', provinceCode } : { kind: 'national' },
    purpose: PURPOSE,
    ...changes,
  };
}

/** A citizen signed in for themself, with the citizen role's scopes. */
export const citizenCaller = (personalId: string): Caller => ({
  subject: personalId,
  role: 'citizen',
  scopes: ROLES.citizen.scopes,
  jurisdiction: { kind: 'self', personalId },
  purpose: PURPOSE,
});

/** A request body as clients send it. */
export const operation = (query: string, variables: Record<string, unknown> = {}): string => JSON.stringify({ query, variables });

async function send(url: string, body: string, headers: Record<string, string>): Promise<GraphQLResponse> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: response.status, body: (await response.json()) as GraphQLResponse['body'] };
}

/** Sent with no gateway signature at all, as by anyone who reaches the subgraph directly. */
export const sendUnsigned = (url: string, body: string): Promise<GraphQLResponse> => send(url, body, {});

/** Signed for one body, sent with another: what a man in the middle would do. */
export const sendTampered = (url: string, signedBody: string, sentBody: string): Promise<GraphQLResponse> => send(url, sentBody, headersFor(url, signedBody));

/** Sent signed twice with the same headers: the answers to the original and to the replay. */
export async function sendReplayed(url: string, body: string): Promise<[GraphQLResponse, GraphQLResponse]> {
  const headers = headersFor(url, body);
  return [await send(url, body, headers), await send(url, body, headers)];
}

/** Signed correctly, but a minute ago: past the freshness window. */
export const sendStale = (url: string, body: string): Promise<GraphQLResponse> =>
  send(url, body, signRequest(TEST_KEYS.privateKey, subgraphNameOf(url), encodeIdentity(EVERYTHING_CALLER), body, Date.now() - 60_000));

/** The whole answer to a request without a valid signature: HTTP 401, the reason, no data. */
export const unauthenticated = (reason: string): GraphQLResponse => ({
  status: 401,
  body: { errors: [{ message: `Not authenticated: ${reason}.`, extensions: { code: 'UNAUTHENTICATED' } }] },
});

/** One error of a response, as the subgraph reports a refused or failed field. */
export const fieldError = (code: string, message: string, path: (string | number)[]) => ({ message, locations: expect.any(Array), path, extensions: { code } });

/** The error of a field the caller lacks the scope for. */
export const missingScope = (coordinate: string, scope: string, path: (string | number)[]) =>
  fieldError('UNAUTHORIZED_FIELD_OR_TYPE', `Not allowed to read ${coordinate}: it needs scope ${scope}.`, path);

/** The error of a personal-data field read without a stated purpose. */
export const purposeRequired = (coordinate: string, path: (string | number)[]) =>
  fieldError('PURPOSE_REQUIRED', `${coordinate} is personal data: state the purpose of access in the x-purpose header or the token's purpose claim.`, path);

/** The extensions of a response that served these citizens' personal data. */
export const accessed = (...personalIds: (string | null | undefined)[]) => ({
  lienthong: { accessedCitizens: [...new Set(personalIds.filter((id): id is string => typeof id === 'string'))].sort() },
});

/** A response with one key written as `<key>`, to compare answers that differ only in what was asked for. */
export const withoutKey = (response: GraphQLResponse, key: string): unknown => JSON.parse(JSON.stringify(response).replaceAll(key, '<key>'));
