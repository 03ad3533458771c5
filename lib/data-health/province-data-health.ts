/*
 * Every subgraph declares `ProvinceDataHealth` with `@key(fields: "provinceCode")` and its own
 * fields: its database's health, the references its records hold (inaccessible: they travel only
 * from subgraph to subgraph, through the gateway's query plan), and the health of the database
 * the references into it are part of (`@requires` those references).
 */

/**
 * The references the databases hold, as the inaccessible field each holder answers and each
 * checker requires: personal IDs and dossier codes of one province's records, one per record.
 */
export const HELD_REFERENCES = {
  dossierApplicantIds: 'dossierApplicantIds',
  dossierHandlerIds: 'dossierHandlerIds',
  paymentPayerIds: 'paymentPayerIds',
  paymentDossierCodes: 'paymentDossierCodes',
  civilServantIds: 'civilServantIds',
} as const;

/** `@inaccessible`: the field is part of no client's schema; the gateway's plans may still fetch it for `@requires`. */
export const INACCESSIBLE = '@inaccessible';
export const EXTERNAL = '@external';
export const requires = (...fields: (keyof typeof HELD_REFERENCES)[]): string => `@requires(fields: "${fields.join(' ')}")`;
