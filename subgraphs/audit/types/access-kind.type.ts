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

export const ChangeOutcomeEnum: { [O in ChangeOutcome]: O } = { SUCCEEDED: 'SUCCEEDED', PARTIAL: 'PARTIAL', FAILED: 'FAILED', UNCERTAIN: 'UNCERTAIN' };

registerEnumType(ChangeOutcomeEnum, {
  name: 'ChangeOutcome',
  description: 'How a change of personal data went.',
  valuesConfig: {
    SUCCEEDED: { description: 'Every mutation field of the change was made (errors under them, listed, did not undo it).' },
    PARTIAL: { description: 'Some of its mutation fields were made and the others failed (see the error codes).' },
    FAILED: { description: 'Nothing was changed: every mutation field failed with an error of its own (see the error codes).' },
    UNCERTAIN: {
      description:
        "Some of it may or may not have been made: a subgraph did not answer (it may still have made its part), or a field was nulled without an error of its own. The dossier's or payment's own history tells.",
    },
  },
});
