import { DASHBOARD_INDICATORS, MY_RECORD, PROVINCE_DATA_HEALTH } from '../../../gateway/pages/operations';
import { PAGES_CSP } from '../../../gateway/pages/page-html';
import { useFixtureGraph } from './fixtures/fixture-graph';
import { request } from './http-client';

const graph = useFixtureGraph();

const assetsOf = (html: string): string[] => [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] as string);
const configOf = (html: string) => JSON.parse(/<script type="application\/json" id="lt-config">(.*?)<\/script>/s.exec(html)![1]!);

describe('The dashboard and /me pages', () => {
  test.each(['/dashboard', '/me'])('%s is Vietnamese HTML under a CSP that allows nothing but the gateway, and no inline script', async (route) => {
    const page = await request(`${graph().origin}${route}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(PAGES_CSP);
    expect(PAGES_CSP).toContain("script-src 'self'");
    expect(PAGES_CSP).not.toContain('unsafe');
    expect(page.text).toContain('<html lang="vi">');
    expect(page.text).not.toMatch(/https?:\/\//);
    // Every script is a file of the gateway's; the only <script> with content is the JSON data block.
    expect([...page.text.matchAll(/<script(?![^>]*\bsrc=)[^>]*>/g)].map((m) => m[0])).toEqual(['<script type="application/json" id="lt-config">']);
  });

  test('the dashboard loads Chart.js and its scripts from /pages/, each with a year-long cache', async () => {
    const page = await request(`${graph().origin}/dashboard`);
    const assets = assetsOf(page.text).filter((url) => url.startsWith('/pages/'));
    expect(assets.map((url) => url.split('/').pop())).toEqual(['pages.css', 'chart.umd.min.js', 'lienthong.js', 'labels.js', 'tables.js', 'indicators.js', 'health.js', 'dashboard.js']);
    const answers = await Promise.all(assets.map((url) => request(`${graph().origin}${url}`)));
    expect(answers.map((a) => [a.status, a.headers.get('cache-control')])).toEqual(assets.map(() => [200, 'public, max-age=31536000, immutable']));
    expect(answers[1]!.text).toContain('Chart.js');
    expect(answers.every((a) => !/sourceMappingURL/.test(a.text))).toBe(true);
  });

  test('each page carries the operations it sends: the same LiênThông lists as trusted documents', async () => {
    const dashboard = configOf((await request(`${graph().origin}/dashboard`)).text);
    expect(dashboard.indicators).toEqual(JSON.parse(JSON.stringify(DASHBOARD_INDICATORS)));
    expect(dashboard.health).toEqual({ document: PROVINCE_DATA_HEALTH, operation: 'ProvinceDataHealth' });
    expect(dashboard.provinces).toHaveLength(34);
    const me = configOf((await request(`${graph().origin}/me`)).text);
    expect(me.me.record).toBe(MY_RECORD);
  });

  test('/me knows which database answers each field, by name only: never a subgraph address', async () => {
    const me = await request(`${graph().origin}/me`);
    const { fieldDatabases } = configOf(me.text);
    expect(fieldDatabases).toMatchObject({ 'Citizen.fullName': 'people', 'Citizen.job': 'jobs' });
    expect(me.text).not.toContain(graph().people.url);
  });

  test('the pages are open, as the playground is: they hold no data, and /graphql still needs a token', async () => {
    const refused = await request(graph().gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: MY_RECORD }) });
    expect(refused.status).toBe(401);
  });
});
