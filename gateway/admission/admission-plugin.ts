import type { ApolloServerPlugin, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import { AppError } from '../../lib/errors';
import type { Logger } from '../../lib/logging';
import type { CallerBudgets } from '../budgets/caller-budgets';
import { actualCost } from '../cost/actual-cost';
import type { CostModel } from '../cost/cost-model';
import { staticCost } from '../cost/static-cost';
import type { TrustedDocuments } from '../documents/trusted-documents';
import type { GatewayContext } from '../gateway-context';
import type { OperationLimits } from '../limits/operation-limits';
import { checkVariables } from './nul-characters';
import { resolvedOperation } from './operation-resolution';

export interface DemandControl {
  /** measure: report and log each operation's cost; enforce: also refuse one over `maxPerOperation`. */
  mode: 'measure' | 'enforce';
  maxPerOperation: number;
  defaultListSize: number;
  /** The weights the supergraph a request was validated against declares (a reload brings its own). */
  modelFor(schema: GraphQLSchema): CostModel;
}

export interface Admission {
  limits: OperationLimits;
  cost: DemandControl;
  budgets: CallerBudgets;
  documents: TrustedDocuments;
  logger: Logger;
}

/** What clients read in `extensions.cost` (measure mode) and the `x-lienthong-cost` header (always). */
interface CostReport {
  mode: DemandControl['mode'];
  estimated: number;
  actual: number;
  max: number;
}

export const COST_HEADER = 'x-lienthong-cost';

function reportCost({ response }: GraphQLRequestContextWillSendResponse<GatewayContext>, report: CostReport): void {
  response.http.headers.set(COST_HEADER, `estimated=${report.estimated}, actual=${report.actual}, max=${report.max}`);
  if (report.mode !== 'measure' || response.body.kind !== 'single') return;
  response.body.singleResult.extensions = { ...response.body.singleResult.extensions, cost: report };
}

/**
 * Admission once Apollo Server has parsed and validated an operation (what comes before is in
 * admission-front.ts): the operation chosen, NUL characters in variables, trusted documents,
 * the estimated cost and the caller's cost budget, before the access filter or the planner
 * sees it. Every refusal is a client error with its own code; a limit's says the limit and
 * the measured value. Apollo Server answers 500 to an error thrown by any hook before this
 * one, which is why the earlier checks stand in front of it.
 */
export function admissionPlugin({ cost, budgets, documents, logger }: Admission): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ contextValue }) {
      const { caller, requestId, delegatedTo } = contextValue;
      let estimated: number | null = null;
      return {
        async didResolveOperation({ operation, request, document, queryHash, schema }) {
          const chosen = resolvedOperation(operation, request.operationName);
          checkVariables(request.variables);
          // A look-up a subgraph makes under a delegation grant is LiênThông's own document, for a mutation the caller was charged for.
          if (!delegatedTo) documents.admit(caller, queryHash, document, chosen);
          estimated = staticCost({ schema, model: cost.modelFor(schema), document, operation: chosen, variables: request.variables ?? {}, defaultListSize: cost.defaultListSize });
          if (cost.mode === 'enforce' && estimated > cost.maxPerOperation) {
            throw new AppError('COST_LIMIT_EXCEEDED', `The operation's estimated cost is ${estimated}; the limit is ${cost.maxPerOperation}.`, {
              limit: cost.maxPerOperation,
              measured: estimated,
              http: { status: 400 },
            });
          }
          if (!delegatedTo) await budgets.chargeCost(caller, estimated);
        },
        async willSendResponse(context) {
          const { operation, document, schema, response } = context;
          if (estimated === null || !operation || !document || response.body.kind !== 'single') return;
          const actual = actualCost({ schema, model: cost.modelFor(schema), document, operation, data: response.body.singleResult.data });
          reportCost(context, { mode: cost.mode, estimated, actual, max: cost.maxPerOperation });
          // Measuring is for choosing the limit: each cost is logged where an operator sees it.
          logger[cost.mode === 'measure' ? 'info' : 'debug']({ requestId, operationName: context.operationName, estimatedCost: estimated, actualCost: actual }, 'operation cost');
        },
      };
    },
  };
}
