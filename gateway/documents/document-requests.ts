import type { GraphQLHttpRequest } from '../../lib/http';
import type { DocumentRequest, TrustedDocuments } from './trusted-documents';

const isRequestObject = (body: unknown): body is DocumentRequest => typeof body === 'object' && body !== null && !Array.isArray(body);

function parsedJson(text: string | null): DocumentRequest['extensions'] {
  if (text === null) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return isRequestObject(value) ? (value as DocumentRequest['extensions']) : undefined;
  } catch {
    // Apollo Server answers a malformed `extensions` parameter itself.
    return undefined;
  }
}

/** A GET request's query string with its document resolved the same way as a POST body. */
function resolvedSearch(documents: TrustedDocuments, search: string): string {
  const params = new URLSearchParams(search);
  if (!params.has('documentId') && !params.get('extensions')?.includes('persistedQuery')) return search;
  const resolved = documents.resolve({
    query: params.get('query') ?? undefined,
    documentId: params.get('documentId') ?? undefined,
    extensions: parsedJson(params.get('extensions')),
  });
  params.delete('documentId');
  if (typeof resolved.query === 'string') params.set('query', resolved.query);
  params.set('extensions', JSON.stringify(resolved.extensions ?? {}));
  return `?${params.toString()}`;
}

/**
 * The HTTP side of trusted documents: a request that names its document by hash (`documentId`,
 * or Apollo's `extensions.persistedQuery`), in a POST body or a GET query string, leaves with
 * the document's text, before Apollo Server reads it.
 */
export const documentRequests =
  (documents: TrustedDocuments) =>
  ({ body, search }: GraphQLHttpRequest): GraphQLHttpRequest => ({
    body: isRequestObject(body) ? documents.resolve(body) : body,
    search: search ? resolvedSearch(documents, search) : search,
  });
