import type { GraphQLError } from 'graphql';
import type { AuditWriter } from '../../lib/auth/audit-record';
import { AppError, ErrorCodes } from '../../lib/errors';
import type { Logger } from '../../lib/logging';
import type { SubgraphCallContext } from '../gateway-context';
import { auditRecordFor, type RecordKind } from './audit-hand-off';
import type { PersonalChange } from './personal-change';

/** What is read of an execution's result to record its outcome. */
export interface ChangeResult {
  data?: Record<string, unknown> | null;
  errors?: readonly GraphQLError[];
}

export interface AuditedChange<R extends ChangeResult> {
  audit: AuditWriter;
  logger: Logger;
  /** The execution's context, where the subgraphs' reports of whose data they served are collected. */
  context: SubgraphCallContext;
  operationName: string | null;
  change: PersonalChange;
  /** Every personal-data field the operation runs or reads: its outcome record's fields. */
  personalFields: readonly string[];
  /** Forwards the mutation to the subgraphs. */
  run: () => Promise<R>;
}

export type ChangeRun<R> = { refused: { data: null; errors: GraphQLError[] } } | { result: R };

const INTENT: RecordKind = { kind: 'intent', outcome: null, errorCodes: [] };

/** The codes as clients see them: unregistered ones are masked (lib/errors) to INTERNAL_SERVER_ERROR. */
const codesOf = (errors: readonly GraphQLError[] = []): string[] => {
  const codes = errors.map(({ extensions }) => (typeof extensions?.code === 'string' && extensions.code in ErrorCodes ? extensions.code : 'INTERNAL_SERVER_ERROR'));
  return [...new Set(codes)].sort();
};

const DID_NOT_ANSWER = 'SUBGRAPH_UNAVAILABLE';

/**
 * What became of one mutation field: made (it returned its result, or ran and only something under
 * it failed), failed (an error at its own path, from a subgraph that answered), or unknown (no
 * answer from its subgraph, which may still have made it; or nulled with no error of its own).
 */
function fateOf(key: string, result: ChangeResult): 'made' | 'failed' | 'unknown' {
  const errors = (result.errors ?? []).filter(({ path }) => path?.[0] === key);
  if ((result.data?.[key] ?? null) !== null) return 'made';
  const own = errors.filter(({ path }) => path!.length === 1);
  if (own.length === 0) return errors.length > 0 ? 'made' : 'unknown';
  return own.every(({ extensions }) => extensions?.code !== DID_NOT_ANSWER) ? 'failed' : 'unknown';
}

/**
 * How the change went, from what became of each personal-data mutation field: SUCCEEDED when every
 * one was made (errors further down, listed too, did not undo them), FAILED when every one failed,
 * PARTIAL when some were made and the others failed, UNCERTAIN when any may or may not have been.
 */
export function outcomeOf(change: PersonalChange, result: ChangeResult): RecordKind {
  const fates = new Set(change.responseKeys.map((key) => fateOf(key, result)));
  const outcome = fates.has('unknown') ? 'UNCERTAIN' : fates.size === 2 ? 'PARTIAL' : fates.has('made') ? 'SUCCEEDED' : 'FAILED';
  return { kind: 'outcome', outcome, errorCodes: codesOf(result.errors) };
}

/**
 * The outcome is appended after the change ran, and its failure cannot undo the change: the
 * client gets its result, the intent already in the log says the change was asked for, and the
 * whole outcome record goes to the log at error level, so an operator can append it by hand.
 */
async function recordOutcome<R extends ChangeResult>(c: AuditedChange<R>, kind: RecordKind): Promise<void> {
  const record = auditRecordFor(c.context, c.operationName, c.personalFields, [...c.change.citizens, ...c.context.accessedCitizens], kind);
  try {
    await c.audit.append(record);
  } catch (error) {
    c.logger.error(
      { requestId: c.context.requestId, cause: error instanceof Error ? error.message : String(error), auditRecord: record },
      'AUDIT OUTCOME NOT RECORDED: the change was made or tried, and this line is the only record of its outcome; append auditRecord to the audit log',
    );
  }
}

/**
 * A mutation that changes personal data, audited on both sides: its intent is committed to the
 * audit log before any subgraph is asked (no record, no change: 503 AUDIT_UNAVAILABLE), and its
 * outcome — how it went, with the error codes and whose data it touched — after.
 */
export async function runAuditedChange<R extends ChangeResult>(c: AuditedChange<R>): Promise<ChangeRun<R>> {
  try {
    await c.audit.append(auditRecordFor(c.context, c.operationName, c.change.fields, c.change.citizens, INTENT), { deadline: c.context.deadline });
  } catch (error) {
    c.logger.error({ requestId: c.context.requestId, cause: error instanceof Error ? error.message : String(error) }, 'audit intent not recorded: the change was not forwarded');
    const unrecorded = new AppError('AUDIT_UNAVAILABLE', 'The audit log could not record this change of personal data before it was made, so it was not made.', { http: { status: 503 } });
    return { refused: { data: null, errors: [unrecorded] } };
  }
  let result: R;
  try {
    result = await c.run();
  } catch (error) {
    await recordOutcome(c, { kind: 'outcome', outcome: 'FAILED', errorCodes: ['INTERNAL_SERVER_ERROR'] });
    throw error;
  }
  await recordOutcome(c, outcomeOf(c.change, result));
  return { result };
}
