/** The value of one sample of a gateway's or subgraph's `/metrics`, 0 when it has none yet. */
export async function metricValue(origin: string, name: string, labels: Record<string, string> = {}): Promise<number> {
  const text = await (await fetch(`${origin}/metrics`)).text();
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const present = (match[2] ?? '').split(',');
    if (wanted.every((label) => present.includes(label))) return Number(match[3]);
  }
  return 0;
}

/** Waits (polling, never asserting on time) until a metric has the value wanted. */
export async function untilMetric(origin: string, name: string, labels: Record<string, string>, value: number): Promise<void> {
  while ((await metricValue(origin, name, labels)) !== value) await new Promise((resolve) => setTimeout(resolve, 50));
}
