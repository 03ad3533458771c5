import { requiresScopes } from '../../../lib/auth';

/** Payments, and the fee status and payments of dossiers and citizens: personal data of the payer. */
export const PAYMENTS_READ = requiresScopes(['payments:read']);
