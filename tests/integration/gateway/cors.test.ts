import { loadConfig, settings } from '../../../lib/config';
import type { RunningGateway } from '../../../gateway/start-gateway';
import { useFixtureGraph } from './fixtures/fixture-graph';
import { request } from './http-client';

const graph = useFixtureGraph();

const DASHBOARD = 'https://dashboard.hue.gov.vn';
const ELSEWHERE = 'https://attacker.example';
const QUERY = JSON.stringify({ query: '{ __typename }' });

let withCors: RunningGateway;
beforeAll(async () => {
  withCors = await graph().startGateway({ corsOrigins: [DASHBOARD, 'http://localhost:8080'] });
});
afterAll(() => withCors.close());

const preflight = (url: string, origin: string) =>
  request(url, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type, x-purpose' },
  });

const post = async (url: string, origin: string, token?: string) =>
  request(url, { method: 'POST', headers: { origin, 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: QUERY });

const corsHeaders = (headers: Headers) => Object.fromEntries([...headers].filter(([name]) => name.startsWith('access-control-')));

describe('CORS: dashboards hosted on another origin', () => {
  test('a listed origin passes the preflight for a POST with a token and a purpose', async () => {
    const answer = await preflight(withCors.url, DASHBOARD);
    expect(answer.status).toBe(204);
    expect(corsHeaders(answer.headers)).toEqual({
      'access-control-allow-origin': DASHBOARD,
      'access-control-allow-methods': 'GET,POST',
      'access-control-allow-headers': 'authorization,content-type,x-purpose,x-request-id',
      'access-control-expose-headers': 'x-request-id,x-lienthong-cost,retry-after',
      'access-control-max-age': '600',
    });
  });

  test('a listed origin may read the answer, the request id and the cost report, and never sends credentials', async () => {
    const answer = await post(withCors.url, DASHBOARD, await graph().token({ scopes: ['population:aggregate'] }));
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ data: { __typename: 'Query' } });
    expect(corsHeaders(answer.headers)).toEqual({
      'access-control-allow-origin': DASHBOARD,
      'access-control-expose-headers': 'x-request-id,x-lienthong-cost,retry-after',
    });
  });

  test('a listed origin can read a refusal too: no token is 401 UNAUTHENTICATED, with its CORS headers', async () => {
    const answer = await post(withCors.url, DASHBOARD);
    expect(answer.status).toBe(401);
    expect(answer.json.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(answer.headers.get('access-control-allow-origin')).toBe(DASHBOARD);
  });

  test('any other origin gets no CORS header, so a browser keeps the answer from its page', async () => {
    expect(corsHeaders((await preflight(withCors.url, ELSEWHERE)).headers)).toEqual({});
    expect(corsHeaders((await post(withCors.url, ELSEWHERE, await graph().token({ scopes: ['population:aggregate'] }))).headers)).toEqual({});
    expect(corsHeaders((await post(withCors.url, `${DASHBOARD}.attacker.example`)).headers)).toEqual({});
  });

  test('with no origin listed (the default), no origin gets a CORS header', async () => {
    expect(corsHeaders((await preflight(graph().gateway.url, DASHBOARD)).headers)).toEqual({});
    expect(corsHeaders((await post(graph().gateway.url, DASHBOARD)).headers)).toEqual({});
  });
});

describe('CORS_ALLOWED_ORIGINS', () => {
  const origins = (value: string) => loadConfig({ origins: settings.corsAllowedOrigins }, { CORS_ALLOWED_ORIGINS: value }).origins;

  test('is empty by default and reads a comma-separated list', () => {
    expect(loadConfig({ origins: settings.corsAllowedOrigins }, {}).origins).toEqual([]);
    expect(origins('https://dashboard.hue.gov.vn, http://localhost:8080')).toEqual(['https://dashboard.hue.gov.vn', 'http://localhost:8080']);
  });

  test.each(['*', 'https://dashboard.hue.gov.vn/', 'https://dashboard.hue.gov.vn/app', 'dashboard.hue.gov.vn', 'ftp://files.gov.vn'])('refuses %s, naming the variable', (value) => {
    expect(() => origins(value)).toThrow(/CORS_ALLOWED_ORIGINS=.*each origin must be scheme:\/\/host\[:port\]/);
  });
});
