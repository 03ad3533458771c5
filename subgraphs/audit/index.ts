import { buildFederatedSchema } from '../../lib/federation';
import { personalIdOf, type SubgraphDefinition } from '../../lib/subgraph';
import { createContext, type Ctx } from './context';
import { migrations } from './data/migrations';
import type { Tables } from './data/tables';
import { AuditLogResolver } from './resolvers/audit-log.resolver';
import { CitizenResolver } from './resolvers/citizen.resolver';
import { resolveCitizenReference } from './resolvers/citizen.reference';
import { subjectsOf } from './rules/audit-view';
import type { AccessRecord } from './types/access-record.type';
import { Citizen } from './types/citizen.type';

/**
 * The audit log (after Estonia's X-Road): every read of personal data the gateway serves, and
 * every change of it (its intent before, its outcome after), append-only, hash-chained and
 * signed by the gateway in its own database. The gateway writes through `audit_append` alone;
 * this subgraph reads, for the citizens concerned and for inspectors.
 */
export const auditSubgraph: SubgraphDefinition<Tables, Ctx> = {
  name: 'audit',
  migrations,
  buildSchema: () =>
    buildFederatedSchema({
      resolvers: [AuditLogResolver, CitizenResolver],
      orphanedTypes: [Citizen],
      referenceResolvers: { Citizen: resolveCitizenReference },
    }),
  createContext,
  // A record is about every citizen it names and, when a citizen read, about its reader too.
  dataSubjects: { Citizen: personalIdOf, AccessRecord: (record) => subjectsOf(record as unknown as AccessRecord) },
  isEmpty: async (db) => (await db.kysely.selectFrom('audit_log').select('seq').limit(1).executeTakeFirst()) === undefined,
  // Never seeded: an audit log holds real reads only, and a made-up history would be a false record.
  seed: async () => undefined,
};
