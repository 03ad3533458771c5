export { SCOPES, isScope, type Scope } from './scopes';
export { ROLES, isRole, type Role, type RoleSpec, type RoleBudget, type Allowance, type JurisdictionKind } from './roles';
export { hasScope, satisfiesScopes, provinceOf, type Caller, type Jurisdiction } from './caller';
export { unauthenticated } from './auth-error';
export { callerFromClaims } from './claims';
export { checkPurpose, invalidPurpose, purposeFrom, type PurposeSource } from './purpose';
export { createTokenVerifier, bearerToken, TOKEN_ALGORITHMS, type TokenVerifier, type TokenVerifierOptions } from './token-verifier';
export { DEV_ISSUER, DEFAULT_AUDIENCE, devIssuerKeySet, issueDevToken, type DevTokenRequest } from './dev-issuer';
export {
  IDENTITY_HEADERS,
  MAX_SKEW_MS,
  signRequest,
  encodeIdentity,
  verifySignedRequest,
  ensureDevSigningKeys,
  loadPrivateKey,
  loadPublicKey,
  headerReader,
  type HeaderReader,
  type SignatureCheck,
  type SigningKeyFiles,
} from './signed-identity';
export { MemoryReplayGuard, ReplayGuardUnavailable, type ReplayGuard } from './replay-guard';
export { RedisReplayGuard } from './redis-replay-guard';
export { DELEGATION_HEADER, DELEGATION_TTL_MS, issueDelegationGrant, verifyDelegationGrant, type DelegationGrant } from './delegation-grant';
export { AUTHENTICATED, requiresScopes, PERSONAL_DATA, PERSONAL_DATA_POLICY } from './directives';
export { CITIZEN_KEY_RULE, CIVIL_SERVANT_KEY_RULE, DOSSIER_KEY_RULE, PROVINCE_KEY_RULE, PROCEDURE_KEY_RULE } from './key-rules';
export { ruleOf, refusal, type FieldRule } from './field-rule';
