import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { HeaderMap } from '@apollo/server';
import { provinceOf, ROLES, type Allowance, type Caller, type RoleBudget } from '../../lib/auth';
import { AppError } from '../../lib/errors';
import type { Logger } from '../../lib/logging';
import { counter } from '../../lib/metrics';

export interface BudgetOptions {
  /** Length of the window each allowance is counted in. */
  windowSeconds: number;
  /** Multiplies every role's allowances. */
  multiplier: number;
  /** Shared by every gateway replica when given; otherwise this process counts alone. */
  redis?: Redis | null;
  /** Prefix of the budget keys in Redis, after the client's own (REDIS_KEY_PREFIX). */
  keyPrefix?: string;
  logger: Logger;
}

type Spending = keyof Allowance;

/** A caller's or a province's allowance of one kind, and the key it is counted under. */
interface Account {
  key: string;
  points: number;
}

const refusals = counter({ name: 'lienthong_gateway_budget_refusals_total', help: 'Requests refused RATE_LIMITED, by the budget used up (requests or cost)', labelNames: ['budget'] as const });
const storeFailures = counter({ name: 'lienthong_gateway_budget_store_failures_total', help: 'Budget charges counted in memory because Redis did not answer' });

/** Subjects can be personal IDs: the keys that count them in Redis name them by a hash. */
const pseudonym = (subject: string): string => createHash('sha256').update(subject).digest('base64url').slice(0, 22);

/**
 * Request and cost budgets per caller and per province, set per role (lib/auth/roles.ts) and
 * counted in fixed windows. With Redis every gateway replica draws on the same budgets. When
 * Redis does not answer, each replica falls back to counting in its own memory (so a caller
 * gets at most their budget on each replica) and logs a warning: budgets keep the graph
 * usable for everyone, and refusing every caller while Redis is down would defeat that.
 */
export class CallerBudgets {
  private readonly limiters = new Map<string, RateLimiterAbstract>();
  /** Times Redis failed and the in-memory fallback counted instead. */
  storeFailures = 0;

  constructor(private readonly options: BudgetOptions) {}

  /** Takes one request from the caller's budgets, or refuses with RATE_LIMITED (429, Retry-After). */
  chargeRequest(caller: Caller): Promise<void> {
    return this.charge(caller, 'requests', 1);
  }

  /** Takes an operation's estimated cost from the caller's budgets, or refuses with RATE_LIMITED. */
  chargeCost(caller: Caller, cost: number): Promise<void> {
    return this.charge(caller, 'cost', cost);
  }

  private async charge(caller: Caller, spending: Spending, amount: number): Promise<void> {
    const taken: { limiter: RateLimiterAbstract; key: string }[] = [];
    for (const account of this.accounts(caller, spending)) {
      const limiter = this.limiter(account, spending);
      try {
        await limiter.consume(account.key, amount);
        taken.push({ limiter, key: account.key });
      } catch (refusal) {
        // What the other account already gave is handed back: a refused request spends nothing.
        await Promise.all(taken.map(({ limiter: other, key }) => other.reward(key, amount).catch(() => undefined)));
        throw this.refused(refusal, spending, amount, account.points);
      }
    }
  }

  private accounts(caller: Caller, spending: Spending): Account[] {
    const budget: RoleBudget = ROLES[caller.role].budget;
    const { multiplier } = this.options;
    const accounts = [{ key: `${caller.role}:caller:${pseudonym(caller.subject)}`, points: Math.floor(budget.caller[spending] * multiplier) }];
    const province = provinceOf(caller);
    if (province && budget.province) accounts.push({ key: `${caller.role}:province:${province}`, points: Math.floor(budget.province[spending] * multiplier) });
    return accounts;
  }

  private limiter(account: Account, spending: Spending): RateLimiterAbstract {
    const name = `${spending}:${account.points}`;
    let limiter = this.limiters.get(name);
    if (limiter) return limiter;
    const shape = { points: account.points, duration: this.options.windowSeconds, keyPrefix: `${this.options.keyPrefix ?? ''}budget:${spending}` };
    const memory = new RateLimiterMemory(shape);
    const { redis } = this.options;
    limiter = redis ? new RateLimiterRedis({ ...shape, storeClient: redis, rejectIfRedisNotReady: true, insuranceLimiter: this.observed(memory) }) : memory;
    this.limiters.set(name, limiter);
    return limiter;
  }

  /** The in-memory fallback, which notes and logs that Redis failed whenever it is used. */
  private observed(memory: RateLimiterMemory): RateLimiterMemory {
    const consume = memory.consume.bind(memory);
    memory.consume = (key, points, options) => {
      this.storeFailures += 1;
      storeFailures.inc();
      if (this.storeFailures === 1 || this.storeFailures % 1_000 === 0) {
        this.options.logger.warn({ failures: this.storeFailures }, 'budget store (Redis) unavailable: this gateway counts budgets in its own memory until it answers');
      }
      return consume(key, points, options);
    };
    return memory;
  }

  private refused(refusal: unknown, spending: Spending, amount: number, points: number): Error {
    if (!(refusal instanceof RateLimiterRes)) return refusal instanceof Error ? refusal : new Error(String(refusal));
    refusals.inc({ budget: spending });
    const retryAfter = Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
    const what = spending === 'requests' ? `${points} requests` : `${points} cost points (this operation costs ${amount})`;
    return new AppError('RATE_LIMITED', `Budget used up: at most ${what} per ${this.options.windowSeconds} s. Retry in ${retryAfter} s.`, {
      budget: spending,
      limit: points,
      retryAfter,
      http: { status: 429, headers: new HeaderMap([['retry-after', String(retryAfter)]]) },
    });
  }
}
