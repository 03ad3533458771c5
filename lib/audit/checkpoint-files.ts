import { mkdir, open, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { checkpointLine, parseCheckpointLine, type Checkpoint } from './checkpoint';

/** Checkpoint files end so; anything else in the directory is left alone. */
export const CHECKPOINT_FILE_SUFFIX = '.checkpoints.jsonl';

/** Where checkpoints go: AUDIT_CHECKPOINT_DIR, else `audit-checkpoints` in the data folder. */
export const checkpointDirectory = (configured: string | undefined, dataDir: string): string => configured ?? path.join(dataDir, 'audit-checkpoints');

/** A checkpoint and where it was read. */
export interface FiledCheckpoint extends Checkpoint {
  file: string;
  line: number;
}

export interface CheckpointDirectory {
  checkpoints: FiledCheckpoint[];
  /** Lines that are not checkpoints: someone wrote into the files. */
  unreadable: { file: string; line: number }[];
}

/**
 * Adds one checkpoint at the end of a file (created with its directory when missing) and waits
 * until it is on disk. Opened for appending only: earlier lines are never rewritten.
 */
export async function appendCheckpoint(file: string, checkpoint: Checkpoint): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const handle = await open(file, 'a', 0o644);
  try {
    await handle.appendFile(checkpointLine(checkpoint));
    await handle.datasync();
  } finally {
    await handle.close();
  }
}

/**
 * Every checkpoint in a directory's checkpoint files; none when the directory does not exist. A
 * last line without its newline is a write cut short by a crash, not a checkpoint, and is skipped.
 */
export async function readCheckpoints(dir: string): Promise<CheckpointDirectory> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith(CHECKPOINT_FILE_SUFFIX)).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { checkpoints: [], unreadable: [] };
    throw error;
  }
  const found: CheckpointDirectory = { checkpoints: [], unreadable: [] };
  for (const name of names) {
    const file = path.join(dir, name);
    const lines = (await readFile(file, 'utf8')).split('\n');
    // The text after the last newline: empty when the file ends properly.
    lines.pop();
    lines.forEach((text, i) => {
      const checkpoint = parseCheckpointLine(text);
      if (checkpoint) found.checkpoints.push({ ...checkpoint, file, line: i + 1 });
      else found.unreadable.push({ file, line: i + 1 });
    });
  }
  return found;
}
