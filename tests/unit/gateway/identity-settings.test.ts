import { DEFAULT_AUDIENCE, DEV_ISSUER } from '../../../lib/auth';
import { loadConfig, settings } from '../../../lib/config';

describe('Gateway identity settings', () => {
  test('by default the gateway expects the development issuer and lib\'s audience, in development mode', () => {
    const config = loadConfig({ mode: settings.mode, issuer: settings.jwtIssuer, audience: settings.jwtAudience }, {});
    expect(config).toEqual({ mode: 'development', issuer: DEV_ISSUER, audience: DEFAULT_AUDIENCE });
  });

  test('a mode other than development or production stops the start with the variable named', () => {
    expect(() => loadConfig({ mode: settings.mode }, { LT_MODE: 'staging' })).toThrow(/LT_MODE="staging"/);
  });
});
