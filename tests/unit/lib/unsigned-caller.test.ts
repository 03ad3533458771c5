import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(relative);
    return entry.name.endsWith('.ts') ? [relative] : [];
  });
}

describe("startSubgraph's unsignedCaller option", () => {
  it('is set by no process entry point, gateway, subgraph or lib file: only the benchmark harness uses it', () => {
    const mentions = ['bin', 'gateway', 'subgraphs', 'lib', 'schema'].flatMap(sourceFiles).filter((file) => readFileSync(path.join(ROOT, file), 'utf8').includes('unsignedCaller'));
    expect(mentions).toEqual([path.join('lib', 'subgraph', 'start-subgraph.ts')]);
  });
});
