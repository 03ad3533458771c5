import { registerEnumType } from 'type-graphql';
import type { AuditKind, ChangeOutcome } from '../../../lib/auth/audit-record';

export type AccessKind = 'READ' | 'INTENT' | 'OUTCOME';

export const AccessKindEnum: { [K in AccessKind]: K } = { READ: 'READ', INTENT: 'INTENT', OUTCOME: 'OUTCOME' };

/** The log stores the kind in lower case, as the gateway names it. */
export const accessKindOf = (kind: AuditKind): AccessKind => kind.toUpperCase() as AccessKind;
export const auditKindOf = (kind: AccessKind): AuditKind => kind.toLowerCase() as AuditKind;

registerEnumType(AccessKindEnum, {
  name: 'AccessKind',
  description: 'What an audit record stands for.',
  valuesConfig: {
    READ: { description: 'A read of personal data.' },
    INTENT: { description: 'A change of personal data (a mutation), recorded before the gateway forwarded it.' },
    OUTCOME: { description: 'How that change went, recorded after it ran; it has the intent\'s request id.' },
  },
});

export const ChangeOutcomeEnum: { [O in ChangeOutcome]: O } = { SUCCEEDED: 'SUCCEEDED', FAILED: 'FAILED', UNCERTAIN: 'UNCERTAIN' };

registerEnumType(ChangeOutcomeEnum, {
  name: 'ChangeOutcome',
  description: 'How a change of personal data went.',
  valuesConfig: {
    SUCCEEDED: { description: 'Every mutation field of the change returned its result.' },
    FAILED: { description: 'Nothing was changed: the request was refused before any mutation field ran, or every one failed with an error of its own (see the error codes).' },
    UNCERTAIN: {
      description:
        "Some of it may have been made: not every mutation field returned its result, and not every one failed with its own error (a subgraph that did not answer, or a failure beside it that nulled the response). The dossier's or payment's own history tells.",
    },
  },
});
