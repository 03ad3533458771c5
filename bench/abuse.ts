import { issueDevToken, ROLES } from '../lib/auth';
import { ABUSE_CLASSES, CONTROL_CLASS, type AbuseClass } from './abuse-classes';
import { startDataset } from './dataset';
import { databaseUrlsOf, requestBody, stackOf, type HarnessOptions, type Verdict } from './harness';
import { machine, type Machine } from './machine';
import { OPERATIONS, pickInputs } from './operations';
import { RssSampler } from './proc-stats';
import { startLienThong, type RunningTarget } from './targets';

export interface AbuseClassResult {
  name: string;
  description: string;
  requests: number;
  /** How the gateway answered: `<status> <code>` → count. Anything but a 4xx refusal counts against it. */
  answers: Record<string, number>;
  /** Milliseconds from sending to the refusal's last byte. */
  refusalMs: { p50: number; max: number };
  /** The other caller's citizen-profile p50 while this class was sent, and against their idle p50. */
  victimP50: number;
  victimRatio: number;
  peakRssMiB: number;
}

export interface AbuseResult {
  startedAt: string;
  finishedAt: string;
  machine: Machine;
  scale: number;
  victimIdleP50: number;
  /** The same four callers sending a cheap legitimate request: the second caller's wait that is not the abuse's doing. */
  control: AbuseClassResult;
  classes: AbuseClassResult[];
  verdicts: Verdict[];
}

/** How many attackers send at once: enough to keep the gateway busy, as testers did. */
const ATTACKERS = 4;
const VICTIM_IDLE_SECONDS = 5;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const round = (ms: number) => Math.round(ms * 100) / 100;

async function timedPost(url: string, headers: Record<string, string>, body: string): Promise<{ ms: number; status: number; text: string }> {
  const started = performance.now();
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const text = await response.text();
  return { ms: performance.now() - started, status: response.status, text };
}

/** The second caller: citizen profiles one after another, until told to stop; their latencies. */
function victim(target: RunningTarget, bodies: readonly string[]): { stop(): Promise<number[]> } {
  const latencies: number[] = [];
  let running = true;
  const loop = (async () => {
    for (let i = 0; running; i += 1) {
      const answer = await timedPost(target.url, target.headers, bodies[i % bodies.length]!);
      if (answer.status !== 200) throw new Error(`the second caller was refused: HTTP ${answer.status} ${answer.text.slice(0, 200)}`);
      latencies.push(answer.ms);
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return latencies;
    },
  };
}

const codeOf = (text: string): string => {
  try {
    return (JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] }).errors?.[0]?.extensions?.code ?? 'no error';
  } catch {
    return 'not JSON';
  }
};

async function attack(target: RunningTarget, token: string, abuse: AbuseClass): Promise<{ answers: Record<string, number>; ms: number[] }> {
  // Built before the round, so the harness spends nothing on them while the second caller is timed.
  const bodies = Array.from({ length: abuse.requests }, (_, attempt) => abuse.body(attempt));
  const answers: Record<string, number> = {};
  const ms: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: ATTACKERS }, async () => {
      while (next < bodies.length) {
        const answer = await timedPost(target.url, { authorization: `Bearer ${token}` }, bodies[next++]!);
        const key = `${answer.status} ${codeOf(answer.text)}`;
        answers[key] = (answers[key] ?? 0) + 1;
        ms.push(answer.ms);
      }
    }),
  );
  return { answers, ms };
}

const refused = (answers: Record<string, number>) => Object.entries(answers).every(([key]) => /^4\d\d /.test(key));

/**
 * The abuse scenario (`npm run bench -- --abuse`): LiênThông on the dataset, a second caller
 * reading citizen profiles one at a time throughout, and each abusive class of issue 8 sent by a
 * province analyst of its own, four requests at a time. Per class: how it was refused and how
 * fast, the second caller's p50 against their idle p50, and the gateway's peak RSS.
 */
