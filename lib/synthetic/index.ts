export { Random, WeightedTable } from './random';
export { COMMUNES, communesOf, type Commune, type CommuneKind } from './geography';
export { generateHouseholds, generateCitizens, type SyntheticCitizen, type SyntheticHousehold, type MaritalStatus, type Relationship } from './population';
export { generateAgencies, type SyntheticAgency } from './agencies';
export { selectCivilServants, type SyntheticCivilServantBase } from './civil-servants';
export { generateDossiers, type SyntheticDossier, type SyntheticHistoryEntry } from './dossiers';
export { generatePayments, type SyntheticPayment } from './payments';
export { FAULTS, Faults, type Fault } from './faults';
