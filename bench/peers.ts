import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

/** Hive Gateway lives in its own folder with its own package.json; the project's dependencies never include it. */
export const hiveDir = (root: string): string => path.join(root, 'bench', 'peers', 'hive');

/** Installs Hive Gateway into bench/peers/hive on first use (`npm install` there), then reuses it. */
export function ensureHive(root: string, say: (line: string) => void): string {
  const dir = hiveDir(root);
  if (existsSync(path.join(dir, 'node_modules', '@graphql-hive', 'gateway', 'package.json'))) return dir;
  say(`installing Hive Gateway into ${path.relative(root, dir)} (npm install; about a minute, once)`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  execFileSync(npm, ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, stdio: 'inherit' });
  return dir;
}
