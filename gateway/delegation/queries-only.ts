import type { ApolloServerPlugin } from '@apollo/server';
import { AppError } from '../../lib/errors';
import type { GatewayContext } from '../gateway-context';

/** A request under a delegation grant may look things up, never change them: a grant is not a way to act as the caller. */
export const queriesOnlyUnderGrant: ApolloServerPlugin<GatewayContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, contextValue }) {
        if (contextValue.delegatedTo !== null && operation?.operation !== 'query') {
          throw new AppError('FORBIDDEN', 'A delegation grant allows queries only.', { http: { status: 403 } });
        }
      },
    };
  },
};
