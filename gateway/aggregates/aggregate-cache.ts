import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Caller } from '../../lib/auth';
import type { Logger } from '../../lib/logging';
import { counter } from '../../lib/metrics';
import type { GatewayExecutionResult } from '../supergraph/gateway-types';
import { MEGABYTE } from '../memory/bounded-cache';
import { MemoryAggregateStore, RedisAggregateStore, type AggregateStore } from './aggregate-store';

const lookups = counter({ name: 'lienthong_gateway_aggregate_cache_total', help: 'Operations reading aggregates and no personal data answered from the aggregate cache (hit), made afresh (miss), or made afresh because the cache failed (error)', labelNames: ['outcome'] as const });
const hits = lookups.labels('hit');
const misses = lookups.labels('miss');
const failures = lookups.labels('error');

/** What an answer depends on besides the data: the operation as filtered for the caller, its variables, and whose rows the caller sees. */
export interface AggregateQuestion {
  /** Which supergraph answered (a reload starts afresh). */
  supergraph: string;
  /** Hash of the document as the access decision filtered it. */
  queryHash: string;
  operationName: string | null;
  variables: Readonly<Record<string, unknown>>;
  caller: Caller;
}

export interface AggregateAnswer {
  result: GatewayExecutionResult;
  /** How old the answer is: 0 when it was made for this request. */
  ageMs: number;
}

const jurisdictionOf = ({ jurisdiction }: Caller): string =>
  jurisdiction.kind === 'province' ? `province:${jurisdiction.provinceCode}` : jurisdiction.kind === 'self' ? `self:${jurisdiction.personalId}` : 'national';

/** The key of a question: everything the answer depends on, hashed (a citizen's key would otherwise name them). */
const keyOf = (question: AggregateQuestion): string =>
  createHash('sha256')
    .update(JSON.stringify([question.supergraph, question.queryHash, question.operationName ?? '', question.variables, jurisdictionOf(question.caller), [...question.caller.scopes].sort()]))
    .digest('base64url');

/**
 * Answers to operations that read aggregates and no personal data (a province's indicators,
 * series, data health), kept for at most `ttlMs` and forgotten at once when a change is made
 * through any gateway. An answer is shared only by callers who would get the same one: the same
 * operation filtered alike for their scopes, the same variables, the same jurisdiction. Only
 * whole answers are kept, never one with errors; the access decision and the caller's budgets
 * have run before the cache is asked, so a cached answer passes the same rules. While an answer is
 * being made, callers asking the same wait for it rather than ask the subgraphs again. A store
 * that fails costs only the cache: the operation runs as if nothing were kept.
 */
/** An answer being made: its JSON when it is whole (and so kept), for each caller to parse a copy of. */
interface Making {
  result: GatewayExecutionResult;
  json: string | null;
}

export class AggregateCache {
  private readonly making = new Map<string, Promise<Making>>();

  constructor(
    private readonly store: AggregateStore,
    private readonly ttlMs: number,
    private readonly logger: Logger,
  ) {}

  async answer(question: AggregateQuestion, run: () => Promise<GatewayExecutionResult>): Promise<AggregateAnswer> {
    const key = keyOf(question);
    const kept = await this.attempt(() => this.store.fresh(key), null);
    if (kept) {
      hits.inc();
      return { result: JSON.parse(kept.json) as GatewayExecutionResult, ageMs: Date.now() - kept.at };
    }
    let made = this.making.get(key);
    if (!made) {
      made = this.make(key, run);
      this.making.set(key, made);
      const done = () => this.making.delete(key);
      made.then(done, done);
    }
    // Each caller shapes a copy of its own (the response is changed in place afterwards); one with errors is not kept, and is shared as it is.
    const { result, json } = await made;
    return { result: json === null ? result : (JSON.parse(json) as GatewayExecutionResult), ageMs: 0 };
  }

  /** A change was made through this gateway: no answer kept before it is served again. */
  async changed(): Promise<void> {
    await this.attempt(() => this.store.changed(), undefined);
  }

  private async make(key: string, run: () => Promise<GatewayExecutionResult>): Promise<Making> {
    misses.inc();
    const generation = await this.attempt(() => this.store.generation(), null);
    const at = Date.now();
    const result = await run();
    if (result.errors?.length) return { result, json: null };
    const json = JSON.stringify(result);
    if (generation !== null) await this.attempt(() => this.store.keep(key, { json, at, generation }, this.ttlMs), undefined);
    return { result, json };
  }

  private async attempt<T>(step: () => Promise<T>, otherwise: T): Promise<T> {
    try {
      return await step();
    } catch (error) {
      failures.inc();
      this.logger.warn({ cause: error instanceof Error ? error.message : String(error) }, 'aggregate cache unavailable: answering without it');
      return otherwise;
    }
  }
}

export interface AggregateCacheSetUp {
  /** 0: no cache. */
  ttlMs: number;
  megabytes: number;
  /** Shared by every gateway replica when given. */
  redis: Redis | null;
  logger: Logger;
}

/** The aggregate cache the settings ask for: in Redis when there is one, else in this process's memory; none with a TTL of 0. */
export const createAggregateCache = ({ ttlMs, megabytes, redis, logger }: AggregateCacheSetUp): AggregateCache | null =>
  ttlMs === 0 ? null : new AggregateCache(redis ? new RedisAggregateStore(redis) : new MemoryAggregateStore(megabytes * MEGABYTE), ttlMs, logger);
