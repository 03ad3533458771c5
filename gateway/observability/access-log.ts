import { provinceOf } from '../../lib/auth';
import type { ExchangeReport } from '../../lib/http';
import type { Logger } from '../../lib/logging';
import type { GatewayContext } from '../gateway-context';
import type { SubjectPseudonyms } from './subject-pseudonyms';

/**
 * One line per GraphQL request, at info level, once its response is done: the request id (the
 * one the client got back), the trace id, who asked (subject pseudonymised, role, province), the
 * operation's name, how long it took, the HTTP status and the error codes of the answer. Never
 * variables, documents, personal IDs or anything an answer held. A request refused before its
 * token was read has no caller.
 */
export function accessLog(logger: Logger, pseudonyms: SubjectPseudonyms): (report: ExchangeReport<GatewayContext>) => void {
  return ({ context, operationName, durationMs, status, errorCodes, traceId }) => {
    const caller = context?.caller;
    logger.info(
      {
        requestId: context?.requestId,
        traceId,
        subject: caller ? pseudonyms.of(caller.subject) : undefined,
        role: caller?.role,
        province: caller ? provinceOf(caller) : undefined,
        delegatedTo: context?.delegatedTo ?? undefined,
        operationName,
        durationMs: Math.round(durationMs * 10) / 10,
        status,
        errorCodes,
      },
      'request',
    );
  };
}
