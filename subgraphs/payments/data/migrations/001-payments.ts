import { sql, type Kysely, type Migration } from 'kysely';
import { PAYMENT_METHODS, PAYMENT_STATUSES } from '../../../../lib/domain';

const listOf = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/**
 * Timestamps keep millisecond precision (timestamptz(3)) because `created_at` is half of the
 * `payments` cursor: a JavaScript Date holds milliseconds, and a cursor that rounded away
 * microseconds would hand the same row back on the next page.
 */
export const paymentsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`
      CREATE TABLE fee_schedule (
        procedure_code text PRIMARY KEY,
        amount bigint NOT NULL CHECK (amount >= 0),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`.execute(db);
    await sql`
      CREATE TABLE payments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        dossier_code text NOT NULL,
        procedure_code text NOT NULL,
        province_code char(2) NOT NULL,
        payer_id char(12),
        amount bigint NOT NULL CHECK (amount >= 0),
        method text NOT NULL CHECK (method IN (${listOf(PAYMENT_METHODS)})),
        intermediary text NOT NULL,
        status text NOT NULL CHECK (status IN (${listOf(PAYMENT_STATUSES)})),
        idempotency_key text NOT NULL UNIQUE CHECK (length(idempotency_key) BETWEEN 1 AND 200),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        paid_at timestamptz(3),
        refunded_at timestamptz(3),
        transaction_ref text,
        refund_reason text
      )`.execute(db);
    // The root list pages by (created_at, id), alone or within a province.
    await sql`CREATE INDEX payments_created_at_id ON payments (created_at, id)`.execute(db);
    await sql`CREATE INDEX payments_province_created_at ON payments (province_code, created_at, id)`.execute(db);
    // Province statistics sum paid amounts of a period; the included columns spare the heap.
    await sql`CREATE INDEX payments_province_paid_at ON payments (province_code, paid_at) INCLUDE (method, amount, status)`.execute(db);
    await sql`CREATE INDEX payments_dossier_code ON payments (dossier_code)`.execute(db);
    // A citizen's payments are listed newest first.
    await sql`CREATE INDEX payments_payer_created_at ON payments (payer_id, created_at DESC, id DESC)`.execute(db);
    await sql`CREATE INDEX payments_status ON payments (status)`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`DROP TABLE payments`.execute(db);
    await sql`DROP TABLE fee_schedule`.execute(db);
  },
};
