import type { DocumentNode, OperationDefinitionNode } from 'graphql';
import { LRUCache } from 'lru-cache';
import { ROLES, type Caller } from '../../lib/auth';
import { AppError } from '../../lib/errors';
import type { Logger } from '../../lib/logging';
import { counter } from '../../lib/metrics';
import { operationBody, sha256, type Manifest, type TrustedOperation } from './manifest';

export type TrustedDocumentsMode = 'off' | 'log' | 'enforce';

/** The parts of a GraphQL-over-HTTP request that name its document. */
export interface DocumentRequest {
  query?: unknown;
  documentId?: unknown;
  extensions?: { persistedQuery?: { sha256Hash?: unknown } & Record<string, unknown> } & Record<string, unknown>;
  [key: string]: unknown;
}

const HASH = /^(?:sha256:)?([0-9a-f]{64})$/;

const badId = (message: string) => new AppError('INVALID_DOCUMENT_ID', message, { http: { status: 400 } });

/** Verdicts remembered per (query hash, operation name); each is a few bytes. */
const VERDICTS = 10_000;

/** An unknown document is logged once per role in this time, however often it is sent; the metric counts every time. */
const NOTED_FOR_MS = 10 * 60_000;

const untrusted = counter({ name: 'lienthong_gateway_untrusted_documents_total', help: 'Operations whose document is not in the trusted-documents manifest, by the role that sent them (answered, or refused in enforce mode)', labelNames: ['role'] as const });

/**
 * Trusted documents: the operations a province knows its clients send (the manifest `npm run
 * documents` writes). A request may name one by its hash alone (`documentId`, or Apollo's
 * `extensions.persistedQuery`); a request sending text is matched against the manifest by
 * meaning (comments and layout aside). `log` notes unknown documents, `enforce` also refuses
 * them to roles that may run trusted documents only.
 */
export class TrustedDocuments {
  private readonly byId: ReadonlyMap<string, TrustedOperation>;
  private readonly verdicts = new LRUCache<string, boolean>({ max: VERDICTS });
  private readonly noted = new LRUCache<string, true>({ max: VERDICTS, ttl: NOTED_FOR_MS });

  constructor(
    manifest: Manifest,
    private readonly mode: TrustedDocumentsMode,
    private readonly logger: Logger,
  ) {
    this.byId = new Map(manifest.operations.map((operation) => [operation.id, operation]));
  }

  /** The request with its document's text, when it names the document by hash; Apollo's own persisted queries never see it. */
  resolve(request: DocumentRequest): DocumentRequest {
    const { persistedQuery, ...extensions } = request.extensions ?? {};
    const named = request.documentId ?? persistedQuery?.sha256Hash;
    if (named === undefined) return request;
    const hash = typeof named === 'string' ? HASH.exec(named)?.[1] : undefined;
    if (!hash) throw badId('A document ID is a SHA-256 hash: 64 lowercase hexadecimal digits, optionally prefixed "sha256:".');
    const { documentId: _id, ...rest } = request;
    if (typeof request.query === 'string') {
      if (sha256(request.query) !== hash) throw badId('The document ID is not the SHA-256 hash of the query sent with it.');
      return { ...rest, extensions };
    }
    const trusted = this.byId.get(hash);
    if (!trusted) throw new AppError('PERSISTED_QUERY_NOT_FOUND', `No trusted document has the ID ${hash}.`, { http: { status: 400 } });
    return { ...rest, extensions, query: trusted.body };
  }

  /** Logs or refuses a document that is not in the manifest, as the mode and the caller's role say. */
  admit(caller: Caller, queryHash: string, document: DocumentNode, operation: OperationDefinitionNode): void {
    if (this.mode === 'off' || this.known(queryHash, document, operation)) return;
    const name = operation.name?.value ?? null;
    untrusted.labels(caller.role).inc();
    if (this.mode === 'enforce' && ROLES[caller.role].trustedDocumentsOnly) {
      throw new AppError('DOCUMENT_NOT_TRUSTED', `Role ${caller.role} may run only trusted documents, and this operation is not one of them.`, { http: { status: 403 } });
    }
    // A playground's ad-hoc documents would otherwise add a log line to every request's access-log line.
    const note = `${caller.role}:${queryHash}:${name ?? ''}`;
    if (this.noted.has(note)) return;
    this.noted.set(note, true);
    this.logger.info({ role: caller.role, operationName: name, queryHash }, 'document not in the trusted-documents manifest');
  }

  private known(queryHash: string, document: DocumentNode, operation: OperationDefinitionNode): boolean {
    if (this.byId.has(queryHash)) return true;
    const key = `${queryHash}:${operation.name?.value ?? ''}`;
    let verdict = this.verdicts.get(key);
    if (verdict === undefined) {
      verdict = this.byId.has(sha256(operationBody(document, operation)));
      this.verdicts.set(key, verdict);
    }
    return verdict;
  }
}
