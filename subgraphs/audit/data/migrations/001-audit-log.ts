import { sql, type Kysely, type Migration } from 'kysely';

/**
 * The log itself. Rows are chained: `hash` covers the record and `prev_hash`, the hash of the
 * record before it, so changing or removing any record breaks every hash after it
 * (`npm run audit:verify` recomputes them).
 *
 * `at` keeps milliseconds (timestamptz(3)) because the hash covers it as JavaScript's
 * `toISOString()` prints it; `seq` is taken from its sequence inside `audit_append`, under the
 * chain's lock, so numbers follow the chain's order.
 */
export const auditLogMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`
      CREATE TABLE audit_log (
        seq bigserial PRIMARY KEY,
        at timestamptz(3) NOT NULL,
        request_id text NOT NULL,
        subject text NOT NULL,
        role text NOT NULL,
        province char(2) CHECK (province ~ '^[0-9]{2}$'),
        purpose text,
        operation_name text,
        citizens text[] NOT NULL CHECK (array_position(citizens, NULL) IS NULL),
        fields text[] NOT NULL CHECK (array_position(fields, NULL) IS NULL),
        prev_hash text NOT NULL CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
        hash text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$')
      )`.execute(db);
    // Two records following the same one would fork the chain; the index makes that impossible
    // even if an append ever ran without the lock (e.g. under a stale snapshot).
    await sql`CREATE UNIQUE INDEX audit_log_prev_hash ON audit_log (prev_hash)`.execute(db);
    // "Who read my data": records whose citizens contain a personal ID.
    await sql`CREATE INDEX audit_log_citizens ON audit_log USING gin (citizens)`.execute(db);
    await sql`CREATE INDEX audit_log_subject_seq ON audit_log (subject, seq)`.execute(db);
    await sql`CREATE INDEX audit_log_at ON audit_log (at)`.execute(db);

    // Append-only for every role, the owner included; a statement trigger refuses even an
    // UPDATE or DELETE that matches no row, and it is the only kind TRUNCATE fires.
    await sql`
      CREATE FUNCTION audit_log_refuse_change() RETURNS trigger
      LANGUAGE plpgsql SET search_path = pg_catalog AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % is refused', TG_OP;
      END $$`.execute(db);
    await sql`
      CREATE TRIGGER audit_log_append_only
      BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change()`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`DROP TABLE audit_log`.execute(db);
    await sql`DROP FUNCTION audit_log_refuse_change()`.execute(db);
  },
};
