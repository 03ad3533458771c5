/**
 * The one registry of error codes a client can see in `extensions.code`.
 * A code is a contract: clients branch on it, so codes are never renamed.
 */
export const ErrorCodes = {
  BAD_USER_INPUT: 'An argument is malformed or out of range.',
  INVALID_PERSONAL_ID: 'A personal ID is not a structurally valid 12-digit number.',
  UNKNOWN_PROVINCE: 'A province code is not one of the 34 provincial units of 2025.',
  UNKNOWN_PROCEDURE: 'No public-service procedure has this code.',
  UNKNOWN_APPLICANT: 'No resident the caller may see has this personal ID: it does not exist, or is outside the caller\'s jurisdiction (the two are not told apart).',
  NOT_RESIDENT_IN_PROVINCE: 'The procedure is filed only where the applicant resides, and the applicant does not reside in the province named.',
  INVALID_AMOUNT: 'A money amount is not a non-negative whole number of VND.',
  INVALID_CURSOR: 'A pagination cursor was not issued by this field.',
  NOT_FOUND: 'The requested record does not exist (or is outside the caller\'s jurisdiction).',
  INVALID_TRANSITION: 'The dossier cannot make this move from its current status.',
  FEE_NOT_APPLICABLE: 'The dossier\'s procedure charges no fee, so nothing can be paid.',
  IDEMPOTENCY_KEY_REUSED: 'The idempotency key was already used with different input.',
  INVALID_PAYMENT_STATE: 'The payment is not in a state that allows this operation.',
  UNAUTHENTICATED: 'No valid identity was presented.',
  FORBIDDEN: 'The caller is identified but not allowed to do this.',
  UNAUTHORIZED_FIELD_OR_TYPE: 'A field was removed because the caller may not see it.',
  PURPOSE_REQUIRED: 'Reading or changing personal data needs a stated purpose of access (x-purpose header or purpose claim).',
  INVALID_PURPOSE: 'The stated purpose of access (x-purpose header or purpose claim) is malformed or blank.',
  AUDIT_UNAVAILABLE: 'The audit log could not record this access to personal data, so nothing was returned (a read) or changed (a mutation).',
  SUBGRAPH_UNAVAILABLE: 'A backing database service did not answer.',
  SUBGRAPH_TIMEOUT: 'A backing database service did not answer within its time limit, or the operation\'s time ran out first; the fields it was to fill are null.',
  MAX_DEPTH_LIMIT: 'The operation nests fields (or brackets) deeper than the gateway accepts; `limit` and `measured` say by how much.',
  MAX_ALIASES_LIMIT: 'The operation uses more aliases than the gateway accepts (`__typename` aliases count).',
  MAX_ROOT_FIELDS_LIMIT: 'The operation selects more root fields than the gateway accepts.',
  MAX_TOKENS_LIMIT: 'The document has more tokens than the gateway parses.',
  MAX_DIRECTIVES_LIMIT: 'The operation uses more directives than the gateway accepts.',
  MAX_FRAGMENT_SPREADS_LIMIT: 'The operation spreads fragments more often, once expanded, than the gateway accepts.',
  MAX_FIELDS_LIMIT: 'The operation selects more fields, once fragments are expanded, than the gateway accepts.',
  COST_LIMIT_EXCEEDED: 'The operation\'s estimated cost is over the most one operation may cost; nothing was run.',
  RATE_LIMITED: 'The caller (or their province) has used up its request or cost budget for now; retry after `Retry-After` seconds.',
  OPERATION_RESOLUTION_FAILURE: 'The document holds several operations and none, or no operation of that name, was chosen with operationName.',
  PERSISTED_QUERY_NOT_FOUND: 'No trusted document has this ID.',
  INVALID_DOCUMENT_ID: 'A document ID is not a SHA-256 hash (64 hexadecimal digits), or does not match the query sent with it.',
  DOCUMENT_NOT_TRUSTED: 'The caller\'s role may run only trusted documents, and this one is not in the manifest.',
  INTERNAL_SERVER_ERROR: 'Something failed inside LiênThông; details are in its logs, not here.',
} as const;

export type ErrorCode = keyof typeof ErrorCodes;
