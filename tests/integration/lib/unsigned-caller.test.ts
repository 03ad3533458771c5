import type { RunningHttpServer } from '../../../lib/http';
import { startSubgraph } from '../../../lib/subgraph';
import { residentsSubgraph } from '../../../subgraphs/residents';
import { createTestDatabase } from '../../support/test-database';
import { EVERYTHING_CALLER, signedHeaders, TEST_KEYS } from '../../support/test-identity';
import { testSeed } from '../../support/test-subgraph';

/** The benchmark harness starts subgraphs with `unsignedCaller` so that peer gateways, which cannot sign, can be measured. */
describe('A subgraph started with unsignedCaller (benchmark harness only)', () => {
  const residentsDatabase = () => createTestDatabase(residentsSubgraph);
  let database: Awaited<ReturnType<typeof residentsDatabase>>;
  let server: RunningHttpServer;
  const QUERY = '{ citizens(first: 2) { edges { node { personalId fullName } } } }';
  const post = async (body: string, headers: Record<string, string> = {}) => {
    const response = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    return { status: response.status, body: (await response.json()) as { data?: { citizens: { edges: unknown[] } }; errors?: { extensions: { code: string } }[] } };
  };

  beforeAll(async () => {
    database = await residentsDatabase();
    await residentsSubgraph.seed(database.db, testSeed(300));
    server = await startSubgraph(residentsSubgraph, { db: database.db, port: 0, verifyKey: TEST_KEYS.publicKey, unsignedCaller: EVERYTHING_CALLER });
  });
  afterAll(async () => {
    await server.close();
    await database.drop();
  });

  it('answers a request carrying no signature as that caller', async () => {
    const { status, body } = await post(JSON.stringify({ query: QUERY }));
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data!.citizens.edges).toHaveLength(2);
  });

  it('still verifies a signed request, and refuses one whose body changed after signing', async () => {
    const signed = JSON.stringify({ query: QUERY });
    expect((await post(signed, signedHeaders('residents', signed))).status).toBe(200);
    const tampered = await post(JSON.stringify({ query: QUERY.replace('first: 2', 'first: 3') }), signedHeaders('residents', signed));
    expect(tampered.status).toBe(401);
    expect(tampered.body.errors![0]!.extensions.code).toBe('UNAUTHENTICATED');
  });
});
