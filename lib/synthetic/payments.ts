import { INTERMEDIARIES, type PaymentMethod, type PaymentStatus } from '../domain/payments';
import type { SyntheticDossier } from './dossiers';
import { Random, WeightedTable } from './random';

export interface SyntheticPayment {
  id: string;
  dossierCode: string;
  procedureCode: string;
  provinceCode: string;
  payerId: string;
  amount: number;
  method: PaymentMethod;
  intermediary: string;
  status: PaymentStatus;
  idempotencyKey: string;
  createdAt: Date;
  paidAt: Date | null;
  refundedAt: Date | null;
}

const METHODS = new WeightedTable<PaymentMethod>([['BANK_TRANSFER', 45], ['E_WALLET', 30], ['CARD', 15], ['CASH', 10]]);

/**
 * Payments for fee-bearing dossiers, following each dossier's history: a payment request
 * followed by a confirmation is paid (sometimes after a failed try); one still open is
 * pending or failed; a dossier stopped after paying was refunded.
 */
export function* generatePayments(dossiers: Iterable<SyntheticDossier>, seed: number): Generator<SyntheticPayment> {
  const random = new Random(seed, 'payments');
  for (const dossier of dossiers) {
    const requested = dossier.history.find((h) => h.action === 'REQUEST_PAYMENT');
    if (!requested || dossier.fee <= 0) continue;
    const confirmed = dossier.history.find((h) => h.action === 'CONFIRM_PAYMENT');
    const ended = dossier.history.find((h) => h.action === 'STOP' || h.action === 'WITHDRAW');
    const method = METHODS.draw(random);
    const base = {
      dossierCode: dossier.code,
      procedureCode: dossier.procedureCode,
      provinceCode: dossier.provinceCode,
      payerId: dossier.applicantId,
      amount: dossier.fee,
      method,
      intermediary: random.pick(INTERMEDIARIES[method]),
    };
    let attempt = 0;
    const payment = (status: PaymentStatus, createdAt: Date, paidAt: Date | null = null, refundedAt: Date | null = null): SyntheticPayment => {
      attempt += 1;
      return { ...base, id: random.uuid(), status, idempotencyKey: `seed:${dossier.code}:${attempt}`, createdAt, paidAt, refundedAt };
    };
    if (confirmed) {
      if (random.chance(0.04)) yield payment('FAILED', requested.at);
      const refunded = ended && ended.at > confirmed.at ? ended.at : null;
      yield payment(refunded ? 'REFUNDED' : 'PAID', requested.at, confirmed.at, refunded);
    } else if (ended) {
      yield payment('CANCELLED', requested.at);
    } else {
      yield payment(random.chance(0.7) ? 'PENDING' : 'FAILED', requested.at);
    }
  }
}
