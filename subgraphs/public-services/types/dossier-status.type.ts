import { registerEnumType } from 'type-graphql';
import { DossierStatus as PORTAL_STATUS } from '../../../lib/domain';

/**
 * The portal's codes (1..10) are the enum's internal values, so rows pass through as they are
 * stored. A copy: type-graphql keeps enum metadata per object, and lib's object is shared.
 */
export const DossierStatus = { ...PORTAL_STATUS };

registerEnumType(DossierStatus, {
  name: 'DossierStatus',
  description: 'Where a dossier is in its lifecycle, as one-stop systems report it to the portal (code in brackets).',
  valuesConfig: {
    NEW: { description: 'Newly registered, not yet checked at intake (1).' },
    RECEIVED: { description: 'Accepted at intake (2).' },
    REJECTED: { description: 'Refused at intake (3); final.' },
    PROCESSING: { description: 'Being processed by the competent agency (4).' },
    ADDITIONAL_DOCUMENTS_REQUESTED: { description: 'Waiting for documents the applicant was asked to add (5).' },
    PAYMENT_REQUESTED: { description: 'Waiting for the applicant to pay the fee (6).' },
    WITHDRAWN: { description: 'Withdrawn by the applicant (7); final.' },
    STOPPED: { description: 'Processing stopped by the agency (8); final.' },
    COMPLETED: { description: 'Processing complete, result not yet handed over (9).' },
    RESULT_RETURNED: { description: 'Result handed to the applicant (10); final.' },
  },
});
