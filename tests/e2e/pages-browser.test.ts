import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium, visit, type Visit } from '../../bin/browser';
import { startTestGraph, type TestGraph } from '../support/test-graph';

/*
 * /dashboard and /me in a real browser (Debian's Chromium through playwright-core), as a ministry
 * analyst, a province analyst and a citizen: each page renders data, asks nothing of anyone but
 * the gateway, logs no error, and a province analyst's page holds no other province's figures.
 * Screenshots go to LT_SCREENSHOTS (a temporary folder by default) for a person to look at.
 */

const SCREENSHOTS = process.env.LT_SCREENSHOTS ?? path.join(tmpdir(), 'lienthong-screenshots');
mkdirSync(SCREENSHOTS, { recursive: true });

let graph: TestGraph;
let browser: Browser;
let origin: string;
let citizen: string;
/** Two sites elsewhere serving the same dashboard page: the gateway lists the first in CORS_ALLOWED_ORIGINS, not the second. */
let elsewhere: Server[];
const originOf = (server: Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

/** A province's own dashboard page: it asks the gateway named in its query string for a province's name, with its token. */
const FOREIGN_PAGE = `<!doctype html><html><body data-state="loading"><p id="answer"></p><script>
  const params = new URLSearchParams(location.search);
  fetch(params.get('gateway'), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer ' + location.hash.slice('#token='.length) },
    body: JSON.stringify({ query: '{ province(code: "46") { name } }' }),
  })
    .then((response) => response.json())
    .then((body) => { document.getElementById('answer').textContent = body.data.province.name; }, () => { document.getElementById('answer').textContent = 'refused'; })
    .finally(() => { document.body.dataset.state = 'ready'; });
</script></body></html>`;

async function serveForeignPage(): Promise<Server> {
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(FOREIGN_PAGE));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}
const sql = async (subgraph: string, text: string, values: unknown[] = []) => (await graph.subgraphs[subgraph]!.db.pool.query(text, values)).rows;

beforeAll(async () => {
  elsewhere = [await serveForeignPage(), await serveForeignPage()];
  // No aggregate cache: the database stopped by the last test must show at once, not when kept answers age out.
  graph = await startTestGraph(2_000, { asOf: new Date(), faultRate: 0.01, gateway: { corsOrigins: [originOf(elsewhere[0]!)], caches: { aggregateCacheTtlMs: 0 } } });
  origin = new URL(graph.url).origin;
  browser = await launchChromium();
  // A citizen with paid dossiers who is also a public servant: every database has something of theirs.
  const servants = new Set((await sql('civil-servants', 'SELECT personal_id FROM civil_servants')).map((r) => r.personal_id as string));
  const payers = (await sql('payments', "SELECT DISTINCT payer_id FROM payments WHERE status = 'PAID' ORDER BY payer_id")).map((r) => r.payer_id as string);
  citizen = payers.find((id) => servants.has(id))!;
});
afterAll(async () => {
  await browser?.close();
  await graph?.stop();
  await Promise.all((elsewhere ?? []).map((server) => new Promise((resolve) => server.close(resolve))));
});

const ownOrigin = (visited: Visit) => visited.requests.filter((url) => new URL(url).origin !== origin);
const open = async (page: string, token: string, extra = '', viewport?: { width: number; height: number }) =>
  visit(browser, `${origin}${page}#token=${encodeURIComponent(token)}${extra}`, viewport);
const rowsOf = (visited: Visit, selector: string) => visited.page.locator(`${selector} table.data tbody tr`);

