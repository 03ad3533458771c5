import type { SyntheticPayment } from '../../../lib/synthetic';
import { shownDateTime } from '../../support/response-checks';
import { PAYMENTS } from '../../support/seeded-payments';

export { DOSSIERS, PAYMENTS, SEEDED as OPTIONS, submittedDossier, takeUnpaidDossier } from '../../support/seeded-payments';

/** The root list's order: (createdAt, id). */
export const PAYMENTS_IN_ORDER = [...PAYMENTS].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1));

export const PAYMENT_FIELDS = `id dossier { code } payer { personalId } province { code } amount method intermediary status
  createdAt paidAt refundedAt transactionRef refundReason`;

/** A seeded payment as the graph must show it with PAYMENT_FIELDS. */
export const paymentJson = (p: SyntheticPayment) => ({
  id: p.id,
  dossier: { code: p.dossierCode },
  payer: { personalId: p.payerId },
  province: { code: p.provinceCode },
  amount: p.amount,
  method: p.method,
  intermediary: p.intermediary,
  status: p.status,
  createdAt: shownDateTime(p.createdAt),
  paidAt: shownDateTime(p.paidAt),
  refundedAt: shownDateTime(p.refundedAt),
  transactionRef: null,
  refundReason: null,
});

/** Response text must never leak internals: stack traces, SQL, table names, server details. */
export const leaksInternals = (body: unknown): boolean =>
  /stacktrace|exception|\b(SELECT|INSERT|UPDATE) |\bidempotency_key\b|fee_schedule|postgres|at .+\.ts:\d+/i.test(JSON.stringify(body));
