import type { ExchangeReport } from '../../lib/http';
import type { Logger } from '../../lib/logging';
import { counter, requestMetrics } from '../../lib/metrics';
import type { GatewayContext } from '../gateway-context';
import { accessLog } from './access-log';
import type { SubjectPseudonyms } from './subject-pseudonyms';

export interface RequestObservation {
  logger: Logger;
  pseudonyms: SubjectPseudonyms;
  /** One log line per request. */
  accessLog: boolean;
  maxOperationNames: number;
}

/**
 * What the gateway notes of every GraphQL request once it is answered: its duration by operation
 * and outcome, a refusal by its code (limits, budgets, trusted documents, tokens: anything
 * answered with an error status), and the access-log line.
 */
export function observeRequests({ logger, pseudonyms, accessLog: logging, maxOperationNames }: RequestObservation): (report: ExchangeReport<GatewayContext>) => void {
  const durations = requestMetrics<GatewayContext>('gateway', maxOperationNames);
  const refusals = counter({ name: 'lienthong_gateway_refusals_total', help: 'Requests answered with an error status, by the code of their first error (limits, budgets, tokens, audit)', labelNames: ['code'] as const });
  const line = logging ? accessLog(logger, pseudonyms) : undefined;
  return (report) => {
    durations(report);
    if (report.status >= 400) refusals.inc({ code: report.errorCodes[0] ?? 'NONE' });
    line?.(report);
  };
}
