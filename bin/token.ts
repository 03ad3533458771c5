import { decodeJwt } from 'jose';
import { callerFromClaims, issueDevToken } from '../lib/auth';
import { ConfigError, loadConfig, settings } from '../lib/config';
import { parseTokenArguments, USAGE, UsageError } from './token-arguments';

/**
 * `npm run token -- --role <role> [--province <code>] [--purpose <text>] [--ttl 8h] [--subject <id>] [--scope "<scopes>" | all]`:
 * a token from the development issuer, printed alone on stdout so it can be captured
 * (`TOKEN=$(npm run -s token -- --role auditor)`). A gateway in development mode accepts it.
 */
async function main(): Promise<void> {
  const request = parseTokenArguments(process.argv.slice(2));
  const { dataDir } = loadConfig({ dataDir: settings.dataDir });
  const token = await issueDevToken({ dataDir, ...request });
  // The gateway's own reading of the claims, so a token it would refuse is never printed.
  try {
    callerFromClaims(decodeJwt(token));
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/^(Not authenticated|Invalid purpose of access): /, 'The gateway would refuse this token: '));
  }
  process.stdout.write(`${token}\n`);
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) console.error(`${error.message}\n${USAGE}`);
  else if (error instanceof ConfigError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) console.error(`${(error as Error).message}\n${USAGE}`);
  else console.error(error);
  process.exit(1);
});
