import { sql, type Kysely, type Migration } from 'kysely';
import { AUDIT_APPEND_SIGNATURE, CHAIN_HEAD } from './002-audit-append';
import { AUDIT_WRITER_ROLE } from './003-audit-writer';
import { auditAppendHashFirstMigration } from './004-audit-append-hash-first';

/** The argument list of the signed `audit_append`, for grants and the way back. */
export const SIGNED_AUDIT_APPEND_SIGNATURE =
  'audit_append(timestamptz, text, text, text, text, text, text, text[], text[], text, text, text[], text, bigint, text)';

const CANONICAL_TEXT_V2 = 'audit_canonical_text(bigint, timestamptz, text, text, text, text, text, text, text[], text[], text, text, text[], text, bigint, text)';

const writer = sql.id(AUDIT_WRITER_ROLE);

/**
 * Changes of personal data and the gateway's signatures.
 *
 * `kind` says what a record stands for: a read, or the intent and then the outcome of a mutation
 * (the same request id links the two); `outcome` and `error_codes` say how a change went.
 * `signer`, `batch` and `signature` carry the gateway's Ed25519 seal over each group-commit
 * batch (lib/audit/seal.ts), made with a key the database never holds: the batch is named on
 * each of its records, the signature is on one of them. Older rows keep nulls there.
 *
 * The chain covers the new columns: `audit_canonical_text` gains them, `|`-separated after the
 * old text, except on a record whose new columns all hold their defaults — every record written
 * before this migration — whose text stays as it was, so its hash still verifies. The two forms
 * cannot be confused: escaping keeps every `|` inside a value escaped, and they differ in their
 * count of field separators. data/canonical-record.ts computes the same text.
 *
 * The unsigned `audit_append` is dropped: every record appended from now on names a signed
 * batch, and one whose batch does not verify was not appended by the gateway.
 */
export const auditChangesAndSealsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    // The values are checked by audit_append, the only way in: six table CHECKs cost the append
    // ≈ 15 µs of server CPU per record (bench/audit-append.ts), the same checks in it ≈ 1 µs.
    await sql`
      ALTER TABLE audit_log
        ADD COLUMN kind text NOT NULL DEFAULT 'read',
        ADD COLUMN outcome text,
        ADD COLUMN error_codes text[] NOT NULL DEFAULT '{}',
        ADD COLUMN signer text,
        ADD COLUMN batch bigint,
        ADD COLUMN signature text`.execute(db);
    await sql`
      CREATE FUNCTION audit_canonical_text(
        seq bigint, at timestamptz, request_id text, subject text, role text, province text,
        purpose text, operation_name text, citizens text[], fields text[],
        kind text, outcome text, error_codes text[], signer text, batch bigint, signature text
      ) RETURNS text
      LANGUAGE sql STABLE AS $$
        SELECT audit_canonical_text(seq, at, request_id, subject, role, province, purpose, operation_name, citizens, fields)
          || CASE WHEN kind = 'read' AND outcome IS NULL AND error_codes = '{}' AND signer IS NULL AND batch IS NULL AND signature IS NULL THEN ''
             ELSE '|' || audit_canonical_value(kind)
               || '|' || audit_canonical_value(outcome)
               || '|' || audit_canonical_list(error_codes)
               || '|' || audit_canonical_value(signer)
               || '|' || audit_canonical_value(batch::text)
               || '|' || audit_canonical_value(signature) END
      $$`.execute(db);
    await sql`DROP FUNCTION ${sql.raw(AUDIT_APPEND_SIGNATURE)}`.execute(db);
    // The hash is computed into a variable before the INSERT, as migration 004 found cheapest.
    await sql`
      CREATE FUNCTION audit_append(
        p_at timestamptz, p_request_id text, p_subject text, p_role text, p_province text,
        p_purpose text, p_operation_name text, p_citizens text[], p_fields text[],
        p_kind text, p_outcome text, p_error_codes text[], p_signer text, p_batch bigint, p_signature text,
        OUT record_seq bigint, OUT record_hash text)
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
      DECLARE
        v_at timestamptz := p_at::timestamptz(3);
        v_prev text;
        v_seq bigint;
      BEGIN
        IF p_signer IS NULL OR p_batch IS NULL OR p_batch < 1 THEN
          RAISE EXCEPTION 'audit_append: every record names the signed batch it belongs to (signer and batch)';
        END IF;
        IF p_kind IS NULL OR p_kind NOT IN ('read', 'intent', 'outcome') OR (p_kind = 'outcome') <> (p_outcome IS NOT NULL)
           OR p_outcome NOT IN ('SUCCEEDED', 'PARTIAL', 'FAILED', 'UNCERTAIN') OR array_position(p_error_codes, NULL) IS NOT NULL THEN
          RAISE EXCEPTION 'audit_append: a record is a read, an intent or an outcome, and only an outcome says how the change went (SUCCEEDED, PARTIAL, FAILED or UNCERTAIN)';
        END IF;
        ${CHAIN_HEAD}
        record_hash := encode(sha256(convert_to(v_prev || '|' || audit_canonical_text(
          v_seq, v_at, p_request_id, p_subject, p_role, p_province, p_purpose, p_operation_name, p_citizens, p_fields,
          p_kind, p_outcome, p_error_codes, p_signer, p_batch, p_signature), 'UTF8')), 'hex');
        INSERT INTO audit_log (seq, at, request_id, subject, role, province, purpose, operation_name, citizens, fields,
                               kind, outcome, error_codes, signer, batch, signature, prev_hash, hash)
        VALUES (v_seq, v_at, p_request_id, p_subject, p_role, p_province, p_purpose, p_operation_name, p_citizens, p_fields,
                p_kind, p_outcome, p_error_codes, p_signer, p_batch, p_signature, v_prev, record_hash);
        record_seq := v_seq;
      END $$`.execute(db);
    await sql`REVOKE ALL ON FUNCTION ${sql.raw(SIGNED_AUDIT_APPEND_SIGNATURE)}, ${sql.raw(CANONICAL_TEXT_V2)} FROM PUBLIC`.execute(db);
    await sql`GRANT EXECUTE ON FUNCTION ${sql.raw(SIGNED_AUDIT_APPEND_SIGNATURE)} TO ${writer}`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`DROP FUNCTION ${sql.raw(SIGNED_AUDIT_APPEND_SIGNATURE)}`.execute(db);
    await sql`DROP FUNCTION ${sql.raw(CANONICAL_TEXT_V2)}`.execute(db);
    await auditAppendHashFirstMigration.up(db);
    await sql`REVOKE ALL ON FUNCTION ${sql.raw(AUDIT_APPEND_SIGNATURE)} FROM PUBLIC`.execute(db);
    await sql`GRANT EXECUTE ON FUNCTION ${sql.raw(AUDIT_APPEND_SIGNATURE)} TO ${writer}`.execute(db);
    await sql`ALTER TABLE audit_log DROP COLUMN kind, DROP COLUMN outcome, DROP COLUMN error_codes, DROP COLUMN signer, DROP COLUMN batch, DROP COLUMN signature`.execute(db);
  },
};
