import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** The Grafana dashboard shipped in deploy/ asks only for metrics LiênThông's processes serve. */

const ROOT = path.resolve(__dirname, '../../..');
const dashboard = JSON.parse(readFileSync(path.join(ROOT, 'deploy/grafana/lienthong-dashboard.json'), 'utf8')) as { panels: { type: string; targets?: { expr: string }[] }[] };

const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((entry) => {
    const file = path.join(dir, entry);
    return statSync(file).isDirectory() ? sources(file) : file.endsWith('.ts') ? [file] : [];
  });

/** Every metric name the code registers (`name: 'lienthong_…'`). */
const defined = new Set(
  ['lib', 'gateway'].flatMap((dir) => sources(path.join(ROOT, dir))).flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/name: '(lienthong_[a-z_]+)'/g)].map((m) => m[1]!)),
);

/** prom-client's own process metrics, collected by every process. */
const PROCESS_METRICS = ['process_cpu_seconds_total', 'process_resident_memory_bytes', 'nodejs_eventloop_lag_p99_seconds'];

const asked = dashboard.panels.flatMap((panel) => panel.targets ?? []).flatMap(({ expr }) => [...expr.matchAll(/\b((?:lienthong|process|nodejs)_[a-z0-9_]+)\b/g)].map((m) => m[1]!.replace(/_(bucket|count|sum)$/, '')));

describe('The Grafana dashboard', () => {
  test('has panels, each with a query', () => {
    const charts = dashboard.panels.filter((panel) => panel.type !== 'row');
    expect(charts.length).toBeGreaterThan(15);
    for (const chart of charts) expect(chart.targets?.length).toBeGreaterThan(0);
  });

  test.each([...new Set(asked)].map((name) => [name]))('asks for %s, which a process serves', (name) => {
    expect(defined.has(name) || PROCESS_METRICS.includes(name)).toBe(true);
  });
});
