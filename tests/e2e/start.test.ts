import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
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

  const pidOf = (run: ReturnType<typeof launch>, name: string) => Number(new RegExp(`${name} \\(pid (\\d+)\\)`).exec(run.output())![1]);
  const postmasterPid = () => Number(readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
  /** A query on a connection of its own: its HTTP status, or the error code of a connection that failed. */
  const onNewConnection = async (query: string) => {
    const token = await issueDevToken({ dataDir, role: 'auditor', scopes: Object.keys(SCOPES), purpose: 'launcher test', ttlSeconds: 300 });
    return new Promise<string>((resolve) => {
      const req = request(gatewayUrl(), { method: 'POST', agent: false, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` } }, (res) => {
        res.resume();
        res.on('end', () => resolve(String(res.statusCode)));
      });
      req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
      req.end(JSON.stringify({ query }));
    });
  };
  const paymentsOfHue = () => ask<{ province: { paymentStatistics: { transactions: number } | null } }>('{ province(code: "46") { paymentStatistics { transactions } } }');

  it('starts again a subgraph or the PostgreSQL that died, and on Ctrl-C under load answers what it accepted, then stops everything it started', async () => {
    const run = launch(env);
    await run.waitFor('LiênThông is running');
    expect((await paymentsOfHue()).body.errors).toBeUndefined();

    process.kill(pidOf(run, 'payments'), 'SIGKILL');
    await run.waitFor('payments restarted');
    expect((await paymentsOfHue()).body.errors).toBeUndefined();

    // An immediate shutdown, as a crash, while requests hold connections: the server recovers from its log when it starts again.
    const during = Array.from({ length: 10 }, () => paymentsOfHue().catch(() => null));
    process.kill(postmasterPid(), 'SIGQUIT');
    await Promise.all(during);
    await run.waitFor('postgres restarted');
    // No subgraph went down with it: a connection lost under a request fails that request, not the process.
    expect(run.output()).not.toMatch(/(residents|civil-servants|public-services|payments|audit) exited unexpectedly \(code/);
    let answer = await paymentsOfHue();
    while (answer.body.errors) answer = await paymentsOfHue();
    expect(answer.body.data?.province.paymentStatistics?.transactions).toEqual(expect.any(Number));

    // Each on a connection of its own, opened as Ctrl-C comes: the gateway goes on accepting for npm start's drain delay (a second), so none is reset.
    const load = Array.from({ length: 20 }, () => onNewConnection('{ province(code: "46") { name } }'));
    run.interrupt();
    // Each request was answered whole, or refused outright once the gateway had stopped listening.
    for (const outcome of await Promise.all(load)) expect(['200', 'ECONNREFUSED']).toContain(outcome);
    expect(await run.exited).toBe(0);
    for (const port of ports) expect(await listening(port)).toBe(false);
  });

  it('replaces a PostgreSQL that a killed launcher left running on its data folder', async () => {
    const orphaned = spawn(process.execPath, ['dist/bin/run-postgres.js'], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'ignore', 'ipc'], detached: true });
    await new Promise((resolve) => orphaned.once('message', resolve));
    // Its Node process is killed outright; the postgres it started lives on, holding the port.
    orphaned.kill('SIGKILL');
    expect(await listening(Number(env.LT_EMBEDDED_PG_PORT))).toBe(true);

    const run = launch(env);
    await run.waitFor('LiênThông is running');
    expect((await paymentsOfHue()).body.errors).toBeUndefined();
    run.interrupt();
    expect(await run.exited).toBe(0);
    expect(await listening(Number(env.LT_EMBEDDED_PG_PORT))).toBe(false);
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
