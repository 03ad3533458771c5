import { GraphQLError, type GraphQLSchema } from 'graphql';
import type { AuditWriter } from '../../lib/auth/audit-record';
import { AppError } from '../../lib/errors';
import type { Logger } from '../../lib/logging';
import { counter } from '../../lib/metrics';
import { operationResolutionFailure } from '../admission/operation-resolution';
import type { AggregateCache } from '../aggregates/aggregate-cache';
import type { GatewayContext, SubgraphCallContext } from '../gateway-context';
import type { GatewayExecutionResult, GatewayExecutor, GatewayGraphQLRequestContext, GatewayInterface } from '../supergraph/gateway-types';
import type { LiveSupergraph } from '../supergraph/live-supergraph';
import type { AccessDecision, AccessDecisions } from './access-decisions';
import { auditRecordOf } from './audit-hand-off';
import { runAuditedChange } from './audited-change';
import type { RemovedField } from './operation-filter';
import { readPersonalChange } from './personal-change';
import { restoreRemovedFields } from './response-removals';

export interface AccessOptions {
  /** Answers without personal data, kept for a while and forgotten at every change (none: always made afresh). */
  aggregates: AggregateCache | null;
  /** Refuse a whole operation that asks for anything the caller may not read (HTTP 403), instead of nulling those fields. */
  rejectUnauthorized: boolean;
  audit: AuditWriter;
  logger: Logger;
  /** Longest an operation may spend on subgraph calls and the audit record of a read (OPERATION_TIMEOUT_MS). */
  operationTimeoutMs: number;
  /** How long an aggregate answer is kept: what clients are told they may cache it for, less its age. */
  aggregateTtlMs: number;
}

const decisionOutcomes = counter({
  name: 'lienthong_gateway_access_decisions_total',
  help: 'Access decisions on operations: allowed whole, allowed with fields removed, refused (strict mode), refused for want of a purpose',
  labelNames: ['decision'] as const,
});
const allowed = decisionOutcomes.labels('allowed');
const fieldsRemoved = decisionOutcomes.labels('fields_removed');
const refusedStrict = decisionOutcomes.labels('refused');
const refusedPurpose = decisionOutcomes.labels('refused_purpose');
const removedFields = counter({ name: 'lienthong_gateway_removed_fields_total', help: 'Fields removed from operations because the caller may not read them' });

const FORBIDDEN = { http: { status: 403 } };

const unauthorized = ({ message, path }: RemovedField, details: Record<string, unknown> = {}) =>
  new GraphQLError(message, { path, extensions: { ...details, code: 'UNAUTHORIZED_FIELD_OR_TYPE' } });

/**
 * Apollo Server's gateway, wrapped so that access control happens before planning: for each
 * request the operation is filtered to what the caller may read (the query plan is built for,
 * and cached under, the filtered document), refused whole when strict mode or a missing purpose
 * says so, shaped back to what the client asked, and — when personal data was read — recorded
 * in the audit log before anything is returned. A mutation that changes personal data has its
 * intent recorded before it is forwarded and its outcome after (audited-change.ts).
 *
 * Rules, decisions and the executor come from the supergraph generation the request was validated
 * against (the live supergraph may have been replaced since): a request never mixes two supergraphs.
 */
export class AuthorizingGateway implements GatewayInterface {
  constructor(
    private readonly supergraph: LiveSupergraph,
    private readonly options: AccessOptions,
  ) {}

  /** Access decisions taken on the supergraph served now, for tests and metrics. */
  get accessDecisions(): AccessDecisions {
    return this.supergraph.served.decisions;
  }

  onSchemaLoadOrUpdate(callback: Parameters<GatewayInterface['onSchemaLoadOrUpdate']>[0]): () => void {
    return this.supergraph.onSchemaLoadOrUpdate(callback);
  }

  async load(): Promise<{ executor: GatewayExecutor }> {
    return { executor: (requestContext) => this.execute(requestContext) };
  }

  stop(): Promise<void> {
    return this.supergraph.stop();
  }

