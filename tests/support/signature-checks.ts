import { operation, sendReplayed, sendStale, sendTampered, sendUnsigned, unauthenticated } from './access-fixtures';

/** A request a client could send: a name for the test, the query, its variables. */
export type Operation = [name: string, query: string, variables: Record<string, unknown>];

/**
 * Declares, for every operation, the tests of the four ways a request can lack a valid gateway
 * signature: none, a body changed after signing (to `changedVariables`, so it still is a valid
 * request), a replay, and a stale time. Each is answered HTTP 401 with its reason and no data.
 */
export function checkSignatures(subgraph: { url: string }, operations: Operation[], changedVariables: Record<string, unknown>): void {
  it.each(operations)('answers %s unsigned with HTTP 401 UNAUTHENTICATED and no data', async (_name, query, variables) => {
    expect(await sendUnsigned(subgraph.url, operation(query, variables))).toEqual(unauthenticated('subgraphs answer only requests signed by the gateway'));
  });

  it.each(operations)('answers %s with HTTP 401 when the body was changed after signing', async (_name, query, variables) => {
    const changed = operation(query, { ...variables, ...changedVariables });
    expect(await sendTampered(subgraph.url, operation(query, variables), changed)).toEqual(unauthenticated('the request signature does not verify'));
  });

  it.each(operations)('answers %s once, and its replay with HTTP 401', async (_name, query, variables) => {
    const [original, replay] = await sendReplayed(subgraph.url, operation(query, variables));
    expect(original.status).toBe(200);
    expect(original.body.errors).toBeUndefined();
    expect(replay).toEqual(unauthenticated('the signed request was replayed'));
  });

  it.each(operations)('answers %s signed a minute ago with HTTP 401', async (_name, query, variables) => {
    expect(await sendStale(subgraph.url, operation(query, variables))).toEqual(unauthenticated('the signed request is stale'));
  });
}
