import { createHash } from 'node:crypto';
import { print, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type { Caller } from '../../lib/auth';
import { LruCache } from './lru-cache';
import { filterOperation, type OperationAccess } from './operation-filter';
import type { FieldRules } from './supergraph-security';

/** An operation as Apollo Server resolved it. */
export interface ResolvedOperation {
  document: DocumentNode;
  operation: OperationDefinitionNode;
  /** SHA-256 of the query text; @apollo/gateway keys its query-plan cache on it. */
  queryHash: string;
  operationName: string | null;
}

/** The access decision for an operation and a set of scopes, with the hash the filtered document plans under. */
export interface AccessDecision extends OperationAccess {
  queryHash: string;
}

// Apollo Server hashes the query text the same way, so unfiltered and filtered plans share one cache.
const hashOf = (document: DocumentNode): string => createHash('sha256').update(print(document)).digest('hex');

/**
 * Decides what each caller may read of each operation, once: the decision depends only on the
 * operation, the caller's scopes and whether a purpose is stated, so it is cached on those.
 */
export class AccessDecisions {
  private readonly cache: LruCache<string, AccessDecision>;
  /** Operations walked (cache misses): a decision served from the cache does not walk. */
  walks = 0;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly rules: FieldRules,
    cacheSize: number,
  ) {
    this.cache = new LruCache(cacheSize);
  }

  decide(request: ResolvedOperation, caller: Caller): AccessDecision {
    const key = [request.queryHash, request.operationName ?? '', [...caller.scopes].sort().join(' '), caller.purpose ? 'purpose' : ''].join('\n');
    const cached = this.cache.get(key);
    if (cached) return cached;
    this.walks += 1;
    const access = filterOperation({ schema: this.schema, rules: this.rules, caller, document: request.document, operation: request.operation });
    const decision = { ...access, queryHash: access.document === request.document ? request.queryHash : hashOf(access.document) };
    this.cache.set(key, decision);
    return decision;
  }
}
