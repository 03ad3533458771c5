import type { ApolloServerPlugin } from '@apollo/server';
import { REQUEST_ID_HEADER } from '../lib/subgraph';
import type { GatewayContext } from './gateway-context';

/** Echoes the request id to the client, so a reported problem can be found in every process's logs. */
export const requestIdPlugin: ApolloServerPlugin<GatewayContext> = {
  async requestDidStart({ contextValue }) {
    return {
      async willSendResponse({ response }) {
        response.http.headers.set(REQUEST_ID_HEADER, contextValue.requestId);
      },
    };
  },
};
