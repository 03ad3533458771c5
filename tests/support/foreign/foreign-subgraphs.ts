import { createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ensureDevSigningKeys } from '../../../lib/auth';
import type { RunningHttpServer } from '../../../lib/http';
import { Gate } from './gate';
import { licencesResolvers, licencesSdl } from './licences';
import { composeForeign, serveForeign } from './serve-foreign';
import { vaccinationsResolvers, vaccinationsSdl, type VaccinationsSdlOptions } from './vaccinations';

/** The citizen whose vaccinations the register holds back while a test needs a request in flight. */
export const HELD_CITIZEN = '046200000003';

export interface ForeignSubgraphs {
  vaccinations: RunningHttpServer;
  /** Two instances of the licence register, telling their answers apart by licence class (B2, C). */
  licences: RunningHttpServer;
  otherLicences: RunningHttpServer;
  /** Holds HELD_CITIZEN's vaccinations until opened: the request is then in flight, its licence not yet asked for. */
  gate: Gate;
  /** A supergraph of the vaccinations register and one licence register, as their ministry composes it. */
  supergraph(options?: VaccinationsSdlOptions & { licencesUrl?: string }): string;
  close(): Promise<void>;
}

/**
 * The foreign registers on ephemeral ports; the vaccinations register trusts the development
 * gateway key of `dataDir` (what a development gateway on that folder signs with).
 */
export async function startForeignSubgraphs(dataDir: string): Promise<ForeignSubgraphs> {
  const gatewayKey = createPublicKey(readFileSync(ensureDevSigningKeys(dataDir).publicKeyFile, 'utf8'));
  const gate = new Gate(HELD_CITIZEN);
  const servers = await Promise.all([
    serveForeign({ name: 'vaccinations', typeDefs: vaccinationsSdl(), resolvers: vaccinationsResolvers(gate) }, gatewayKey),
    serveForeign({ name: 'licences', typeDefs: licencesSdl, resolvers: licencesResolvers('B2') }),
    serveForeign({ name: 'licences', typeDefs: licencesSdl, resolvers: licencesResolvers('C') }),
  ]);
  const [vaccinations, licences, otherLicences] = servers as [RunningHttpServer, RunningHttpServer, RunningHttpServer];
  return {
    vaccinations,
    licences,
    otherLicences,
    gate,
    supergraph: ({ licencesUrl = licences.url, ...rules } = {}) =>
      composeForeign([
        { name: 'vaccinations', typeDefs: vaccinationsSdl(rules), url: vaccinations.url },
        { name: 'licences', typeDefs: licencesSdl, url: licencesUrl },
      ]),
    close: async () => {
      gate.open();
      await Promise.all(servers.map((server) => server.close()));
    },
  };
}
