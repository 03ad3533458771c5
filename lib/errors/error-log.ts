import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { Logger } from '../logging';
import { clientErrorOf } from './format-client-error';

/**
 * Every error a client sees only as INTERNAL_SERVER_ERROR is logged here, with its stack, path and
 * the request id the client was given, so an operator can find what the client cannot. A
 * database's failure (SUBGRAPH_UNAVAILABLE, BAD_USER_INPUT to the client) is logged as a warning
 * with the driver's own message. Variables are never logged.
 */
export function logMaskedErrors<Ctx extends BaseContext & { requestId: string }>(logger: Logger): ApolloServerPlugin<Ctx> {
  return {
    async requestDidStart({ contextValue }) {
      return {
        async didEncounterErrors({ errors, operationName }) {
          for (const error of errors) {
            const client = clientErrorOf(error, error);
            const where = { requestId: contextValue.requestId, operationName, path: error.path, subgraph: error.extensions?.serviceName };
            if (client.masked) logger.error({ ...where, err: error.originalError ?? error }, 'internal error (the client saw INTERNAL_SERVER_ERROR)');
            else if (client.database) logger.warn({ ...where, code: client.code, cause: (error.originalError ?? error).message }, 'database failure');
          }
        },
      };
    },
  };
}
