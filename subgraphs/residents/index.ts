import { buildFederatedSchema } from '../../lib/federation';
import { personalIdOf, type SubgraphDefinition } from '../../lib/subgraph';
import { createContext, type ResidentsContext } from './context';
import { migrations } from './data/migrations';
import { isPopulationEmpty, seedPopulation } from './data/seed';
import type { ResidentsTables } from './data/tables';
import { resolveCitizenReference } from './resolvers/citizen.reference';
import { CitizenResolver } from './resolvers/citizen.resolver';
import { resolveHouseholdReference } from './resolvers/household.reference';
import { HouseholdResolver } from './resolvers/household.resolver';
import { resolveProvinceReference } from './resolvers/province.reference';
import { ProvinceResolver } from './resolvers/province.resolver';

/** The National Population Database: citizens, households, and provinces with their population. */
export const residentsSubgraph: SubgraphDefinition<ResidentsTables, ResidentsContext> = {
  name: 'residents',
  migrations,
  buildSchema: () =>
    buildFederatedSchema({
      resolvers: [CitizenResolver, HouseholdResolver, ProvinceResolver],
      referenceResolvers: {
        Citizen: resolveCitizenReference,
        Household: resolveHouseholdReference,
        Province: resolveProvinceReference,
      },
    }),
  createContext,
  // Whose personal data each object is, for the audit log: a household is its head's.
  dataSubjects: {
    Citizen: personalIdOf,
    Household: (household) => household.headId as string,
  },
  isEmpty: isPopulationEmpty,
  seed: seedPopulation,
};
