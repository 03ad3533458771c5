const STOP_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Runs `close` once on SIGINT, SIGTERM or SIGHUP (terminal closed), or when the `npm start`
 * launcher that started this process (over an IPC channel) is gone, then exits: 0 when it
 * finished, 1 when it failed. So no process outlives its launcher, even one killed outright.
 * A process that gives SIGHUP another meaning (the gateway reloads its supergraph) names the
 * signals that stop it.
 */
export function onShutdown(close: () => Promise<void>, signals: readonly NodeJS.Signals[] = STOP_SIGNALS): void {
  let closing = false;
  const stop = () => {
    if (closing) return;
    closing = true;
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`Shutdown failed: ${(error as Error).message}`);
        process.exit(1);
      },
    );
  };
  for (const signal of signals) process.on(signal, stop);
  if (process.send) process.on('disconnect', stop);
}
