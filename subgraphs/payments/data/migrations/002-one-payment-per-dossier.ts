import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Two rules PostgreSQL now enforces for every writer, racing ones included:
 * - a dossier has at most one payment under way or paid (PENDING or PAID): a second attempt is
 *   refused while one is pending, and a dossier is paid again only after a refund;
 * - idempotency keys belong to the caller who chose them (`idempotency_owner`, their subject), so
 *   one caller's key never meets another's. Keys written before were unique across everyone, so
 *   they keep their payer as owner (none for an officer's: nobody retries those any more).
 */
export const onePaymentPerDossier: Migration = {
  async up(db: Kysely<unknown>) {
    const { rows } = await sql<{ dossier_code: string }>`
      SELECT dossier_code FROM payments WHERE status IN ('PENDING', 'PAID')
       GROUP BY dossier_code HAVING count(*) > 1 ORDER BY dossier_code LIMIT 10`.execute(db);
    // Money may have moved for each of them: an operator decides which attempt stands, not a migration.
    if (rows.length > 0) {
      throw new Error(`Dossiers with more than one PENDING or PAID payment must be settled, refunded or cancelled before this migration: ${rows.map((r) => r.dossier_code).join(', ')}`);
    }
    await sql`ALTER TABLE payments ADD COLUMN idempotency_owner text`.execute(db);
    await sql`UPDATE payments SET idempotency_owner = COALESCE(payer_id, '')`.execute(db);
    await sql`ALTER TABLE payments ALTER COLUMN idempotency_owner SET NOT NULL`.execute(db);
    await sql`ALTER TABLE payments DROP CONSTRAINT payments_idempotency_key_key`.execute(db);
    await sql`ALTER TABLE payments ADD CONSTRAINT payments_idempotency_owner_key UNIQUE (idempotency_owner, idempotency_key)`.execute(db);
    await sql`CREATE UNIQUE INDEX payments_one_open_per_dossier ON payments (dossier_code) WHERE status IN ('PENDING', 'PAID')`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`DROP INDEX payments_one_open_per_dossier`.execute(db);
    await sql`ALTER TABLE payments DROP CONSTRAINT payments_idempotency_owner_key`.execute(db);
    await sql`ALTER TABLE payments ADD CONSTRAINT payments_idempotency_key_key UNIQUE (idempotency_key)`.execute(db);
    await sql`ALTER TABLE payments DROP COLUMN idempotency_owner`.execute(db);
  },
};
