import { postAs, postGraphQL, subgraphNameOf } from './graphql-client';
import { signedHeaders } from './test-identity';

/** A mutation as a client could send it, with the variables of another valid request to turn it into. */
export type Mutation = [name: string, query: string, variables: Record<string, unknown>, changedVariables: Record<string, unknown>];

/**
 * Declares, for every mutation, that a request without a valid gateway signature changes no
 * row: sent unsigned, changed after signing, or replayed after the one signed execution.
 * `written` reads everything the mutations could write.
 */
export function checkUnsignedMutationsWriteNothing(subgraph: { url: string }, mutations: Mutation[], written: () => Promise<unknown>): void {
  it.each(mutations)('writes nothing for %s unsigned, changed after signing, or replayed', async (_name, query, variables, changed) => {
    const before = await written();
    expect((await postAs(null, subgraph.url, query, variables)).status).toBe(401);
    const signedForOriginal = signedHeaders(subgraphNameOf(subgraph.url), JSON.stringify({ query, variables }));
    expect((await postGraphQL(subgraph.url, query, changed, signedForOriginal)).status).toBe(401);
    expect(await written()).toEqual(before);

    expect((await postGraphQL(subgraph.url, query, variables, signedForOriginal)).body.errors).toBeUndefined();
    const once = await written();
    expect(once).not.toEqual(before);
    expect((await postGraphQL(subgraph.url, query, variables, signedForOriginal)).status).toBe(401);
    expect(await written()).toEqual(once);
  });
}
