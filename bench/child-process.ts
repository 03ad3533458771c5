import { fork, type ChildProcess } from 'node:child_process';

/** A process the harness started: a subgraph or a gateway under test. */
export interface Child {
  readonly name: string;
  readonly process: ChildProcess;
  readonly pid: number;
  readonly exited: Promise<number | null>;
  /** SIGTERM (the processes shut down gracefully, which also writes a CPU profile), SIGKILL after 15 s. */
  stop(): Promise<void>;
}

export interface StartOptions {
  env?: NodeJS.ProcessEnv;
  /** Node's own flags, e.g. `--cpu-prof`. */
  execArgv?: string[];
}

const running = new Set<Child>();

/** Stops every child still running (the harness was interrupted). */
export const stopAllChildren = (): Promise<void> => Promise.all([...running].map((child) => child.stop())).then(() => undefined);

/** Starts a Node script with an IPC channel; its output goes to the harness's terminal. */
export function startChild(name: string, script: string, args: string[] = [], { env = process.env, execArgv = [] }: StartOptions = {}): Child {
  const child = fork(script, args, { env, execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const handle: Child = {
    name,
    process: child,
    pid: child.pid!,
    exited,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
  running.add(handle);
  void exited.then(() => running.delete(handle));
  return handle;
}

/** The first IPC message of `type` the child sends; fails if it exits or takes longer than `timeoutMs`. */
export function messageFrom<T extends { type: string }>(child: Child, type: T['type'], timeoutMs: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${child.name} sent no "${type}" within ${Math.round(timeoutMs / 1000)} s`)), timeoutMs);
    const onMessage = (message: unknown) => {
      if ((message as { type?: string }).type !== type) return;
      clearTimeout(timer);
      child.process.off('message', onMessage);
      resolve(message as T);
    };
    child.process.on('message', onMessage);
    void child.exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${child.name} exited (code ${code}) before it was ready; see its output above`));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls a URL until it answers 200; fails if the child exits first or `timeoutMs` passes. */
export async function untilOk(child: Child, url: string, timeoutMs: number): Promise<void> {
  let exitCode: number | null | undefined;
  void child.exited.then((code) => (exitCode = code));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exitCode !== undefined) throw new Error(`${child.name} exited (code ${exitCode}) before it was ready; see its output above`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${child.name} did not answer ${url} within ${Math.round(timeoutMs / 1000)} s`);
    await sleep(200);
  }
}
