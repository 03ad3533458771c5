import { sql, type Kysely, type Migration } from 'kysely';

// Vocabularies are enum types: they validate on COPY, store compactly, and sort in the
// declared order (agencies list central → province → commune without a CASE).
export const civilServants001: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`CREATE TYPE agency_level AS ENUM ('CENTRAL', 'PROVINCE', 'COMMUNE')`.execute(db);
    await sql`CREATE TYPE employment_type AS ENUM ('CADRE', 'CIVIL_SERVANT', 'PUBLIC_EMPLOYEE')`.execute(db);
    await sql`CREATE TYPE performance_rating AS ENUM ('EXCELLENT', 'GOOD', 'COMPLETED', 'NOT_COMPLETED')`.execute(db);
    await sql`CREATE TYPE education_level AS ENUM ('BACHELOR', 'MASTER', 'DOCTORATE')`.execute(db);
    await sql`
      CREATE TABLE agencies (
        code text PRIMARY KEY,
        name text NOT NULL,
        level agency_level NOT NULL,
        province_code char(2) NOT NULL,
        parent_code text REFERENCES agencies (code)
      )`.execute(db);
    await sql`CREATE INDEX agencies_province_level ON agencies (province_code, level)`.execute(db);
    await sql`
      CREATE TABLE civil_servants (
        personal_id char(12) PRIMARY KEY,
        agency_code text NOT NULL REFERENCES agencies (code),
        province_code char(2) NOT NULL,
        employment_type employment_type NOT NULL,
        rank_code text NOT NULL,
        salary_step smallint NOT NULL CHECK (salary_step >= 1),
        salary_coefficient numeric(4, 2) NOT NULL CHECK (salary_coefficient > 0),
        position text NOT NULL,
        start_date date NOT NULL,
        performance_rating performance_rating NOT NULL,
        education_level education_level NOT NULL,
        party_member boolean NOT NULL,
        declared_annual_income bigint NOT NULL CHECK (declared_annual_income >= 0),
        health_status text
      )`.execute(db);
    await sql`CREATE INDEX civil_servants_agency ON civil_servants (agency_code)`.execute(db);
    await sql`CREATE INDEX civil_servants_province ON civil_servants (province_code)`.execute(db);
  },
};
