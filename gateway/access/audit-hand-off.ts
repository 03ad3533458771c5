import { provinceOf } from '../../lib/auth';
import type { AuditRecord } from '../../lib/auth/audit-record';
import type { GatewayContext, SubgraphCallContext } from '../gateway-context';

/** What a record stands for, and for an outcome how the change went. */
export type RecordKind = Pick<AuditRecord, 'kind' | 'outcome' | 'errorCodes'>;

const READ: RecordKind = { kind: 'read', outcome: null, errorCodes: [] };

/** An audit record of this request: who asked and why, about whom and which fields. */
export function auditRecordFor(context: GatewayContext, operationName: string | null, fields: readonly string[], citizens: Iterable<string>, kind: RecordKind): AuditRecord {
  const { caller } = context;
  // The access decision refuses personal data without a purpose before anything executes.
  if (caller.purpose === null) throw new Error('Personal data was accessed without a purpose of access.');
  return {
    requestId: context.requestId,
    at: new Date(),
    subject: caller.subject,
    role: caller.role,
    province: provinceOf(caller),
    purpose: caller.purpose,
    operationName,
    citizens: [...new Set(citizens)].sort(),
    fields: [...fields],
    ...kind,
  };
}

/** The one audit record of an execution that read personal data. */
export const auditRecordOf = (context: SubgraphCallContext, operationName: string | null, fields: readonly string[]): AuditRecord =>
  auditRecordFor(context, operationName, fields, context.accessedCitizens, READ);
