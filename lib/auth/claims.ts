import type { JWTPayload } from 'jose';
import { isPersonalId } from '../domain/personal-id';
import { isProvinceCode } from '../domain/provinces';
import { unauthenticated } from './auth-error';
import type { Caller, Jurisdiction } from './caller';
import { purposeFrom } from './purpose';
import { ROLES, isRole } from './roles';
import { isScope } from './scopes';

function jurisdictionOf(role: keyof typeof ROLES, subject: string, province: unknown): Jurisdiction {
  const kind = ROLES[role].jurisdiction;
  if (kind === 'self') {
    if (!isPersonalId(subject)) throw unauthenticated('a citizen token\'s subject must be the citizen\'s personal ID');
    return { kind: 'self', personalId: subject };
  }
  if (province === undefined || province === null || province === 'national') {
    if (kind === 'province') throw unauthenticated(`role ${role} is bound to a province: the token needs a province claim`);
    return { kind: 'national' };
  }
  if (typeof province !== 'string' || !isProvinceCode(province)) throw unauthenticated('the province claim is not one of the 34 province codes of 2025');
  if (kind === 'national') throw unauthenticated(`role ${role} is national: the token must not carry a province claim`);
  return { kind: 'province', provinceCode: province };
}

/**
 * Turns verified claims into a caller; anything inconsistent is refused, never guessed. The
 * purpose header is the x-purpose header's text, already decoded (gateway/identity/purpose-header.ts).
 */
export function callerFromClaims(claims: JWTPayload, purposeHeader?: string): Caller {
  const subject = claims.sub;
  if (!subject) throw unauthenticated('the token has no subject');
  const role = claims.role;
  if (typeof role !== 'string' || !isRole(role)) throw unauthenticated('the token names no known role');
  const scopes = typeof claims.scope === 'string' ? claims.scope.split(' ').filter(isScope) : [];
  return { subject, role, scopes, jurisdiction: jurisdictionOf(role, subject, claims.province), purpose: purposeFrom(purposeHeader, claims.purpose) };
}
