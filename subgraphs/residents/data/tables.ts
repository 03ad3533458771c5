import type { ColumnType } from 'kysely';
import type { Sex } from '../../../lib/domain';
import type { MaritalStatus, Relationship } from '../../../lib/synthetic';

/** A household registration (sổ hộ khẩu): where its members live, and who heads it. */
export interface HouseholdsTable {
  id: string;
  head_id: string;
  province_code: string;
  commune_code: string;
  address: string;
}

/** One person in the National Population Database (CSDL quốc gia về dân cư). */
export interface CitizensTable {
  personal_id: string;
  surname: string;
  middle_name: string;
  given_name: string;
  full_name: string;
  sex: Sex;
  /** YYYY-MM-DD (lib/db keeps DATE as text). */
  birth_date: string;
  /** Legacy 3-digit province of birth registration: the personal ID's prefix. */
  birth_registration_code: string;
  /** Legacy 3-digit province of origin (quê quán). */
  hometown_code: string;
  /** 2025 province of current residence. */
  province_code: string;
  commune_code: string;
  address: string;
  ethnicity: string;
  religion: string | null;
  blood_type: string;
  marital_status: MaritalStatus;
  death_date: string | null;
  household_id: string;
  relationship_to_head: Relationship;
  father_id: string | null;
  mother_id: string | null;
  spouse_id: string | null;
  phone: string | null;
  email: string | null;
  nationality: ColumnType<string, string | undefined, string>;
  /** When the record last changed. */
  updated_at: ColumnType<Date, Date | string | undefined, Date>;
}

export interface ResidentsTables {
  households: HouseholdsTable;
  citizens: CitizensTable;
}
