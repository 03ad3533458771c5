/**
 * Runs `close` once on SIGINT, SIGTERM or SIGHUP (terminal closed), or when the `npm start`
 * launcher that started this process (over an IPC channel) is gone, then exits: 0 when it
 * finished, 1 when it failed. So no process outlives its launcher, even one killed outright.
 */
export function onShutdown(close: () => Promise<void>): void {
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
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  process.on('SIGHUP', stop);
  if (process.send) process.on('disconnect', stop);
}
