import type { Redis } from 'ioredis';
import { BoundedCache, stringBytes } from '../memory/bounded-cache';

/** A cached answer: the response's JSON, when it was made, and the generation of the data it counted. */
export interface StoredAnswer {
  json: string;
  at: number;
  generation: number;
}

/**
 * Where aggregate answers are kept: each replica's memory, or Redis shared by every replica.
 * A generation number counts the changes made through the gateway; an answer made before the
 * latest change is no answer.
 */
export interface AggregateStore {
  /** The answer kept under `key`, if it was made since the last change. */
  fresh(key: string): Promise<StoredAnswer | null>;
  /** Keeps an answer for `ttlMs`, stamped with the generation read before it was made. */
  keep(key: string, answer: StoredAnswer, ttlMs: number): Promise<void>;
  /** The generation now, read before an answer is made so a change during it is not missed. */
  generation(): Promise<number>;
  /** A change was made: every answer kept so far stops being fresh. */
  changed(): Promise<void>;
}

export class MemoryAggregateStore implements AggregateStore {
  private current = 0;
  private readonly answers: BoundedCache<StoredAnswer & { until: number }>;

  constructor(maxBytes: number) {
    this.answers = new BoundedCache({ name: 'aggregate_answers', maxBytes, maxEntryBytes: maxBytes / 4, bytesOf: ({ json }, key) => stringBytes(json) + stringBytes(key) });
  }

  async fresh(key: string): Promise<StoredAnswer | null> {
    const answer = this.answers.get(key);
    return answer && answer.generation === this.current && answer.until > Date.now() ? answer : null;
  }

  async keep(key: string, answer: StoredAnswer, ttlMs: number): Promise<void> {
    this.answers.set(key, { ...answer, until: answer.at + ttlMs });
  }

  async generation(): Promise<number> {
    return this.current;
  }

  async changed(): Promise<void> {
    this.current += 1;
  }
}

const GENERATION = 'aggregates:generation';
const entryKey = (key: string) => `aggregates:answer:${key}`;

/** The same in Redis (the client's REDIS_KEY_PREFIX in front of every key): one round trip per look-up. */
export class RedisAggregateStore implements AggregateStore {
  constructor(private readonly redis: Redis) {}

  async fresh(key: string): Promise<StoredAnswer | null> {
    const [generation, stored] = await this.redis.mget(GENERATION, entryKey(key));
    if (!stored) return null;
    const answer = JSON.parse(stored) as StoredAnswer;
    return answer.generation === Number(generation ?? 0) ? answer : null;
  }

  async keep(key: string, answer: StoredAnswer, ttlMs: number): Promise<void> {
    await this.redis.set(entryKey(key), JSON.stringify(answer), 'PX', ttlMs);
  }

  async generation(): Promise<number> {
    return Number((await this.redis.get(GENERATION)) ?? 0);
  }

  async changed(): Promise<void> {
    await this.redis.incr(GENERATION);
  }
}
