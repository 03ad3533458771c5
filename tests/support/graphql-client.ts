import type { Caller } from '../../lib/auth';
import { gatewayHeaders } from './test-identity';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  body: { data?: T | null; errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[]; extensions?: Record<string, unknown> };
}

/** Subgraphs started by the tests answer only requests signed for them; their URLs and names are known here. */
const subgraphNames = new Map<string, string>();
export const registerSubgraphUrl = (url: string, name: string): void => void subgraphNames.set(url, name);
export const forgetSubgraphUrl = (url: string): void => void subgraphNames.delete(url);

/** The name of the test subgraph at `url`, which requests to it are signed for. */
export function subgraphNameOf(url: string): string {
  const name = subgraphNames.get(url);
  if (!name) throw new Error(`No test subgraph at ${url}: start it with startTestSubgraph`);
  return name;
}

async function post<T>(url: string, body: string, headers: Record<string, string>): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: response.status, body: (await response.json()) as GraphQLResponse<T>['body'] };
}

/** The headers the gateway would send a test subgraph with this body for `caller`: signed, and a mutation with its delegation grant. */
export const headersFor = (url: string, body: string, caller?: Caller): Record<string, string> => gatewayHeaders(body, subgraphNameOf(url), caller);

/**
 * Sends one operation over real HTTP, as a client would. To a test subgraph it goes signed as
 * the gateway would send it for a national caller with every scope; use `postAs` for another caller.
 */
export async function postGraphQL<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const body = JSON.stringify({ query, variables });
  return post<T>(url, body, { ...(subgraphNames.has(url) ? headersFor(url, body) : {}), ...headers });
}

/** Sends one operation to a test subgraph signed for `caller`, or unsigned when `caller` is null. */
export async function postAs<T = Record<string, unknown>>(
  caller: Caller | null,
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLResponse<T>> {
  const body = JSON.stringify({ query, variables });
  return post<T>(url, body, caller ? headersFor(url, body, caller) : {});
}
