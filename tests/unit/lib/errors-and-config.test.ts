import { GraphQLError } from 'graphql';
import { z } from 'zod';
import { ConfigError, loadConfig, perSubgraph, setting, values } from '../../../lib/config';
import { AppError, formatClientError } from '../../../lib/errors';

describe('Client error formatting', () => {
  it('keeps registered codes and drops stack traces', () => {
    const formatted = formatClientError({ message: 'No dossier', extensions: { code: 'NOT_FOUND', stacktrace: ['at x'] } });
    expect(formatted).toEqual({ message: 'No dossier', extensions: { code: 'NOT_FOUND' } });
  });

  it('masks anything unregistered, so SQL and internal URLs never reach a client', () => {
    const formatted = formatClientError({
      message: 'relation "citizens" does not exist: SELECT * FROM citizens at http://10.0.0.5:4001',
      path: ['citizen'],
      extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at pg'] },
    });
    expect(formatted).toEqual({ message: 'Internal server error.', path: ['citizen'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });

  it('restores the code of an AppError that Apollo Server re-labelled', () => {
    const cause = new AppError('INVALID_PERSONAL_ID', 'Invalid PersonalId "1".');
    const wrapped = new GraphQLError(cause.message, { originalError: cause, extensions: { code: 'BAD_USER_INPUT' } });
    expect(formatClientError({ message: cause.message, extensions: { code: 'BAD_USER_INPUT' } }, wrapped).extensions).toEqual({ code: 'INVALID_PERSONAL_ID' });
  });
});

describe('Configuration', () => {
  const settings = {
    port: setting('T_PORT', 'Port', values.port(4000)),
    url: setting('T_URL', 'Database', values.optionalUrl()),
    strict: setting('T_STRICT', 'Strict mode', values.flag(false)),
    name: setting('T_NAME', 'Name', z.string().default('x')),
  };

  it('applies documented defaults when nothing is set', () => {
    expect(loadConfig(settings, {})).toEqual({ port: 4000, url: undefined, strict: false, name: 'x' });
  });

  it('reads and converts environment values', () => {
    expect(loadConfig(settings, { T_PORT: '4100', T_URL: 'postgres://u@h/db', T_STRICT: 'true' })).toEqual({
      port: 4100,
      url: 'postgres://u@h/db',
      strict: true,
      name: 'x',
    });
  });

  it('reports every bad variable at once, by name', () => {
    expect(() => loadConfig(settings, { T_PORT: 'abc', T_URL: 'mysql://h/db' })).toThrow(ConfigError);
    try {
      loadConfig(settings, { T_PORT: 'abc', T_URL: 'mysql://h/db' });
    } catch (error) {
      const problems = (error as ConfigError).problems;
      expect(problems).toHaveLength(2);
      expect(problems[0]).toMatch(/^T_PORT="abc"/);
      expect(problems[1]).toMatch(/^T_URL="mysql:\/\/h\/db": must be a postgres:\/\/ URL/);
    }
  });
});

describe('Settings each subgraph has once', () => {
  const port = perSubgraph('<NAME>_T_PORT', 'Port', (fallback: number) => values.port(fallback));
  const url = perSubgraph('T_URL_<NAME>', 'URL', () => z.string().url().optional());

  it('are named after the subgraph, upper-cased with dashes as underscores, each with its own default', () => {
    expect(port.of('civil-servants', 4002).env).toBe('CIVIL_SERVANTS_T_PORT');
    expect(loadConfig({ a: port.of('civil-servants', 4002), b: port.of('audit', 4005) }, { AUDIT_T_PORT: '5005' })).toEqual({ a: 4002, b: 5005 });
  });

  it('are read all at once by the <NAME> of each variable set, empty ones counting as unset', () => {
    expect(url.readAll({ T_URL_PUBLIC_SERVICES: 'http://p/graphql', T_URL_AUDIT: '', OTHER: 'x' })).toEqual({ PUBLIC_SERVICES: 'http://p/graphql' });
  });

  it('report a bad value by its variable', () => {
    expect(() => url.readAll({ T_URL_AUDIT: 'not a url' })).toThrow(/T_URL_AUDIT="not a url"/);
  });
});