describe('/dashboard', () => {
  test('as a ministry analyst: all 34 provinces side by side, charts, data health; only the gateway asked, no error', async () => {
    const visited = await open('/dashboard', await graph.token({ role: 'ministry-analyst' }));
    expect(ownOrigin(visited)).toEqual([]);
    expect(visited.errors).toEqual([]);
    await expect(rowsOf(visited, '#overview-table').count()).resolves.toBe(34);
    await expect(rowsOf(visited, '#health > .table-wrap').count()).resolves.toBe(34);
    await expect(visited.page.locator('#overview-problems').isHidden()).resolves.toBe(true);
    const headings = await visited.page.locator('#overview-table th').allTextContents();
    expect(headings.slice(0, 8)).toEqual(['Tỉnh, thành phố', 'Dân số', 'Cán bộ, công chức, viên chức', 'Hồ sơ tiếp nhận', 'Tỷ lệ nộp trực tuyến', 'Tỷ lệ giải quyết đúng hạn', 'Hồ sơ quá hạn', 'Phí, lệ phí đã thu']);
    // The charts drew: a canvas with pixels of its lines and bars.
    const drawn = await visited.page.evaluate<number[]>("['trend-chart', 'ranking-chart'].map((id) => document.getElementById(id).toDataURL().length)");
    expect(drawn.every((length) => length > 5_000)).toBe(true);
    await visited.page.screenshot({ path: path.join(SCREENSHOTS, 'dashboard-ministry.png'), fullPage: true });
    await visited.page.close();
  });

  test('sorts by a column when its heading is clicked, and exports what it shows as CSV', async () => {
    const visited = await open('/dashboard', await graph.token({ role: 'ministry-analyst' }));
    await visited.page.locator('#overview-table th button', { hasText: 'Hồ sơ tiếp nhận' }).click();
    const received = (await visited.page.locator('#overview-table tbody tr td:nth-child(4)').allTextContents()).map((t) => Number(t.replace(/\D/g, '')));
    expect(received).toEqual([...received].sort((a, b) => b - a));
    const [download] = await Promise.all([visited.page.waitForEvent('download'), visited.page.locator('#export-table').click()]);
    const csv = await download.createReadStream().then(async (stream) => {
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    });
    const lines = csv.replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines[0]).toMatch(/^Tỉnh, thành phố|^"Tỉnh, thành phố"/);
    expect(lines).toHaveLength(35);
    expect(Number(lines[1]!.split(',')[3])).toBe(received[0]);
    await visited.page.close();
  });

  test("as a province analyst of Huế: Huế alone, and no other province's figures ever reach the page", async () => {
    const visited = await open('/dashboard', await graph.token({ role: 'province-analyst', province: '46' }));
    expect(ownOrigin(visited)).toEqual([]);
    expect(visited.errors).toEqual([]);
    await expect(rowsOf(visited, '#overview-table').allTextContents()).resolves.toEqual([expect.stringMatching(/^Huế/)]);
    await expect(rowsOf(visited, '#health > .table-wrap').count()).resolves.toBe(1);
    const codes = new Set(visited.answers.flatMap((answer) => [...JSON.stringify(answer).matchAll(/"code":"(\d{2})"/g)].map((m) => m[1])));
    expect(visited.answers.length).toBeGreaterThan(0);
    expect([...codes]).toEqual(['46']);
    expect(visited.answers.flatMap((answer) => (answer as { errors?: unknown[] }).errors ?? [])).toEqual([]);
    await visited.page.screenshot({ path: path.join(SCREENSHOTS, 'dashboard-province.png'), fullPage: true });
    await visited.page.close();
  });

  test('on a phone: one column, nothing wider than the screen but the tables, which scroll', async () => {
    const visited = await open('/dashboard', await graph.token({ role: 'province-analyst', province: '46' }), '', { width: 390, height: 844 });
    const overflow = await visited.page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    expect(visited.errors).toEqual([]);
    await visited.page.screenshot({ path: path.join(SCREENSHOTS, 'dashboard-phone.png'), fullPage: true });
    await visited.page.close();
  });

  test('asks only for what the role may see: a civil-service manager gets staffing, and says why the rest is missing', async () => {
    const visited = await open('/dashboard', await graph.token({ role: 'civil-service-manager' }));
    const headings = await visited.page.locator('#overview-table th').allTextContents();
    expect(headings).toEqual(['Tỉnh, thành phố', 'Cán bộ, công chức, viên chức', 'Cơ quan']);
    expect(visited.answers.flatMap((answer) => (answer as { errors?: unknown[] }).errors ?? [])).toEqual([]);
    await expect(visited.page.locator('#overview-problems').textContent()).resolves.toContain('Dân số: vai trò của bạn không có quyền xem chỉ số này');
    await expect(visited.page.locator('#health').isHidden()).resolves.toBe(true);
    await visited.page.close();
  });
});

