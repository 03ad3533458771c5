import { buildFederatedSchema } from '../../lib/federation';
import { personalIdOf, type SubgraphDefinition } from '../../lib/subgraph';
import { createContext, type Ctx } from './context';
import { migrations } from './data/migrations';
import { isEmpty, seedCivilServants } from './data/seed';
import type { Tables } from './data/tables';
import { resolveAgencyReference } from './resolvers/agency.reference';
import { AgencyResolver } from './resolvers/agency.resolver';
import { resolveCitizenReference } from './resolvers/citizen.reference';
import { CitizenResolver } from './resolvers/citizen.resolver';
import { resolveCivilServantReference } from './resolvers/civil-servant.reference';
import { CivilServantResolver } from './resolvers/civil-servant.resolver';
import { resolveProvinceReference } from './resolvers/province.reference';
import { ProvinceResolver } from './resolvers/province.resolver';

/** The National Database of Cadres, Civil Servants and Public Employees, as a subgraph. */
export const civilServantsSubgraph: SubgraphDefinition<Tables, Ctx> = {
  name: 'civil-servants',
  migrations,
  buildSchema: () =>
    buildFederatedSchema({
      resolvers: [CivilServantResolver, AgencyResolver, CitizenResolver, ProvinceResolver],
      referenceResolvers: {
        CivilServant: resolveCivilServantReference,
        Agency: resolveAgencyReference,
        Citizen: resolveCitizenReference,
        Province: resolveProvinceReference,
      },
    }),
  createContext,
  // Whose personal data each object is, for the audit log.
  dataSubjects: { CivilServant: personalIdOf, Citizen: personalIdOf },
  isEmpty,
  seed: seedCivilServants,
};
