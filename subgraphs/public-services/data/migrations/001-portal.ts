import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Procedures, dossiers and their append-only history. Every index serves a named reader:
 * the `dossiers` connection filters, `Citizen.dossiers` and `CivilServant.assignedDossiers`
 * (newest first), and `Province.dossierStatistics` (covering, so statistics scan no table rows).
 */
export const portal: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`
      CREATE TABLE procedures (
        code text PRIMARY KEY,
        name text NOT NULL,
        name_en text NOT NULL,
        sector text NOT NULL,
        processing_days smallint NOT NULL CHECK (processing_days > 0)
      )`.execute(db);
    await sql`
      CREATE TABLE dossiers (
        code text PRIMARY KEY,
        procedure_code text NOT NULL REFERENCES procedures (code),
        applicant_id char(12) NOT NULL,
        province_code char(2) NOT NULL,
        commune_code char(5),
        channel text NOT NULL CHECK (channel IN ('ONLINE', 'IN_PERSON', 'POSTAL')),
        status smallint NOT NULL CHECK (status BETWEEN 1 AND 10),
        submitted_at timestamptz NOT NULL,
        due_at timestamptz NOT NULL,
        completed_at timestamptz,
        handler_id char(12),
        updated_at timestamptz NOT NULL
      )`.execute(db);
    // Seeded dossiers are numbered 1 to 0.6 per citizen; submitted ones count from here, so
    // the two series cannot meet below fifteen million citizens.
    await sql`CREATE SEQUENCE dossier_serial START 9000001`.execute(db);
    await sql`
      CREATE TABLE dossier_events (
        id bigserial PRIMARY KEY,
        dossier_code text NOT NULL REFERENCES dossiers (code),
        action text NOT NULL,
        from_status smallint,
        to_status smallint NOT NULL,
        at timestamptz NOT NULL,
        actor_id text,
        note text
      )`.execute(db);
    const indexes = [
      sql`CREATE INDEX dossiers_province_idx ON dossiers (province_code, code)`,
      sql`CREATE INDEX dossiers_status_idx ON dossiers (status, code)`,
      sql`CREATE INDEX dossiers_procedure_idx ON dossiers (procedure_code, code)`,
      sql`CREATE INDEX dossiers_applicant_idx ON dossiers (applicant_id, submitted_at DESC, code DESC)`,
      sql`CREATE INDEX dossiers_handler_idx ON dossiers (handler_id, submitted_at DESC, code DESC) WHERE handler_id IS NOT NULL`,
      sql`CREATE INDEX dossiers_submitted_idx ON dossiers (submitted_at)`,
      sql`CREATE INDEX dossiers_statistics_idx ON dossiers (province_code, submitted_at) INCLUDE (channel, status, due_at, completed_at)`,
      sql`CREATE INDEX dossier_events_dossier_idx ON dossier_events (dossier_code, id)`,
    ];
    for (const index of indexes) await index.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`DROP TABLE dossier_events`.execute(db);
    await sql`DROP SEQUENCE dossier_serial`.execute(db);
    await sql`DROP TABLE dossiers`.execute(db);
    await sql`DROP TABLE procedures`.execute(db);
  },
};
