import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { GraphQLHttpRequest } from '../../lib/http';
import { documentRequests } from '../documents/document-requests';
import type { GatewayContext } from '../gateway-context';
import { checkDocument } from '../limits/operation-limits';
import type { Admission } from './admission-plugin';
import { checkLiterals } from './nul-characters';

/** Documents that passed the limits, by hash: a few bytes each, so counted rather than weighed. */
const PASSED_DOCUMENTS = 10_000;

/** The document text of a POST body or a GET query string. */
function queryOf({ body, search }: GraphQLHttpRequest): unknown {
  if (typeof body === 'object' && body !== null) return (body as { query?: unknown }).query;
  return search ? new URLSearchParams(search).get('query') : undefined;
}

/**
 * Admission before Apollo Server reads a request, in the order that costs least: the caller's
 * request budget first; then a document named by hash is looked up in the trusted documents;
 * then the document's tokens and nesting are checked before it is parsed, and its depth,
 * aliases, root fields, directives, fragment spreads and fields before it is validated. A
 * document that passed once is known by its hash and not measured again.
 */
export function admissionFront(admission: Admission): (request: GraphQLHttpRequest, context: GatewayContext) => Promise<GraphQLHttpRequest> {
  const resolveDocument = documentRequests(admission.documents);
  const passed = new LRUCache<string, true>({ max: PASSED_DOCUMENTS });
  return async (request, { caller, delegatedTo }) => {
    // A subgraph's look-up under a delegation grant belongs to a mutation already charged.
    if (!delegatedTo) await admission.budgets.chargeRequest(caller);
    const resolved = resolveDocument(request);
    const query = queryOf(resolved);
    if (typeof query !== 'string') return resolved;
    const hash = createHash('sha256').update(query).digest('hex');
    if (passed.has(hash)) return resolved;
    const document = checkDocument(query, admission.limits);
    if (document) {
      checkLiterals(document);
      passed.set(hash, true);
    }
    return resolved;
  };
}
