import { randomBytes } from 'node:crypto';
import { dropDatabase, type Database } from '../../lib/db';
import { prepareDatabase, type RequestContext, type SubgraphDefinition } from '../../lib/subgraph';

export const testServerUrl = (): string => {
  const url = process.env.LT_TEST_SERVER_URL;
  if (!url) throw new Error('LT_TEST_SERVER_URL is unset: run tests through jest so global-setup provides a server');
  return url;
};

export interface TestDatabase<Tables> {
  db: Database<Tables>;
  drop(): Promise<void>;
}

/** A migrated database of its own for one test file, dropped afterwards. */
export async function createTestDatabase<Tables, Ctx extends RequestContext>(
  definition: SubgraphDefinition<Tables, Ctx>,
): Promise<TestDatabase<Tables>> {
  const serverUrl = testServerUrl();
  const databaseName = `t_${definition.name.replace(/-/g, '_')}_${randomBytes(4).toString('hex')}`;
  const db = await prepareDatabase(definition, { serverUrl, databaseName, poolSize: 5 });
  return {
    db,
    drop: async () => {
      await db.close();
      await dropDatabase(serverUrl, databaseName);
    },
  };
}
