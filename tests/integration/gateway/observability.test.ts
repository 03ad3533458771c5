import type { RunningGateway } from '../../../gateway/start-gateway';
import { captureLog } from '../../support/captured-log';
import { metricValue } from '../../support/metrics';
import { EVERY_FIXTURE_SCOPE, useFixtureGraph } from './fixtures/fixture-graph';
import { postJson, request } from './http-client';

/*
 * What an operator sees of the gateway: /metrics in Prometheus' format, and one access-log line
 * per request that names the caller only by a keyed pseudonym and never carries variables.
 */

const graph = useFixtureGraph();
const log = captureLog('gateway');
let gateway: RunningGateway;
const origin = () => new URL(gateway.url).origin;

beforeAll(async () => {
  gateway = await graph().startGateway({ logger: log.logger, maxOperationNames: 2 });
});
afterAll(() => gateway.close());

const PROFILE = 'query Profile($id: PersonalId!) { citizen(personalId: $id) { fullName job { title } } }';

describe('/metrics', () => {
  test('serves Prometheus text with requests by operation and outcome, subgraph fetches, access decisions, caches, breakers and the process', async () => {
    const headers = await graph().headers({ scopes: EVERY_FIXTURE_SCOPE, purpose: 'metrics test' });
    await postJson(gateway.url, { query: PROFILE, variables: { id: '001090000001' } }, headers);
    await postJson(gateway.url, { query: PROFILE, variables: { id: '001090000001' } }, headers);
    const response = await request(`${origin()}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const gatewaySample = { process: 'gateway', operation: 'Profile', outcome: 'ok' };
    expect(await metricValue(origin(), 'lienthong_graphql_request_duration_seconds_count', gatewaySample)).toBe(2);
    expect(await metricValue(origin(), 'lienthong_gateway_subgraph_fetch_duration_seconds_count', { subgraph: 'jobs', outcome: 'ok' })).toBeGreaterThanOrEqual(2);
    expect(await metricValue(origin(), 'lienthong_gateway_access_decisions_total', { decision: 'allowed' })).toBeGreaterThanOrEqual(2);
    expect(await metricValue(origin(), 'lienthong_gateway_cache_lookups_total', { cache: 'access_decisions', result: 'hit' })).toBeGreaterThanOrEqual(1);
    expect(response.text).toContain('lienthong_gateway_subgraph_breaker_state{subgraph="jobs"} 0');
    expect(response.text).toMatch(/^process_cpu_user_seconds_total \d/m);
    expect(response.text).not.toContain('001090000001');
  });

  test('labels refusals with their code, and counts operation names only up to the configured number', async () => {
    for (const name of ['First', 'Second', 'Third']) {
      await postJson(gateway.url, { query: `query ${name} { __typename }` }, await graph().headers({ scopes: [] }));
    }
    await postJson(gateway.url, { query: '{ __typename }' }, {});
    // Profile (above) and First fill the two names kept; Second and Third are counted as other.
    expect(await metricValue(origin(), 'lienthong_graphql_request_duration_seconds_count', { operation: 'First' })).toBe(1);
    expect(await metricValue(origin(), 'lienthong_graphql_request_duration_seconds_count', { operation: 'other', outcome: 'ok' })).toBe(2);
    expect(await metricValue(origin(), 'lienthong_gateway_refusals_total', { code: 'UNAUTHENTICATED' })).toBe(1);
  });
});

describe('The access log', () => {
  test('has one line per request: request id, pseudonymised subject, role, province, operation, duration, status and codes; never variables or the subject itself', async () => {
    const headers = { ...(await graph().headers({ scopes: ['residents:read'], role: 'province-officer', province: '46', purpose: 'log test' })), 'x-request-id': 'access-log-1' };
    await postJson(gateway.url, { query: PROFILE, variables: { id: '001090000001' } }, headers);
    const [line] = log.lines().filter((entry) => entry.requestId === 'access-log-1');
    expect(line).toMatchObject({
      level: 30,
      msg: 'request',
      role: 'province-officer',
      province: '46',
      operationName: 'Profile',
      status: 200,
      errorCodes: ['UNAUTHORIZED_FIELD_OR_TYPE'],
      subject: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/),
      durationMs: expect.any(Number),
    });
    expect(log.lines().filter((entry) => entry.requestId === 'access-log-1')).toHaveLength(1);
    const text = JSON.stringify(log.lines());
    expect(text).not.toContain('001090000001');
    expect(text).not.toContain('officer:province-officer:46');
  });

  test('logs a request refused before its token was read, without a caller', async () => {
    await postJson(gateway.url, { query: '{ __typename }' }, { authorization: 'Bearer nope' });
    const refused = log.lines().filter((entry) => entry.msg === 'request' && entry.status === 401);
    expect(refused.at(-1)).toMatchObject({ errorCodes: ['UNAUTHENTICATED'] });
    expect(refused.at(-1)!.subject).toBeUndefined();
  });
});
