import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { issueDevToken, type DevTokenRequest } from '../lib/auth';
import { loadConfig, settings } from '../lib/config';
import { launchChromium, visit } from './browser';

/**
 * `npm run screenshots [-- --out docs/screenshots]`: the README's pictures of /dashboard and /me,
 * taken in Chromium from the federation `npm start` runs (GATEWAY_URL), with development tokens:
 * a ministry analyst, a province analyst of Huế on a phone, and the README's profiled citizen,
 * whose data an officer of Huế reads first so that their access log has something to show.
 */
const PROFILED = '067179692851';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string', default: 'docs/screenshots' } } });
  const { dataDir, gatewayUrl } = loadConfig({ dataDir: settings.dataDir, gatewayUrl: settings.gatewayUrl });
  const origin = new URL(gatewayUrl).origin;
  const token = (request: Omit<DevTokenRequest, 'dataDir' | 'ttlSeconds'>) => issueDevToken({ dataDir, ttlSeconds: 600, ...request });
  const out = path.resolve(values.out);
  mkdirSync(out, { recursive: true });

  const officer = await token({ role: 'province-officer', province: '46', purpose: 'Giải quyết hồ sơ cấp đổi căn cước' });
  await fetch(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${officer}` },
    body: JSON.stringify({ query: `{ citizen(personalId: "${PROFILED}") { fullName dossiers(first: 5) { code status } } }` }),
  });

  const browser = await launchChromium();
  try {
    const open = async (page: string, fragment: string, viewport?: { width: number; height: number }) => {
      const visited = await visit(browser, `${origin}${page}#${fragment}`, viewport);
      if (visited.errors.length > 0) throw new Error(`${page} logged errors: ${visited.errors.join('; ')}`);
      return visited.page;
    };
    const ministry = await open('/dashboard', `token=${await token({ role: 'ministry-analyst' })}`, { width: 1440, height: 1180 });
    // Dossiers received move month by month; the population of a year hardly does.
    await ministry.locator('#indicator').selectOption('received');
    await ministry.screenshot({ path: path.join(out, 'dashboard.png') });
    await ministry.locator('#health').screenshot({ path: path.join(out, 'dashboard-data-health.png') });
    const phone = await open('/dashboard', `token=${await token({ role: 'province-analyst', province: '46' })}`, { width: 390, height: 844 });
    await phone.screenshot({ path: path.join(out, 'dashboard-province-phone.png') });
    const me = await open('/me', `token=${await token({ role: 'citizen', subject: PROFILED })}&purpose=${encodeURIComponent('Xem dữ liệu của tôi')}`, { width: 1440, height: 900 });
    await me.screenshot({ path: path.join(out, 'me.png'), fullPage: true });
  } finally {
    await browser.close();
  }
  console.log(`Screenshots written to ${path.relative(process.cwd(), out)}`);
}

main().catch((error: unknown) => {
  console.error(`Screenshots failed: ${(error as Error).message} (is npm start running?)`);
  process.exit(1);
});
