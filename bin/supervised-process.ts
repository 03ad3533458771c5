import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface ProcessSpec {
  name: string;
  /** Entry point under dist/, e.g. `bin/run-subgraph.js`. */
  script: string;
  args?: string[];
  env: NodeJS.ProcessEnv;
  /** Ready once this URL answers 200; without one, once the process sends a message (bin/run-postgres.ts does). */
  readyUrl?: string;
  /** Longest wait for the process to exit on SIGTERM before it is killed. */
  stopTimeoutMs: number;
}

export interface RestartPolicy {
  /** Wait before the first restart; doubled at each one after, up to `maxBackoffMs`. */
  initialBackoffMs: number;
  maxBackoffMs: number;
  /** A process that stayed up this long starts again from the first wait. */
  resetAfterMs: number;
}

export const RESTARTS: RestartPolicy = { initialBackoffMs: 100, maxBackoffMs: 10_000, resetAfterMs: 30_000 };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One process `npm start` runs and keeps running: started and waited for until ready; when it
 * dies it is started again after a backoff (0.1 s, doubling to 10 s; back to 0.1 s once it stayed
 * up 30 s), and `stop()` stops it whatever state it is in, during a restart included. Each child
 * runs in its own process group, so a Ctrl-C in the terminal reaches only the launcher, which
 * stops them in order; and each has an IPC channel to the launcher, so it stops by itself when the
 * launcher dies (lib/shutdown.ts).
 */
export class SupervisedProcess {
  private child: ChildProcess | null = null;
  private stopping = false;
  private backoffMs: number;
  private restartTimer: NodeJS.Timeout | null = null;
  restarts = 0;

  constructor(
    readonly spec: ProcessSpec,
    private readonly say: (line: string) => void,
    private readonly policy: RestartPolicy = RESTARTS,
  ) {
    this.backoffMs = policy.initialBackoffMs;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Starts the process and waits until it is ready; rejects if it dies first (the launcher then gives up: a first start that fails is the operator's to fix). */
  async start(): Promise<void> {
    const child = this.spawn();
    await this.untilReady(child);
    this.watch(child);
  }

  /** Stops it (SIGTERM, then SIGKILL after the stop timeout) and keeps it stopped. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), this.spec.stopTimeoutMs);
    await exited;
    clearTimeout(timer);
  }

  private spawn(): ChildProcess {
    const { script, args = [], env } = this.spec;
    const child = spawn(process.execPath, [path.join(__dirname, '..', script), ...args], { env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'], detached: true });
    this.child = child;
    return child;
  }

  private async untilReady(child: ChildProcess): Promise<void> {
    let died = false;
    child.once('exit', () => (died = true));
    if (!this.spec.readyUrl) {
      await new Promise<void>((resolve, reject) => {
        child.once('message', () => resolve());
        child.once('exit', () => reject(new Error(`${this.spec.name} stopped before it was ready (see its message above)`)));
      });
      return;
    }
    for (let attempt = 0; ; attempt += 1) {
      if (died) throw new Error(`${this.spec.name} stopped before it was ready (see its message above)`);
      try {
        if ((await fetch(this.spec.readyUrl)).ok) return;
      } catch {
        // not listening yet
      }
      if (attempt > 0 && attempt % 40 === 0) this.say(`${this.spec.name} is still preparing…`);
      await sleep(250);
    }
  }

  /** Once ready: a death that nobody asked for is followed by a restart. */
  private watch(child: ChildProcess): void {
    const startedAt = Date.now();
    child.once('exit', (code, signal) => {
      if (this.stopping) return;
      if (Date.now() - startedAt >= this.policy.resetAfterMs) this.backoffMs = this.policy.initialBackoffMs;
      this.restartLater(`exited unexpectedly (${signal ?? `code ${code}`})`);
    });
  }

  private restartLater(what: string): void {
    const wait = this.backoffMs;
    this.backoffMs = Math.min(this.backoffMs * 2, this.policy.maxBackoffMs);
    this.say(`${this.spec.name} ${what}; restarting in ${(wait / 1000).toFixed(1)} s`);
    this.restartTimer = setTimeout(() => void this.restart(), wait);
  }

  private async restart(): Promise<void> {
    if (this.stopping) return;
    this.restarts += 1;
    const child = this.spawn();
    try {
      await this.untilReady(child);
    } catch {
      if (!this.stopping) this.restartLater('stopped again before it was ready');
      return;
    }
    this.say(`${this.spec.name} restarted (pid ${child.pid})`);
    this.watch(child);
  }
}
