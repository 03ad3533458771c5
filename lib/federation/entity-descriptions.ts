/**
 * The descriptions of the entities more than one subgraph declares, and of their key fields, in
 * the words of the subgraph that owns each. Owner and stubs all use these: composition meets one
 * text per element, so it prints no INCONSISTENT_DESCRIPTION hint and cannot pick a stub's
 * wording for the supergraph.
 */
export const ENTITY_DESCRIPTIONS = {
  /** Owned by residents. */
  Citizen: {
    type: 'A person in the National Population Database (CSDL quốc gia về dân cư).',
    personalId: 'Personal identification number (số định danh cá nhân), also the number of the chip ID card.',
  },
  /** Owned by residents. */
  Province: {
    type: 'A provincial unit (tỉnh or thành phố) of the 34 in force from 1 July 2025. Every subgraph adds its own indicators; the population database adds names and population.',
    code: '2-digit code of the unit, e.g. "01" for Hà Nội.',
  },
  /** Owned by civil-servants. */
  CivilServant: {
    type: 'The e-dossier of a cadre, civil servant or public employee in the National Database of Cadres, Civil Servants and Public Employees.',
    personalId: 'Personal ID of the servant; the e-dossier ID equals it.',
  },
  /** Owned by public-services. */
  Procedure: {
    type: 'A public-service procedure (thủ tục hành chính) the portal accepts dossiers for: one of the 25 essential online services.',
    code: 'LiênThông code of the procedure, e.g. DVC02; dossier codes carry it.',
  },
  /** Owned by public-services. */
  Dossier: {
    type: 'A dossier (hồ sơ): one application by a citizen for one procedure, with its lifecycle.',
    code: 'Dossier code: province, procedure, submission day (YYMMDD, Vietnam time) and serial, e.g. 46-DVC02-251123-000042.',
  },
  /** Owned by residents, which answers Province.dataHealth; each database adds its own figures. */
  ProvinceDataHealth: {
    type: "Data quality of one province across the national databases (đúng, đủ, sạch, sống): each database's records, empty fields, invalid IDs and freshness, and the references into it that point at nothing. Aggregates only: no record and no personal ID is ever shown.",
    provinceCode: 'The province the figures are about.',
  },
} as const;
