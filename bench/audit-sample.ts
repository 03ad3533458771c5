import type { AuditRecord } from '../lib/auth/audit-record';

/** A read of a citizen profile as the gateway hands it to the audit log, the record the audit benchmarks append and seal. */
export const sampleAuditRecord = (n: number): AuditRecord => ({
  requestId: `bench-${n}`,
  at: new Date(),
  subject: 'officer:province-officer:46',
  role: 'province-officer',
  province: '46',
  purpose: 'Giải quyết hồ sơ DVC02',
  operationName: 'CitizenProfile',
  citizens: ['046198000001'],
  fields: ['Citizen.birthDate', 'Citizen.dossiers', 'Citizen.fullName', 'Dossier.code', 'Dossier.status', 'Query.citizen'],
  kind: 'read',
  outcome: null,
  errorCodes: [],
});
