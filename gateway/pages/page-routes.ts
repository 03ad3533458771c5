import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PROVINCES } from '../../lib/domain';
import type { RouteHandler } from '../../lib/http';
import { asset, CSS, hashOf, HTML, IMMUTABLE, JS, serve, withoutSourceMap, type Asset } from '../static-assets';
import { fieldDatabases } from './field-databases';
import { INDICATOR_DEFINITIONS } from './indicator-definitions';
import { DASHBOARD_INDICATORS, MY_ACCESS_LOG, MY_RECORD, PROVINCE_DATA_HEALTH } from './operations';
import { dashboardPage, mePage, PAGES_CSP, type PageAssets } from './page-html';

/** The pages' own scripts, next to this file (and copied beside the compiled one by the build). */
const CLIENT = path.join(__dirname, 'client');

const SHARED = ['lienthong.js', 'labels.js', 'tables.js'];
const DASHBOARD = [...SHARED, 'indicators.js', 'health.js', 'dashboard.js'];
const ME = [...SHARED, 'me.js'];

/**
 * The routes of `/dashboard` and `/me`: each page with its configuration (the operations it sends,
 * the provinces, which database answers which field), and its assets under `/pages/<hash>/`:
 * Chart.js from its npm package, the pages' scripts and style. Read once at start; no CDN.
 */
export async function loadPages(supergraphSdl: string): Promise<Record<string, RouteHandler>> {
  const own = async (file: string) => asset(file.endsWith('.css') ? CSS : JS, withoutSourceMap(await readFile(path.join(CLIENT, file), 'utf8')));
  // Chart.js's export map hides its package.json; its main file sits beside the UMD build.
  const chartJs = path.join(path.dirname(require.resolve('chart.js')), 'chart.umd.min.js');
  const files = new Map<string, Asset>([['chart.umd.min.js', asset(JS, withoutSourceMap(await readFile(chartJs, 'utf8')))]]);
  for (const file of [...new Set([...DASHBOARD, ...ME]), 'pages.css']) files.set(file, await own(file));
  const urls = new Map([...files].map(([name, file]) => [name, `/pages/${hashOf(file.body)}/${name}`]));
  const assets = (scripts: string[]): PageAssets => ({ css: urls.get('pages.css')!, scripts: scripts.map((name) => urls.get(name)!) });

  const provinces = PROVINCES.map(({ code, name }) => ({ code, name }));
  const definitions = Object.fromEntries(INDICATOR_DEFINITIONS.map(({ key, title, definition }) => [key, { title, definition }]));
  const dashboard = dashboardPage(assets(['chart.umd.min.js', ...DASHBOARD]), {
    provinces,
    definitions,
    indicators: DASHBOARD_INDICATORS,
    health: { document: PROVINCE_DATA_HEALTH, operation: 'ProvinceDataHealth' },
  });
  const me = mePage(assets(ME), { provinces, fieldDatabases: fieldDatabases(supergraphSdl), me: { record: MY_RECORD, accessLog: MY_ACCESS_LOG } });
  const page = (html: string) => serve(asset(HTML, html), { 'cache-control': 'no-cache', 'content-security-policy': PAGES_CSP, 'referrer-policy': 'no-referrer' });
  return {
    '/dashboard': page(dashboard),
    '/me': page(me),
    ...Object.fromEntries([...files].map(([name, file]) => [urls.get(name)!, serve(file, { 'cache-control': IMMUTABLE })])),
  };
}
