import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { databaseNameFor } from '../../bench/dataset';
import { runBenchmark } from '../../bench/harness';
import { DEFAULTS } from '../../bench/options';
import { markdown } from '../../bench/report';
import { dropDatabase } from '../../lib/db';
import { SUBGRAPHS } from '../../subgraphs';
import { testServerUrl } from '../support/test-database';

const ROOT = path.resolve(__dirname, '../..');

describe('npm run bench (the harness, one very short run)', () => {
  const prefix = `bench_smoke_${randomBytes(3).toString('hex')}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'lienthong-bench-'));

  // The harness runs the built tree, as `npm run bench` does.
  beforeAll(() => execFileSync('npm', ['run', '-s', 'bench:build'], { cwd: ROOT, stdio: 'ignore' }));
  afterAll(async () => {
    await Promise.all(SUBGRAPHS.map((s) => dropDatabase(testServerUrl(), databaseNameFor(prefix, s.name))));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('measures the citizen look-up through LiênThông and the subgraph directly, with zero errors and a well-formed result', async () => {
    const result = await runBenchmark({
      ...DEFAULTS,
      scale: 1_000,
      duration: 1,
      warmup: 0.5,
      connections: 1,
      operations: ['citizen-lookup'],
      peers: ['lienthong', 'direct'],
      root: ROOT,
      serverUrl: testServerUrl(),
      prefix,
      dataDir,
      say: () => undefined,
    });

    expect(result.valid).toBe(true);
    expect(Object.keys(result.dataset.databaseBytes).sort()).toEqual(SUBGRAPHS.map((s) => s.name).sort());
    expect(result.operations.map((op) => op.name)).toEqual(['citizen-lookup']);
    const [lookup] = result.operations;
    expect(lookup!.results.map((r) => r.target)).toEqual(['lienthong', 'direct']);
    for (const r of lookup!.results) {
      expect(r.errors).toEqual({ non2xx: 0, mismatched: 0, transport: 0, total: 0, mismatchedSamples: [] });
      expect(r.requests).toBeGreaterThan(0);
      expect(r.requestsPerSecond).toBeGreaterThan(0);
      expect(r.latency.p50).toBeGreaterThan(0);
      expect(r.latency.p99).toBeGreaterThanOrEqual(r.latency.p50);
      expect(r.peakRssBytes).toBeGreaterThan(10 * 2 ** 20);
      expect(r.sameDataAsLienThong).toBe(true);
      expect(Object.keys(r.cpuMsPerRequest.bySubgraph).sort()).toEqual(SUBGRAPHS.map((s) => s.name).sort());
    }
    expect(lookup!.ratios.direct!.throughput).toBeGreaterThan(0);
    expect(result.verdicts.map((v) => v.target)).toEqual(['citizen-lookup: p50 at one connection ≤ 2.5× the subgraph directly']);
    expect(markdown(result)).toContain('## citizen-lookup');
  });
});
