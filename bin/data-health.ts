import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { issueDevToken } from '../lib/auth';
import { ConfigError, loadConfig, settings } from '../lib/config';
import { collectDataHealth, markdownReport } from './data-health-report';

/**
 * `npm run data-health [-- --out <folder>]`: every province's data health from the running
 * gateway (GATEWAY_URL), as the data steward's service identity: DATA_HEALTH_TOKEN, or in
 * development a token of the data-steward role from the development issuer. Prints the Markdown
 * report and writes it with the JSON beside it. Exit 0 when every province was checked, 2 when
 * some could not be (named in the report); problems in the data are findings, not failures.
 */
const USAGE = 'usage: npm run data-health [-- --out <folder>]   (default folder: <LT_DATA_DIR>/reports)';

async function tokenFor(config: { mode: string; dataDir: string; dataHealthToken?: string }): Promise<string> {
  if (config.dataHealthToken) return config.dataHealthToken;
  if (config.mode !== 'development') throw new ConfigError(['DATA_HEALTH_TOKEN: outside development the checker presents a data-steward token from the identity provider']);
  return issueDevToken({ dataDir: config.dataDir, role: 'data-steward', purpose: 'Kiểm tra chất lượng dữ liệu', ttlSeconds: 600 });
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { out: { type: 'string' }, help: { type: 'boolean', default: false } } });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const config = loadConfig({ mode: settings.mode, dataDir: settings.dataDir, gatewayUrl: settings.gatewayUrl, dataHealthToken: settings.dataHealthToken });
  const report = await collectDataHealth({ gatewayUrl: config.gatewayUrl, token: await tokenFor(config) });
  const folder = path.resolve(values.out ?? path.join(config.dataDir, 'reports'));
  mkdirSync(folder, { recursive: true });
  const base = path.join(folder, `data-health-${report.generatedAt.replace(/[:.]/g, '-')}`);
  const markdown = markdownReport(report);
  writeFileSync(`${base}.md`, markdown);
  writeFileSync(`${base}.json`, `${JSON.stringify(report, null, 2)}\n`);
  console.log(markdown);
  console.error(`Written: ${path.relative(process.cwd(), base)}.md and .json`);
  return report.provinces.some((p) => p.errors.length > 0) ? 2 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : `The data-health check failed: ${(error as Error).message}`);
    process.exit(1);
  },
);
