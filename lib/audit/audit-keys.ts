import { devKeyPairFiles, ensureDevKeyPair, type SigningKeyFiles } from '../auth/key-files';

/**
 * The audit signing key pair of development, in LT_DATA_DIR/keys beside the gateway's other
 * keys. Production gives the gateway AUDIT_SIGNING_KEY_FILE and the verifier only
 * AUDIT_PUBLIC_KEY_FILE; the audit database never holds either.
 */
const NAME = 'audit-signing';

/** Made on first use: by the gateway, which signs. */
export const ensureDevAuditKeys = (dataDir: string): SigningKeyFiles => ensureDevKeyPair(dataDir, NAME);

/** Only read: the verifier never makes a key, since a new one would vouch for nothing. */
export const devAuditPublicKeyFile = (dataDir: string): string => devKeyPairFiles(dataDir, NAME).publicKeyFile;
