import { DEFAULT_OPERATIONS, OPERATION_NAMES, type OperationName } from './operations';
import { TARGET_NAMES, type TargetName } from './targets';

/** What one benchmark run does; every field has a command-line option. */
export interface BenchSettings {
  /** Synthetic citizens in the dataset (every other table is sized from it). */
  scale: number;
  /** Seconds each target is measured for, per operation. */
  duration: number;
  /** Seconds of load before each measurement (JIT, plan caches, connection pools), not counted. */
  warmup: number;
  /** Concurrent connections autocannon keeps open. */
  connections: number;
  /**
   * How many different inputs (citizens, provinces) each operation cycles through. One input makes
   * every request identical, which a gateway that merges identical in-flight subgraph requests
   * (Hive Gateway does by default) answers mostly without asking the subgraphs.
   */
  inputs: number;
  operations: OperationName[];
  /** Targets to drive; `direct` applies to single-subgraph operations only. */
  peers: TargetName[];
  /** Gateway worker processes for LiênThông (1 until the gateway has a multi-worker mode). */
  workers: number;
  /** Also record a CPU profile of the LiênThông gateway (node --cpu-prof) and summarise it. */
  profile: boolean;
  /** Seed and report sizes, then stop without measuring. */
  seedOnly: boolean;
  /** Run the abuse scenario (bench/abuse.ts) instead of the operations. */
  abuse: boolean;
  /** Run the fault scenario (bench/faults/) instead of the operations; `connections` callers send the steady load. */
  faults: boolean;
}

export const DEFAULTS: BenchSettings = {
  scale: 100_000,
  duration: 20,
  warmup: 5,
  connections: 50,
  inputs: 100,
  operations: [...DEFAULT_OPERATIONS],
  peers: [...TARGET_NAMES],
  workers: 1,
  profile: false,
  seedOnly: false,
  abuse: false,
  faults: false,
};

/** Callers of the fault scenario's steady load unless --connections says otherwise. */
const FAULT_CALLERS = 8;

export const USAGE = `npm run bench -- [options]

  --scale N          citizens in the dataset (default ${DEFAULTS.scale}); seeded once into bench/.data, reused after
  --duration S       seconds measured per target and operation (default ${DEFAULTS.duration})
  --warmup S         seconds of load before each measurement, not counted (default ${DEFAULTS.warmup})
  --connections N    concurrent connections (default ${DEFAULTS.connections})
  --inputs N         different citizens/provinces each operation cycles through (default ${DEFAULTS.inputs}; 1 = identical requests)
  --operations a,b   any of ${OPERATION_NAMES.join(', ')} (default ${DEFAULT_OPERATIONS.join(', ')})
  --peers a,b        any of ${TARGET_NAMES.join(', ')} (default all; lienthong is always measured)
  --workers N        LiênThông gateway workers (default 1; the gateway has no multi-worker mode yet)
  --profile          also profile the LiênThông gateway (node --cpu-prof) and summarise where its time goes
  --seed-only        seed the dataset, report seeding time and database sizes, and stop
  --abuse            the abuse scenario instead: each abusive class of request sent while a second caller reads citizen profiles
  --faults           the fault scenario instead: under steady load (--connections callers, default ${FAULT_CALLERS}), a subgraph killed,
                     PostgreSQL frozen, the audit log locked, PostgreSQL crashed, a gateway drained; the stack runs under npm start
`;

export class UsageError extends Error {}

function positive(flag: string, text: string | undefined, integer: boolean): number {
  const value = Number(text);
  if (text === undefined || !Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    throw new UsageError(`${flag} needs a positive ${integer ? 'whole ' : ''}number, got ${text ?? 'nothing'}`);
  }
  return value;
}

function listOf<T extends string>(flag: string, text: string | undefined, allowed: readonly T[]): T[] {
  const items = (text ?? '').split(',').map((item) => item.trim()).filter(Boolean);
  const unknown = items.filter((item) => !(allowed as readonly string[]).includes(item));
  if (items.length === 0 || unknown.length > 0) throw new UsageError(`${flag}: expected some of ${allowed.join(', ')}${unknown.length ? `, not ${unknown.join(', ')}` : ''}`);
  return allowed.filter((item) => items.includes(item));
}

/** `--flag value` and `--flag=value` both work. */
export function parseArgs(argv: readonly string[]): BenchSettings {
  const settings: BenchSettings = { ...DEFAULTS };
  const args = argv.flatMap((arg) => (arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg]));
  for (let i = 0; i < args.length; i += 1) {
    const flag = args[i]!;
    const value = () => args[++i];
    switch (flag) {
      case '--scale': settings.scale = positive(flag, value(), true); break;
      case '--duration': settings.duration = positive(flag, value(), false); break;
      case '--warmup': settings.warmup = positive(flag, value(), false); break;
      case '--connections': settings.connections = positive(flag, value(), true); break;
      case '--inputs': settings.inputs = positive(flag, value(), true); break;
      case '--operations': settings.operations = listOf(flag, value(), OPERATION_NAMES); break;
      case '--peers': settings.peers = listOf(flag, value(), TARGET_NAMES); break;
      case '--workers': settings.workers = positive(flag, value(), true); break;
      case '--profile': settings.profile = true; break;
      case '--seed-only': settings.seedOnly = true; break;
      case '--abuse': settings.abuse = true; break;
      case '--faults': settings.faults = true; break;
      default: throw new UsageError(`Unknown option ${flag}`);
    }
  }
  if (!settings.peers.includes('lienthong')) settings.peers = ['lienthong', ...settings.peers];
  if (settings.faults && !args.includes('--connections')) settings.connections = FAULT_CALLERS;
  return settings;
}
