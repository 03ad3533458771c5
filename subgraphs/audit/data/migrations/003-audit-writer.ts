import { sql, type Kysely, type Migration } from 'kysely';
import { AUDIT_APPEND_SIGNATURE } from './002-audit-append';

/**
 * The role the gateway's audit pool runs as (gateway/audit/postgres-audit-writer.ts names it
 * too). It can append through `audit_append` and do nothing else: no SELECT, UPDATE or DELETE
 * on the log, so a compromised gateway can neither read who read what nor rewrite it.
 */
export const AUDIT_WRITER_ROLE = 'lienthong_audit_writer';

const writer = sql.id(AUDIT_WRITER_ROLE);

/**
 * Roles belong to the server, grants to each database: the role is created once (several
 * databases may migrate at the same time, so losing that race is fine), the grants in every
 * database migrated. CREATE ROLE needs a superuser or CREATEROLE; where the migrating user has
 * neither, a DBA creates the role beforehand and the migration only grants. The role cannot
 * log in; the gateway's login user must be a member of it (`GRANT lienthong_audit_writer TO
 * <gateway user>`) to switch to it.
 */
export const auditWriterMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`
      DO $$
      BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = ${sql.lit(AUDIT_WRITER_ROLE)}) THEN
          CREATE ROLE ${writer} NOLOGIN;
        END IF;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN
        NULL;
      END $$`.execute(db);
    // Functions are executable by PUBLIC unless revoked.
    await sql`
      REVOKE ALL ON FUNCTION ${sql.raw(AUDIT_APPEND_SIGNATURE)}, audit_log_refuse_change(),
        audit_canonical_text(bigint, timestamptz, text, text, text, text, text, text, text[], text[]),
        audit_canonical_list(text[]), audit_canonical_value(text)
      FROM PUBLIC`.execute(db);
    await sql`REVOKE ALL ON TABLE audit_log FROM PUBLIC, ${writer}`.execute(db);
    await sql`REVOKE ALL ON SEQUENCE audit_log_seq_seq FROM PUBLIC, ${writer}`.execute(db);
    // Before PostgreSQL 15 everyone may create objects in public; here nobody but the owner may.
    await sql`REVOKE CREATE ON SCHEMA public FROM PUBLIC`.execute(db);
    await sql`GRANT USAGE ON SCHEMA public TO ${writer}`.execute(db);
    await sql`GRANT EXECUTE ON FUNCTION ${sql.raw(AUDIT_APPEND_SIGNATURE)} TO ${writer}`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    // The role stays: other databases on the server may still grant to it.
    await sql`REVOKE ALL ON SCHEMA public FROM ${writer}`.execute(db);
    await sql`REVOKE ALL ON FUNCTION ${sql.raw(AUDIT_APPEND_SIGNATURE)} FROM ${writer}`.execute(db);
  },
};
