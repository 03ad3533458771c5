import type { ApolloServerPlugin } from '@apollo/server';

/** The extension through which a subgraph tells the gateway whose personal data it served. */
export const ACCESS_EXTENSION = 'lienthong';

/** What a request's context records of whose personal data it read. */
export interface AccessedCitizens {
  readonly accessedCitizens: ReadonlySet<string>;
}

/**
 * Adds `extensions.lienthong.accessedCitizens` (sorted personal IDs) to a response that served
 * anyone's personal data, for the gateway's audit record; the gateway strips it before the client.
 */
export function reportAccess<Ctx extends AccessedCitizens>(): ApolloServerPlugin<Ctx> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single' || contextValue.accessedCitizens.size === 0) return;
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, [ACCESS_EXTENSION]: { accessedCitizens: [...contextValue.accessedCitizens].sort() } };
        },
      };
    },
  };
}
