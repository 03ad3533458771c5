import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The nearest folder at or above `from` that holds package.json: the repository root,
 * whether the composer runs from schema/ (ts) or dist/schema/ (built).
 */
export function findRepoRoot(from: string): string {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No package.json found at or above ${from}`);
  }
}
