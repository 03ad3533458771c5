import type { Payment } from '../types/payment.type';
import type { PaymentRow } from './tables';

/** A row as the graph shows it: links to other subgraphs' entities become key-only references. */
export function toPayment(row: PaymentRow): Payment {
  return {
    id: row.id,
    dossier: { code: row.dossier_code },
    payer: row.payer_id === null ? null : { personalId: row.payer_id },
    province: { code: row.province_code },
    amount: row.amount,
    method: row.method,
    intermediary: row.intermediary,
    status: row.status,
    createdAt: row.created_at,
    paidAt: row.paid_at,
    refundedAt: row.refunded_at,
    transactionRef: row.transaction_ref,
    refundReason: row.refund_reason,
  };
}
