import { ConnectionType } from '../../../lib/graphql/connection';
import { Dossier } from './dossier.type';

/** Pages of the `dossiers` root field, ordered by dossier code. */
export const DossierConnection = ConnectionType(Dossier, 'Dossier', 'dossier');
