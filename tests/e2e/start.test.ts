import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../support/free-port';
import { postGraphQL } from '../support/graphql-client';
import { buildDist, launch } from '../support/launcher';
import { issueDevToken, SCOPES } from '../../lib/auth';

const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

describe('npm start (the launcher)', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'lienthong-start-'));
  let env: Record<string, string>;
  let ports: number[];

  beforeAll(async () => {
    buildDist();
    ports = await Promise.all([0, 1, 2, 3, 4, 5, 6].map(() => freePort()));
    const [gateway, residents, civil, services, payments, audit, postgres] = ports.map(String);
    env = {
      LT_DATA_DIR: dataDir,
      LT_SCALE: '600',
      LT_SEED_AS_OF: '2026-11-01',
      GATEWAY_PORT: gateway!,
      RESIDENTS_PORT: residents!,
      CIVIL_SERVANTS_PORT: civil!,
      PUBLIC_SERVICES_PORT: services!,
      PAYMENTS_PORT: payments!,
      AUDIT_PORT: audit!,
      LT_EMBEDDED_PG_PORT: postgres!,
      DATABASE_URL: '',
    };
  });

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const gatewayUrl = () => `http://127.0.0.1:${env.GATEWAY_PORT}/graphql`;
  /** As a client would: with a token from the development issuer whose key the launcher made. */
  const ask = async <T>(source: string, variables: Record<string, unknown> = {}) => {
    const token = await issueDevToken({ dataDir, role: 'auditor', scopes: Object.keys(SCOPES), purpose: 'launcher test', ttlSeconds: 300 });
    return postGraphQL<T>(gatewayUrl(), source, variables, { authorization: `Bearer ${token}` });
  };

  it('seeds an empty embedded database, serves one query across all four subgraphs, and stops everything on Ctrl-C', async () => {
    const run = launch(env);
    await run.waitFor('LiênThông is running');
    expect(run.output()).toContain('starting embedded PostgreSQL');

    const page = await ask<{ dossiers: { edges: { node: { applicant: { personalId: string } } }[] } }>(
      '{ dossiers(first: 1, filter: { procedureCode: "DVC04", status: RESULT_RETURNED }) { edges { node { applicant { personalId } } } } }',
    );
    const personalId = page.body.data!.dossiers.edges[0]!.node.applicant.personalId;
    const profile = await ask<{ citizen: Record<string, unknown> & { dossiers: { payments: unknown[] }[] } }>(
      `query ($id: PersonalId!) { citizen(personalId: $id) { personalId fullName civilServant { position }
         dossiers(first: 3) { code procedure { name fee } feeStatus payments { status } } } }`,
      { id: personalId },
    );
    expect(profile.body.errors).toBeUndefined();
    expect(profile.body.data!.citizen.personalId).toBe(personalId);
    expect(profile.body.data!.citizen.dossiers.some((d) => d.payments.length > 0)).toBe(true);

    const submitted = await ask<{ submitDossier: { code: string } }>(
      `mutation ($id: PersonalId!) { submitDossier(input: { procedureCode: "DVC02", applicantId: $id, provinceCode: "01", channel: ONLINE }) { code } }`,
      { id: personalId },
    );
    env.KEPT_DOSSIER = submitted.body.data!.submitDossier.code;

    run.interrupt();
    expect(await run.exited).toBe(0);
    expect(run.output()).toContain('[lienthong] stopped');
    for (const port of ports) expect(await listening(port)).toBe(false);
  });

  it('reuses the data on the next start', async () => {
    const run = launch(env);
    await run.waitFor('LiênThông is running');
    const kept = await ask<{ dossier: { code: string; status: string } }>('query ($c: ID!) { dossier(code: $c) { code status } }', {
      c: env.KEPT_DOSSIER,
    });
    expect(kept.body).toEqual({ data: { dossier: { code: env.KEPT_DOSSIER, status: 'NEW' } } });
    run.interrupt();
    expect(await run.exited).toBe(0);
  });

  it('refuses to start, naming the port, when one of its ports is taken', async () => {
    const blocker = createServer().listen(Number(env.RESIDENTS_PORT), '127.0.0.1');
    try {
      const run = launch(env);
      expect(await run.exited).toBe(1);
      expect(run.output()).toContain(`Port ${env.RESIDENTS_PORT} on 127.0.0.1 is taken`);
      expect(await listening(Number(env.LT_EMBEDDED_PG_PORT))).toBe(false);
    } finally {
      blocker.close();
    }
  });
});
