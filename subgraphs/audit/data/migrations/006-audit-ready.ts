import { sql, type Kysely, type Migration } from 'kysely';
import { CHAIN_LOCK } from './002-audit-append';
import { AUDIT_WRITER_ROLE } from './003-audit-writer';

const writer = sql.id(AUDIT_WRITER_ROLE);

/**
 * `audit_ready()`: whether an append could go through now, for the gateway's readiness probe. It
 * takes, and at once releases, the locks an append takes — the chain's advisory lock and the lock
 * an INSERT into the log needs — so a lock held on the table, or an append stuck behind one, makes
 * the probe wait (and the gateway's `/ready` answer 503 when it waits past its limit). It writes
 * and reads nothing; the writer role may run it.
 */
export const auditReadyMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`
      CREATE FUNCTION audit_ready() RETURNS boolean
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(${sql.lit(CHAIN_LOCK)});
        LOCK TABLE audit_log IN ROW EXCLUSIVE MODE;
        RETURN true;
      END $$`.execute(db);
    await sql`REVOKE ALL ON FUNCTION audit_ready() FROM PUBLIC`.execute(db);
    await sql`GRANT EXECUTE ON FUNCTION audit_ready() TO ${writer}`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`DROP FUNCTION audit_ready()`.execute(db);
  },
};
