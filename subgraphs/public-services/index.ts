import { buildFederatedSchema } from '../../lib/federation';
import { personalIdOf, type SubgraphDefinition } from '../../lib/subgraph';
import { createContext, type PublicServicesContext } from './context';
import { migrations } from './data/migrations';
import { isPublicServicesEmpty, seedPublicServices } from './data/seed';
import type { DossierRecord } from './data/dossier-record';
import type { PublicServicesTables } from './data/tables';
import { CitizenResolver } from './resolvers/citizen.resolver';
import { CivilServantResolver } from './resolvers/civil-servant.resolver';
import { DossierMutationResolver } from './resolvers/dossier-mutation.resolver';
import { resolveDossierReference } from './resolvers/dossier.reference';
import { DossierResolver } from './resolvers/dossier.resolver';
import { keyReference } from './resolvers/key-reference';
import { resolveProcedureReference } from './resolvers/procedure.reference';
import { ProcedureResolver } from './resolvers/procedure.resolver';
import { ProvinceResolver } from './resolvers/province.resolver';

/** The National Public Service Portal: procedures, dossiers and their lifecycle. */
export const publicServicesSubgraph: SubgraphDefinition<PublicServicesTables, PublicServicesContext> = {
  name: 'public-services',
  migrations,
  buildSchema: () =>
    buildFederatedSchema({
      resolvers: [ProcedureResolver, DossierResolver, DossierMutationResolver, CitizenResolver, CivilServantResolver, ProvinceResolver],
      referenceResolvers: {
        Procedure: resolveProcedureReference,
        Dossier: resolveDossierReference,
        Citizen: keyReference('personalId'),
        CivilServant: keyReference('personalId'),
        Province: keyReference('code'),
      },
    }),
  createContext,
  // A dossier and its history are its applicant's personal data; its handler and the citizens it links to are named too.
  dataSubjects: { Dossier: (dossier) => (dossier as Partial<DossierRecord>).applicantId, Citizen: personalIdOf, CivilServant: personalIdOf },
  isEmpty: isPublicServicesEmpty,
  seed: seedPublicServices,
};
