import type { ApolloServerPlugin, BaseContext } from '@apollo/server';

/** What one GraphQL request over HTTP came to: what metrics and the access log are made of. */
export interface Exchange<Ctx> {
  /** `performance.now()` when the request arrived. */
  readonly startedAt: number;
  /** The request's context, once it was made (a request refused before has none). */
  context: Ctx | null;
  /** The operation's name as the client gave it (or as Apollo Server resolved it). */
  operationName: string | null;
  /** The codes of the answer's errors, as the client sees them. */
  errorCodes: readonly string[];
  /** The trace the request's span belongs to, when tracing is on. */
  traceId?: string;
}

export interface ExchangeReport<Ctx> extends Exchange<Ctx> {
  readonly status: number;
  readonly durationMs: number;
}

/** Where a context holds its exchange: a symbol, which Apollo Server's copy of the context keeps (it clones contexts shallowly). */
const EXCHANGE = Symbol('lienthong.exchange');

const exchangeOf = (context: unknown): Exchange<unknown> | undefined => (context as { [EXCHANGE]?: Exchange<unknown> } | null)?.[EXCHANGE];

/** Starts the record of a request; `attach` ties it to the context once there is one. */
export const openExchange = <Ctx>(startedAt: number): Exchange<Ctx> => ({ startedAt, context: null, operationName: null, errorCodes: [] });

export function attachExchange<Ctx>(exchange: Exchange<Ctx>, context: Ctx): void {
  exchange.context = context;
  if (typeof context === 'object' && context !== null) (context as { [EXCHANGE]?: Exchange<Ctx> })[EXCHANGE] = exchange;
}

const codesOf = (errors: readonly { extensions?: Record<string, unknown> }[] | undefined): string[] =>
  errors ? [...new Set(errors.map((error) => String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR')))] : [];

/** Notes each answer's operation name and error codes (as formatted for the client) on its exchange. */
export function exchangeOutcome<Ctx extends BaseContext>(): ApolloServerPlugin<Ctx> {
  return {
    async requestDidStart({ contextValue }) {
      const exchange = exchangeOf(contextValue);
      if (!exchange) return;
      return {
        async willSendResponse({ response, operationName, request }) {
          exchange.operationName = operationName ?? request.operationName ?? null;
          if (response.body.kind === 'single') exchange.errorCodes = codesOf(response.body.singleResult.errors);
        },
      };
    },
  };
}