describe('/me', () => {
  test("as a citizen: their record by database, and who read it, from where and why, filterable by database", async () => {
    // An officer of their province reads their name, with a purpose: the read the page must show.
    const [{ province_code: province }] = (await sql('residents', 'SELECT province_code FROM citizens WHERE personal_id = $1', [citizen])) as [{ province_code: string }];
    const officer = await graph.token({ role: 'province-officer', province, purpose: 'Giải quyết hồ sơ cấp đổi căn cước' });
    expect((await graph.query(`{ citizen(personalId: "${citizen}") { fullName } }`, {}, officer)).body.errors).toBeUndefined();

    const token = await graph.token({ role: 'citizen', subject: citizen });
    const visited = await open('/me', token, `&purpose=${encodeURIComponent('Xem dữ liệu của tôi')}`);
    expect(ownOrigin(visited)).toEqual([]);
    expect(visited.errors).toEqual([]);
    const [name] = (await sql('residents', 'SELECT full_name FROM citizens WHERE personal_id = $1', [citizen])) as [{ full_name: string }];
    await expect(visited.page.locator('#db-residents').textContent()).resolves.toContain(name.full_name);
    await expect(visited.page.locator('#db-civil-servants dl').count()).resolves.toBe(1);
    await expect(rowsOf(visited, '#db-public-services').count()).resolves.toBeGreaterThan(0);
    await expect(rowsOf(visited, '#db-payments').count()).resolves.toBeGreaterThan(0);
    const log = await visited.page.locator('#log-table').textContent();
    expect(log).toContain('Cán bộ bộ phận một cửa cấp tỉnh');
    expect(log).toContain('Giải quyết hồ sơ cấp đổi căn cước');
    await visited.page.screenshot({ path: path.join(SCREENSHOTS, 'me-citizen.png'), fullPage: true });
    await visited.page.locator('#log-database').selectOption('payments');
    await expect(visited.page.locator('#log-table').textContent()).resolves.not.toContain('Giải quyết hồ sơ cấp đổi căn cước');
    await visited.page.close();
  });
});

describe('A dashboard hosted on another origin', () => {
  test('reads the graph with its token when its origin is listed in CORS_ALLOWED_ORIGINS, and not otherwise', async () => {
    const token = await graph.token({ role: 'ministry-analyst' });
    const page = (server: Server) => `${originOf(server)}/?gateway=${encodeURIComponent(graph.url)}#token=${token}`;
    const listed = await visit(browser, page(elsewhere[0]!));
    await expect(listed.page.locator('#answer').textContent()).resolves.toBe('Huế');
    const other = await visit(browser, page(elsewhere[1]!));
    await expect(other.page.locator('#answer').textContent()).resolves.toBe('refused');
    expect(other.errors.join(' ')).toMatch(/CORS/);
    await listed.page.close();
    await other.page.close();
  });
});

describe('When a database is down', () => {
  test('the dashboard still shows the rest, and says which panel failed', async () => {
    await graph.subgraphs.payments!.server.close();
    const visited = await open('/dashboard', await graph.token({ role: 'ministry-analyst' }));
    await expect(rowsOf(visited, '#overview-table').count()).resolves.toBe(34);
    const headings = await visited.page.locator('#overview-table th').allTextContents();
    expect(headings).toContain('Dân số');
    expect(headings).not.toContain('Phí, lệ phí đã thu');
    await expect(visited.page.locator('#overview-problems').textContent()).resolves.toContain('Phí, lệ phí: Cơ sở dữ liệu nguồn tạm thời không phản hồi. (SUBGRAPH_UNAVAILABLE)');
    await visited.page.close();
  });
});
