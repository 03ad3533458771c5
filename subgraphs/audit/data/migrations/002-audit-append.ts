import { sql, type Kysely, type Migration, type RawBuilder } from 'kysely';

/** The one advisory lock that serialises appends: each reads the chain's head, then extends it. */
export const CHAIN_LOCK = 7_245_311_001;

/** The argument list of `audit_append`, for the grants of migration 003. */
export const AUDIT_APPEND_SIGNATURE = 'audit_append(timestamptz, text, text, text, text, text, text, text[], text[])';

/**
 * What every version of `audit_append` declares. SECURITY DEFINER: the writer role may run it
 * and nothing else. The fixed search_path (pg_temp last) keeps a caller's own objects from
 * standing in for the ones used here.
 */
export const AUDIT_APPEND_DECLARATION = sql`audit_append(
    p_at timestamptz, p_request_id text, p_subject text, p_role text, p_province text,
    p_purpose text, p_operation_name text, p_citizens text[], p_fields text[]
  ) RETURNS bigint
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp`;

/** Under the chain's lock: the head's hash (zeros for the first record) and the next number. */
export const CHAIN_HEAD = sql`
  PERFORM pg_advisory_xact_lock(${sql.lit(CHAIN_LOCK)});
  SELECT hash INTO v_prev FROM audit_log ORDER BY seq DESC LIMIT 1;
  v_prev := coalesce(v_prev, repeat('0', 64));
  v_seq := nextval(pg_get_serial_sequence('audit_log', 'seq'));`;

/** The record's hash: sha256 of the previous hash, `|`, and the record's canonical text. */
export const RECORD_HASH = sql`encode(sha256(convert_to(v_prev || '|' || audit_canonical_text(
  v_seq, v_at, p_request_id, p_subject, p_role, p_province, p_purpose, p_operation_name, p_citizens, p_fields), 'UTF8')), 'hex')`;

/** The record as stored, its hash given. */
export const insertRecord = (hash: RawBuilder<unknown>) => sql`
  INSERT INTO audit_log (seq, at, request_id, subject, role, province, purpose, operation_name, citizens, fields, prev_hash, hash)
  VALUES (v_seq, v_at, p_request_id, p_subject, p_role, p_province, p_purpose, p_operation_name, p_citizens, p_fields, v_prev, ${hash});`;

/** The first version's body: the hash computed inside the INSERT (replaced by migration 004). */
export const FIRST_AUDIT_APPEND_BODY = sql`
  DECLARE
    v_at timestamptz := p_at::timestamptz(3);
    v_prev text;
    v_seq bigint;
  BEGIN
    ${CHAIN_HEAD}
    ${insertRecord(RECORD_HASH)}
    RETURN v_seq;
  END`;

/**
 * The canonical text of a record and the append function. The text must stay identical to
 * `canonicalText` in data/canonical-record.ts, which the verifier recomputes it with (a test
 * compares the two): the fields in column order separated by `|`; a null as `\N`; in a value,
 * `\`, `|` and `,` escaped with `\`; an array as its length, `:`, then its escaped elements
 * joined by `,`; `at` as UTC ISO-8601 with milliseconds. Escaping keeps the text unambiguous,
 * so no edit can move characters from one field to another and keep the hash.
 *
 * `chr(92)` is the backslash, spelled so it means the same in SQL and in the TypeScript that
 * holds the SQL.
 */
export const auditAppendMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`
      CREATE FUNCTION audit_canonical_value(value text) RETURNS text
      LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE WHEN value IS NULL THEN chr(92) || 'N'
          ELSE replace(replace(replace(value, chr(92), chr(92) || chr(92)), '|', chr(92) || '|'), ',', chr(92) || ',') END
      $$`.execute(db);
    await sql`
      CREATE FUNCTION audit_canonical_list(elements text[]) RETURNS text
      LANGUAGE sql IMMUTABLE AS $$
        SELECT cardinality(elements)::text || ':' || coalesce(
          (SELECT string_agg(audit_canonical_value(e), ',' ORDER BY i) FROM unnest(elements) WITH ORDINALITY AS u(e, i)), '')
      $$`.execute(db);
    // Concatenated with || on purpose: a null where none may be makes the whole text null,
    // and the NOT NULL hash column then refuses the record.
    await sql`
      CREATE FUNCTION audit_canonical_text(
        seq bigint, at timestamptz, request_id text, subject text, role text, province text,
        purpose text, operation_name text, citizens text[], fields text[]
      ) RETURNS text
      LANGUAGE sql STABLE AS $$
        SELECT seq::text
          || '|' || to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
          || '|' || audit_canonical_value(request_id)
          || '|' || audit_canonical_value(subject)
          || '|' || audit_canonical_value(role)
          || '|' || audit_canonical_value(province)
          || '|' || audit_canonical_value(purpose)
          || '|' || audit_canonical_value(operation_name)
          || '|' || audit_canonical_list(citizens)
          || '|' || audit_canonical_list(fields)
      $$`.execute(db);
    await sql`CREATE FUNCTION ${AUDIT_APPEND_DECLARATION} AS $$ ${FIRST_AUDIT_APPEND_BODY} $$`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`DROP FUNCTION ${sql.raw(AUDIT_APPEND_SIGNATURE)}`.execute(db);
    await sql`DROP FUNCTION audit_canonical_text(bigint, timestamptz, text, text, text, text, text, text, text[], text[])`.execute(db);
    await sql`DROP FUNCTION audit_canonical_list(text[])`.execute(db);
    await sql`DROP FUNCTION audit_canonical_value(text)`.execute(db);
  },
};
