/**
 * References to entities other subgraphs own (Citizen, CivilServant, Province): their key is
 * all public-services knows of them and all its fields on them need, so no database is asked.
 */
export const keyReference =
  <K extends string>(key: K) =>
  (reference: Record<K, string>): Record<K, string> =>
    ({ [key]: reference[key] }) as Record<K, string>;
