import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { CheckpointPublisher } from '../../../gateway/audit/checkpoint-publisher';
import { checkpointHolds, readCheckpoints } from '../../../lib/audit';
import { createLogger } from '../../../lib/logging';
import { AUDIT_KEYS } from './audit-fixtures';

const INTERVAL = 10_000;
const head = (seq: number) => ({ seq, hash: String(seq % 10).repeat(64) });

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'lienthong-checkpoints-'));
  jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
});
afterEach(() => {
  jest.useRealTimers();
  rmSync(dir, { recursive: true, force: true });
});

const publisher = (logger = createLogger('gateway')) => new CheckpointPublisher({ dir, intervalMs: INTERVAL, signingKey: AUDIT_KEYS.privateKey, logger });
const published = async () => (await readCheckpoints(dir)).checkpoints;

describe('Publishing checkpoints of the audit chain', () => {
  it('writes nothing until an interval has passed since the start, then the newest head, signed', async () => {
    const checkpoints = publisher();
    checkpoints.note(head(1));
    checkpoints.note(head(2));
    jest.advanceTimersByTime(INTERVAL - 1);
    expect(readdirSync(dir)).toEqual([]);
    jest.advanceTimersByTime(1);
    await checkpoints.close();
    const [only, ...more] = await published();
    expect(more).toEqual([]);
    expect(only).toEqual(expect.objectContaining({ ...head(2), line: 1, file: checkpoints.file }));
    expect(checkpointHolds(AUDIT_KEYS.publicKey, only!)).toBe(true);
  });

  it('writes at most one checkpoint per interval, however many commits, and the last head at shutdown', async () => {
    const checkpoints = publisher();
    for (let seq = 1; seq <= 3; seq += 1) checkpoints.note(head(seq));
    jest.advanceTimersByTime(INTERVAL);
    for (let seq = 4; seq <= 9; seq += 1) checkpoints.note(head(seq));
    jest.advanceTimersByTime(INTERVAL / 2);
    checkpoints.note(head(10));
    jest.advanceTimersByTime(INTERVAL / 2);
    checkpoints.note(head(11));
    await checkpoints.close();
    expect((await published()).map((c) => c.seq)).toEqual([3, 10, 11]);
  });

  it('never goes back to an older head', async () => {
    const checkpoints = publisher();
    checkpoints.note(head(5));
    checkpoints.note(head(4));
    await checkpoints.close();
    expect((await published()).map((c) => c.seq)).toEqual([5]);
  });

  it('appends to its own file and leaves the files of other gateways alone', async () => {
    const first = publisher();
    first.note(head(1));
    await first.close();
    const second = publisher();
    second.note(head(2));
    await second.close();
    expect(first.file).not.toBe(second.file);
    expect((await published()).map((c) => [path.basename(c.file), c.seq]).sort()).toEqual(
      [[path.basename(first.file), 1], [path.basename(second.file), 2]].sort(),
    );
  });

  it('logs a checkpoint it cannot write as an error, and fails nothing', async () => {
    const lines: string[] = [];
    const blocked = path.join(dir, 'not-a-directory');
    writeFileSync(blocked, '');
    const checkpoints = new CheckpointPublisher({
      dir: blocked,
      intervalMs: INTERVAL,
      signingKey: AUDIT_KEYS.privateKey,
      logger: pino({ level: 'error' }, { write: (line: string) => void lines.push(line) }),
    });
    checkpoints.note(head(7));
    await expect(checkpoints.close()).resolves.toBeUndefined();
    expect(lines.map((line) => JSON.parse(line) as Record<string, unknown>)).toEqual([expect.objectContaining({ msg: 'audit checkpoint not written', seq: 7 })]);
  });
});
