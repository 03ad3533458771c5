import type { Migrations } from '../../../../lib/db';
import { paymentsMigration } from './001-payments';
import { onePaymentPerDossier } from './002-one-payment-per-dossier';

export const migrations: Migrations = {
  '001-payments': paymentsMigration,
  '002-one-payment-per-dossier': onePaymentPerDossier,
};
