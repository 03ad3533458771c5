import { createHash } from 'node:crypto';
import { print, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type { Caller } from '../../lib/auth';
import { BoundedCache, PARSED_BYTES_PER_SOURCE_BYTE } from '../memory/bounded-cache';
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
  /** Length of the operation's source text, which sizes what the decision holds in memory. */
  sourceLength: number;
}

// Apollo Server hashes the query text the same way, so unfiltered and filtered plans share one cache.
const hashOf = (document: DocumentNode): string => createHash('sha256').update(print(document)).digest('hex');

export interface DecisionCacheSize {
  /** Most bytes of decisions kept. */
  maxBytes: number;
  /** Decisions on documents longer than this (bytes of source text) are never kept. */
  maxDocumentBytes: number;
}

/**
 * A decision keeps its operation's parsed document alive (the filtered copy shares its nodes,
 * and their locations hold every token), so it weighs what that document does.
 */
const bytesOf = (decision: AccessDecision): number => (decision.sourceLength + 1) * PARSED_BYTES_PER_SOURCE_BYTE;

/**
 * Decides what each caller may read of each operation, once: the decision depends only on the
 * operation, the caller's scopes and whether a purpose is stated, so it is cached on those, in
 * a cache bounded by the memory it holds.
 */
export class AccessDecisions {
  private readonly cache: BoundedCache<AccessDecision>;
  /** Operations walked (cache misses): a decision served from the cache does not walk. */
  walks = 0;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly rules: FieldRules,
    { maxBytes, maxDocumentBytes }: DecisionCacheSize,
  ) {
    this.cache = new BoundedCache({ name: 'access_decisions', maxBytes, maxEntryBytes: (maxDocumentBytes + 1) * PARSED_BYTES_PER_SOURCE_BYTE, bytesOf });
  }

  decide(request: ResolvedOperation, caller: Caller): AccessDecision {
    const key = [request.queryHash, request.operationName ?? '', [...caller.scopes].sort().join(' '), caller.purpose ? 'purpose' : ''].join('\n');
    const cached = this.cache.get(key);
    if (cached) return cached;
    this.walks += 1;
    const access = filterOperation({ schema: this.schema, rules: this.rules, caller, document: request.document, operation: request.operation });
    const decision = {
      ...access,
      queryHash: access.document === request.document ? request.queryHash : hashOf(access.document),
      sourceLength: request.document.loc?.end ?? 0,
    };
    this.cache.set(key, decision);
    return decision;
  }
}
