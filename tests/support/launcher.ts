import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

/** Compiles the tree into dist/ the way `npm start` does, so tests run the real entry points. */
export function buildDist(): void {
  execFileSync('npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: 'ignore' });
}

export interface Launch {
  process: ChildProcess;
  output(): string;
  /** Resolves when the output contains `text`; rejects if the process exits first. */
  waitFor(text: string, timeoutMs?: number): Promise<void>;
  exited: Promise<number | null>;
  /** Ctrl-C: SIGINT to the whole process group, as a terminal sends it. */
  interrupt(): void;
}

/** Runs a built entry point (`node dist/bin/start.js` unless told) in its own process group, like a terminal running `npm start`. */
export function launch(env: NodeJS.ProcessEnv, script = 'dist/bin/start.js'): Launch {
  const child = spawn(process.execPath, [script], { cwd: ROOT, env: { ...process.env, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    process: child,
    output: () => output,
    exited,
    interrupt: () => process.kill(-child.pid!, 'SIGINT'),
    waitFor: (text, timeoutMs = 90_000) =>
      new Promise<void>((resolve, reject) => {
        const started = Date.now();
        const poll = setInterval(() => {
          if (output.includes(text)) {
            clearInterval(poll);
            resolve();
          } else if (child.exitCode !== null || Date.now() - started > timeoutMs) {
            clearInterval(poll);
            reject(new Error(`"${text}" never appeared; output:\n${output}`));
          }
        }, 100);
      }),
  };
}
