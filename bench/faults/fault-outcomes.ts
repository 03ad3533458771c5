import type { Verdict } from '../harness';
import type { Sample } from './steady-load';

export interface PhaseStats {
  requests: number;
  /** Answers without data, with an error status, or none at all: by status and code. */
  failed: number;
  failedBy: Record<string, number>;
  /** Share of answers with data and errors at paths (a subgraph's fields null). */
  partialShare: number;
  p50Ms: number;
  longestMs: number;
}

export interface FaultOutcome {
  name: string;
  description: string;
  holdSeconds: number;
  stats: PhaseStats;
  /** Seconds from the end of the fault to the end of the last answer that was not whole; null when answers were still not whole when the watch ended. */
  recoverySeconds: number | null;
  /** Seconds from the fault to npm start's word that it started the process again (for faults that kill one); null otherwise. */
  restartSeconds: number | null;
  verdicts: Verdict[];
}

/** The targets: the longest request within the operation's time limit and a second; recovery within 5 s; no failed request through a drain. */
export const LONGEST_MS = 10_000 + 1_000;
export const RECOVERY_SECONDS = 5;

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

function statsOf(samples: readonly Sample[]): PhaseStats {
  const durations = samples.map((s) => s.end - s.start).sort((a, b) => a - b);
  const failedBy: Record<string, number> = {};
  for (const sample of samples.filter((s) => s.kind === 'failed')) {
    const key = `${sample.status} ${sample.codes.join(',') || 'no answer'}`;
    failedBy[key] = (failedBy[key] ?? 0) + 1;
  }
  return {
    requests: samples.length,
    failed: samples.filter((s) => s.kind === 'failed').length,
    failedBy,
    partialShare: samples.length ? round(samples.filter((s) => s.kind === 'partial').length / samples.length, 3) : 0,
    p50Ms: round(durations[Math.floor(durations.length / 2)] ?? 0),
    longestMs: round(durations.at(-1) ?? 0),
  };
}

/** What the answers sent between `from` and `until` (ms of the load's clock) say about a fault that ended at `ended`. */
export function outcomeOf(name: string, description: string, holdMs: number, all: readonly Sample[], from: number, ended: number, until: number, restarts: readonly number[] = []): FaultOutcome {
  const samples = all.filter((s) => s.start >= from && s.start < until);
  const after = samples.filter((s) => s.start >= ended);
  const lastBad = after.filter((s) => s.kind !== 'whole').at(-1);
  const stillBad = after.length > 0 && after.at(-1)!.kind !== 'whole';
  const recoverySeconds = stillBad ? null : lastBad ? round((lastBad.end - ended) / 1000) : 0;
  const stats = statsOf(samples);
  const verdicts: Verdict[] = [
    { target: `${name}: longest request ≤ ${LONGEST_MS / 1000} s`, met: stats.longestMs <= LONGEST_MS, detail: `${round(stats.longestMs / 1000, 2)} s` },
    { target: `${name}: recovered ≤ ${RECOVERY_SECONDS} s after the fault ended`, met: recoverySeconds !== null && recoverySeconds <= RECOVERY_SECONDS, detail: recoverySeconds === null ? 'not recovered' : `${recoverySeconds} s` },
    ...(name === 'drain-gateway' ? [{ target: 'drain-gateway: no failed request', met: stats.failed === 0, detail: `${stats.failed} failed of ${stats.requests}` }] : []),
  ];
  const restarted = restarts.find((at) => at >= from && at < until);
  return { name, description, holdSeconds: holdMs / 1000, stats, recoverySeconds, restartSeconds: restarted === undefined ? null : round((restarted - from) / 1000), verdicts };
}
