import { provinceOf } from '../../lib/auth';
import type { AuditRecord } from '../../lib/auth/audit-record';
import type { SubgraphCallContext } from '../gateway-context';

/** The one audit record of an execution that read personal data. */
export function auditRecordOf(context: SubgraphCallContext, operationName: string | null, fields: readonly string[]): AuditRecord {
  const { caller } = context;
  // The access decision refuses personal data without a purpose before anything executes.
  if (caller.purpose === null) throw new Error('Personal data was read without a purpose of access.');
  return {
    requestId: context.requestId,
    at: new Date(),
    subject: caller.subject,
    role: caller.role,
    province: provinceOf(caller),
    purpose: caller.purpose,
    operationName,
    citizens: [...context.accessedCitizens].sort(),
    fields: [...fields],
  };
}
