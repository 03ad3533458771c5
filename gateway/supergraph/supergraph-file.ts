import { readFile } from 'node:fs/promises';
import { unwatchFile, watchFile } from 'node:fs';
import type { Logger } from '../../lib/logging';
import { StartupError } from '../startup-error';
import type { ReloadOutcome } from './live-supergraph';

/** Reads the supergraph file; a missing one says how to make it. */
export async function readSupergraph(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw new StartupError(`No supergraph at ${file}: run \`npm run compose\` to generate it (or set SUPERGRAPH_PATH).`);
  }
}

export interface SupergraphFollowing {
  /** The supergraph file (SUPERGRAPH_PATH). */
  file: string;
  /** How often the file is looked at for a change (SUPERGRAPH_WATCH_MS); 0: only on SIGHUP. */
  watchMs: number;
  /** Serves what the file holds now, if it can be served. */
  reload(source: () => Promise<string>): Promise<ReloadOutcome>;
  logger: Logger;
}

/**
 * Reloads the supergraph on SIGHUP and when its file changes. The file is polled (stat) rather
 * than watched with inotify: a Kubernetes ConfigMap is replaced by swapping a symlink, which a
 * watch on the file itself does not see, and polling works on network file systems too. A
 * change that is not a new supergraph (a touch, the same text) changes nothing. Returns a
 * function that stops following.
 */
export function followSupergraphFile({ file, watchMs, reload, logger }: SupergraphFollowing): () => void {
  const reloadNow = (why: string) => {
    logger.info({ file, why }, 'reloading the supergraph');
    void reload(() => readSupergraph(file));
  };
  const onSignal = () => reloadNow('SIGHUP');
  process.on('SIGHUP', onSignal);
  const onChange = () => reloadNow('file changed');
  if (watchMs > 0) watchFile(file, { interval: watchMs, persistent: false }, onChange);
  return () => {
    process.off('SIGHUP', onSignal);
    unwatchFile(file, onChange);
  };
}
