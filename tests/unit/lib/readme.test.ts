import { readFileSync } from 'node:fs';
import path from 'node:path';
import { settings } from '../../../lib/config';
import { ErrorCodes } from '../../../lib/errors';

const readme = readFileSync(path.resolve(__dirname, '../../../README.md'), 'utf8');

describe('The README', () => {
  it.each(Object.values(settings).map((s) => [s.env]))('documents the configuration variable %s', (variable) => {
    expect(readme).toContain(`| \`${variable}\` |`);
  });

  it.each(Object.keys(ErrorCodes).map((code) => [code]))('documents the error code %s', (code) => {
    expect(readme).toContain(`| \`${code}\` |`);
  });

  it('gives the two quick-start commands the package scripts provide', () => {
    const scripts = JSON.parse(readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8')).scripts as Record<string, string>;
    expect(readme).toContain('npm install && npm start');
    expect(readme).toContain('npm test ');
    expect(scripts.start).toBeDefined();
    expect(scripts.test).toBeDefined();
  });
});
