import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Households and citizens. There are no foreign keys between them: a household names its
 * head and every citizen names a household, and family links may point at people this
 * database does not hold (a parent or spouse of foreign nationality).
 */
export const population: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`
      CREATE TABLE households (
        id text PRIMARY KEY,
        head_id char(12) NOT NULL,
        province_code char(2) NOT NULL,
        commune_code char(5) NOT NULL,
        address text NOT NULL
      )`.execute(db);
    await sql`
      CREATE TABLE citizens (
        personal_id char(12) PRIMARY KEY,
        surname text NOT NULL,
        middle_name text NOT NULL,
        given_name text NOT NULL,
        full_name text NOT NULL,
        sex text NOT NULL CHECK (sex IN ('MALE', 'FEMALE')),
        birth_date date NOT NULL,
        birth_registration_code char(3) NOT NULL,
        hometown_code char(3) NOT NULL,
        province_code char(2) NOT NULL,
        commune_code char(5) NOT NULL,
        address text NOT NULL,
        ethnicity text NOT NULL,
        religion text,
        blood_type text NOT NULL CHECK (blood_type IN ('O', 'A', 'B', 'AB')),
        marital_status text NOT NULL CHECK (marital_status IN ('SINGLE', 'MARRIED', 'DIVORCED', 'WIDOWED')),
        death_date date,
        household_id text NOT NULL,
        relationship_to_head text NOT NULL CHECK (relationship_to_head IN ('HEAD', 'SPOUSE', 'CHILD', 'PARENT')),
        father_id char(12),
        mother_id char(12),
        spouse_id char(12),
        phone text,
        email text,
        nationality char(2) NOT NULL DEFAULT 'VN'
      )`.execute(db);
    // The filtered connection walks one province in personal-ID order.
    await sql`CREATE INDEX citizens_province_personal_id ON citizens (province_code, personal_id)`.execute(db);
    // text_pattern_ops lets LIKE 'prefix%' use the index whatever the database collation.
    await sql`CREATE INDEX citizens_full_name_prefix ON citizens (lower(full_name) text_pattern_ops)`.execute(db);
    await sql`CREATE INDEX citizens_birth_date ON citizens (birth_date)`.execute(db);
    await sql`CREATE INDEX citizens_household ON citizens (household_id)`.execute(db);
    // Partial: only citizens whose parents are registered carry parent links.
    await sql`CREATE INDEX citizens_father ON citizens (father_id) WHERE father_id IS NOT NULL`.execute(db);
    await sql`CREATE INDEX citizens_mother ON citizens (mother_id) WHERE mother_id IS NOT NULL`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`DROP TABLE citizens`.execute(db);
    await sql`DROP TABLE households`.execute(db);
  },
};