  private async execute(requestContext: GatewayGraphQLRequestContext): Promise<GatewayExecutionResult> {
    const context = requestContext.context as GatewayContext;
    // Apollo Server hands a gateway the request even when no operation matches its operationName (the admission checks, when on, refuse it sooner).
    if (!requestContext.operation) return { errors: [operationResolutionFailure(requestContext.request.operationName)] };
    const { id: generation, decisions, execute, schemaContext } = this.supergraph.generationOf(requestContext.schema);
    const decision = decisions.decide(requestContext, context.caller);
    if (decision.removed.length > 0 && this.options.rejectUnauthorized) {
      refusedStrict.inc();
      return { errors: decision.removed.map((removed) => unauthorized(removed, FORBIDDEN)) };
    }
    if (decision.purposeRefusal) {
      refusedPurpose.inc();
      return { errors: [new AppError('PURPOSE_REQUIRED', decision.purposeRefusal.message, FORBIDDEN)] };
    }
    if (decision.removed.length > 0) {
      fieldsRemoved.inc();
      removedFields.inc(decision.removed.length);
    } else allowed.inc();
    const callContext: SubgraphCallContext = { ...context, accessedCitizens: new Set(), deadline: Date.now() + this.options.operationTimeoutMs };
    const run = () => execute({ ...requestContext, document: decision.document, queryHash: decision.queryHash, context: callContext });
    if (requestContext.operation.operation === 'mutation') {
      // Whatever it changed, counted answers made before it are no longer true.
      try {
        return await this.recorded(requestContext, callContext, decision, run, schemaContext.apiSchema);
      } finally {
        await this.options.aggregates?.changed();
      }
    }
    if (decision.personalFields.length === 0 && decision.readsAggregates) return this.shaped(await this.aggregate(requestContext, decision, generation, run), decision);
    return this.recorded(requestContext, callContext, decision, run, schemaContext.apiSchema);
  }

  /** An operation that reads aggregates and no personal data, from the aggregate cache when there is one; the age of the answer bounds what clients may cache. */
  private async aggregate(requestContext: GatewayGraphQLRequestContext, decision: AccessDecision, supergraph: string, run: () => Promise<GatewayExecutionResult>): Promise<GatewayExecutionResult> {
    const { aggregates, aggregateTtlMs } = this.options;
    if (!aggregates) return run();
    const { caller } = requestContext.context as GatewayContext;
    const { operationName } = requestContext;
    const { result, ageMs } = await aggregates.answer({ supergraph, queryHash: decision.queryHash, operationName, variables: requestContext.request.variables ?? {}, caller }, run);
    if (!result.errors?.length) requestContext.overallCachePolicy.replace({ maxAge: Math.max(0, Math.floor((aggregateTtlMs - ageMs) / 1000)), scope: 'PRIVATE' });
    return result;
  }

  /** An operation that reads personal data or changes something: recorded in the audit log. */
  private async recorded(
    requestContext: GatewayGraphQLRequestContext,
    callContext: SubgraphCallContext,
    decision: AccessDecision,
    run: () => Promise<GatewayExecutionResult>,
    schema: GraphQLSchema,
  ): Promise<GatewayExecutionResult> {
    if (decision.personalFields.length === 0) return this.shaped(await run(), decision);
    const { operationName } = requestContext;
    const reading = readPersonalChange({
      schema,
      document: decision.document,
      operationName,
      variables: requestContext.request.variables ?? {},
      personalFields: decision.personalFields,
    });
    if ('errors' in reading) return { errors: reading.errors };
    if (!reading.change) return this.audited(this.shaped(await run(), decision), callContext, operationName, decision);
    const { audit, logger } = this.options;
    const changed = await runAuditedChange({ audit, logger, context: callContext, operationName, change: reading.change, personalFields: decision.personalFields, run });
    return 'refused' in changed ? changed.refused : this.shaped(changed.result, decision);
  }

  private shaped(result: GatewayExecutionResult, decision: AccessDecision): GatewayExecutionResult {
    const data = restoreRemovedFields(result.data, decision.removed.map((removed) => removed.steps), decision.placeholders);
    const errors = [...decision.removed.map((removed) => unauthorized(removed)), ...(result.errors ?? [])];
    return { ...result, data, ...(errors.length > 0 ? { errors } : {}) };
  }

  /** Fail closed: a read of personal data the audit log could not record returns nothing. */
  private async audited(response: GatewayExecutionResult, context: SubgraphCallContext, operationName: string | null, decision: AccessDecision): Promise<GatewayExecutionResult> {
    try {
      await this.options.audit.append(auditRecordOf(context, operationName, decision.personalFields), { deadline: context.deadline });
      return response;
    } catch (error) {
      this.options.logger.error({ requestId: context.requestId, cause: error instanceof Error ? error.message : String(error) }, 'audit append failed');
      return { data: null, errors: [new AppError('AUDIT_UNAVAILABLE', 'The audit log could not record this read of personal data, so nothing is returned.', { http: { status: 503 } })] };
    }
  }
}
