import { sql, type RawBuilder } from 'kysely';
import { LEGACY_PROVINCES, parseDossierCode } from '../domain';
import { checkPersonalId } from '../domain/personal-id';

const LEGACY_CODES = Object.keys(LEGACY_PROVINCES);

/**
 * Whether a column holds a structurally valid personal ID, in SQL: the same rule as
 * `checkPersonalId` (12 digits, a known province prefix, a birth year that is not in the future).
 * The digits are tested first, inside CASE, because SQL does not promise to evaluate AND in order.
 */
export const wellFormedPersonalId = (column: string): RawBuilder<boolean> => {
  const id = sql.ref(column);
  return sql<boolean>`(CASE WHEN ${id} ~ '^[0-9]{12}$' THEN substr(${id}, 1, 3) = ANY(${sql.lit(`{${LEGACY_CODES.join(',')}}`)}::text[])
    AND 1900 + (substr(${id}, 4, 1)::int / 2) * 100 + substr(${id}, 5, 2)::int <= extract(year FROM now()) ELSE false END)`;
};

/** Whether a column holds a structurally valid dossier code (lib/domain's `parseDossierCode`), in SQL. */
export const wellFormedDossierCode = (column: string): RawBuilder<boolean> => sql<boolean>`(${sql.ref(column)} ~ '^[0-9]{2}-DVC[0-9]{2}-[0-9]{6}-[0-9]{6,9}$')`;

/** The same two rules in TypeScript, for references a database receives to check. */
export const KEY_RULES = {
  personalId: (value: string) => checkPersonalId(value).ok,
  dossierCode: (value: string) => parseDossierCode(value) !== null,
} as const;

export type KeyKind = keyof typeof KEY_RULES;
