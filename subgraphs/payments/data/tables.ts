import type { ColumnType, Generated, Selectable } from 'kysely';
import type { PaymentMethod, PaymentStatus } from '../../../lib/domain';

/** A timestamptz column: read as a Date, written as a Date or left to its default. */
type Timestamp = ColumnType<Date, Date | undefined, Date>;
type NullableTimestamp = ColumnType<Date | null, Date | null | undefined, Date | null>;

/** The fee each procedure charges, in whole VND (0: no fee). */
export interface FeeScheduleTable {
  procedure_code: string;
  amount: number;
  updated_at: Timestamp;
}

/** One attempt to pay a dossier's fee through an intermediary. */
export interface PaymentsTable {
  id: Generated<string>;
  dossier_code: string;
  procedure_code: string;
  province_code: string;
  payer_id: string | null;
  amount: number;
  method: PaymentMethod;
  intermediary: string;
  status: PaymentStatus;
  /** Who chose the idempotency key (the caller's subject): keys are unique per owner. */
  idempotency_owner: string;
  idempotency_key: string;
  created_at: Timestamp;
  paid_at: NullableTimestamp;
  refunded_at: NullableTimestamp;
  transaction_ref: string | null;
  refund_reason: string | null;
}

export interface Tables {
  fee_schedule: FeeScheduleTable;
  payments: PaymentsTable;
}

export type PaymentRow = Selectable<PaymentsTable>;