export async function runAbuse(options: HarnessOptions): Promise<AbuseResult> {
  const startedAt = new Date().toISOString();
  const dataset = await startDataset({ root: options.root, dataDir: options.dataDir, serverUrl: options.serverUrl, scale: options.scale, prefix: options.prefix });
  let target: RunningTarget | undefined;
  try {
    const stack = stackOf(options, dataset);
    // At the default budgets the second caller (one connection) would use up an auditor's; the attackers stay far inside theirs too.
    const gateway = await startLienThong(stack, { workers: 1, budgetMultiplier: 20 });
    target = gateway;
    const inputs = await pickInputs(databaseUrlsOf(options, dataset), options.inputs);
    const profiles = inputs.map((input) => requestBody(OPERATIONS['citizen-profile'], input));
    const idle = victim(target, profiles);
    await new Promise((resolve) => setTimeout(resolve, VICTIM_IDLE_SECONDS * 1000));
    const idleLatencies = await idle.stop();
    // The first second warms the gateway: it is not part of the idle figure.
    const victimIdleP50 = round(percentile(idleLatencies.slice(Math.floor(idleLatencies.length / VICTIM_IDLE_SECONDS)), 50));
    options.say(`second caller alone: p50 ${victimIdleP50} ms over ${idleLatencies.length} citizen profiles`);
    const measureRound = async (abuse: AbuseClass): Promise<AbuseClassResult> => {
      const token = await issueDevToken({ dataDir: stack.dataDir, role: 'province-analyst', province: '46', scopes: ROLES['province-analyst'].scopes, subject: `attacker:${abuse.name}`, ttlSeconds: 3600 });
      const rss = new RssSampler(gateway.pid).start();
      const during = victim(gateway, profiles);
      const { answers, ms } = await attack(gateway, token, abuse);
      const victimLatencies = await during.stop();
      const victimP50 = round(percentile(victimLatencies, 50));
      const result: AbuseClassResult = {
        name: abuse.name,
        description: abuse.description,
        requests: abuse.requests,
        answers,
        refusalMs: { p50: round(percentile(ms, 50)), max: round(Math.max(...ms)) },
        victimP50,
        victimRatio: round(victimP50 / victimIdleP50),
        peakRssMiB: Math.round(rss.stop() / 2 ** 20),
      };
      options.say(`${abuse.name.padEnd(26)} ${JSON.stringify(answers)}  answered in p50 ${result.refusalMs.p50} ms, max ${result.refusalMs.max} ms  second caller p50 ${victimP50} ms (${result.victimRatio}× idle)  gateway RSS ${result.peakRssMiB} MiB`);
      return result;
    };
    const control = await measureRound(CONTROL_CLASS);
    const classes: AbuseClassResult[] = [];
    for (const abuse of ABUSE_CLASSES) classes.push(await measureRound(abuse));
    return { startedAt, finishedAt: new Date().toISOString(), machine: machine(), scale: options.scale, victimIdleP50, control, classes, verdicts: verdictsOf(classes, control) };
  } finally {
    await target?.stop();
    await dataset.stop();
  }
}

function verdictsOf(classes: readonly AbuseClassResult[], control: AbuseClassResult): Verdict[] {
  const worst = (pick: (c: AbuseClassResult) => number) => classes.reduce((a, b) => (pick(b) > pick(a) ? b : a));
  const slowest = worst((c) => c.refusalMs.max);
  const hardest = worst((c) => c.victimRatio);
  const largest = worst((c) => c.peakRssMiB);
  const answered = classes.filter((c) => !refused(c.answers));
  return [
    { target: 'every abusive request refused (4xx)', met: answered.length === 0, detail: answered.length === 0 ? 'all' : `answered or failed: ${answered.map((c) => c.name).join(', ')}` },
    { target: 'every abusive request refused within 100 ms', met: slowest.refusalMs.max <= 100, detail: `slowest ${slowest.refusalMs.max} ms (${slowest.name})` },
    {
      target: "the other caller's p50 within 1.5× idle",
      met: hardest.victimRatio <= 1.5,
      detail: `worst ${hardest.victimRatio}× (${hardest.name}); ${control.victimRatio}× while the same four callers sent \`{ __typename }\` instead`,
    },
    { target: 'gateway RSS under 512 MB', met: largest.peakRssMiB < 512, detail: `peak ${largest.peakRssMiB} MiB (${largest.name})` },
  ];
}

/** The scenario's results as Markdown. */
export function abuseMarkdown(result: AbuseResult): string {
  const rows = result.classes.map(
    (c) =>
      `| ${c.name} | ${c.description} | ${c.requests} | ${Object.entries(c.answers).map(([answer, count]) => `${answer} ×${count}`).join(', ')} | ${c.refusalMs.p50} · ${c.refusalMs.max} | ${c.victimP50} (${c.victimRatio}×) | ${c.peakRssMiB} |`,
  );
  return [
    `# Abuse scenario, ${result.startedAt.slice(0, 16)} (${result.scale.toLocaleString('en')} citizens)`,
    '',
    `${result.machine.cpuModel}, ${result.machine.cores} cores; LiênThông at its defaults (limits, enforced cost, budgets ×20 so the second caller is never refused). A second caller reads citizen profiles one at a time throughout: alone, p50 ${result.victimIdleP50} ms. Each class is sent by its own province analyst, ${ATTACKERS} requests at a time.`,
    '',
    '| class | what | requests | answers (HTTP code) | refused in ms (p50 · max) | second caller p50 ms (× idle) | gateway peak RSS MiB |',
    '|---|---|--:|---|--:|--:|--:|',
    ...rows,
    '',
    `Control (not abuse): the same four callers sending \`{ __typename }\`, the cheapest request the gateway answers, ${result.control.requests} times: ${Object.entries(result.control.answers).map(([answer, count]) => `${answer} ×${count}`).join(', ')} in p50 ${result.control.refusalMs.p50} ms; the second caller's p50 ${result.control.victimP50} ms (${result.control.victimRatio}× idle).`,
    '',
    '| target | met | detail |',
    '|---|---|---|',
    ...result.verdicts.map((v) => `| ${v.target} | ${v.met ? 'yes' : 'NO'} | ${v.detail} |`),
    '',
  ].join('\n');
}
