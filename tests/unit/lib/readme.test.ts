import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROLES, type Allowance } from '../../../lib/auth';
import { settings, subgraphSettings } from '../../../lib/config';
import { ErrorCodes } from '../../../lib/errors';

const readme = readFileSync(path.resolve(__dirname, '../../../README.md'), 'utf8');

describe('The README', () => {
  it.each([...Object.values(settings), ...Object.values(subgraphSettings)].map((s) => [s.env]))('documents the configuration variable %s', (variable) => {
    expect(readme).toContain(`| \`${variable}\` |`);
  });

  it.each(Object.keys(ErrorCodes).map((code) => [code]))('documents the error code %s', (code) => {
    expect(readme).toContain(`| \`${code}\` |`);
  });

  const allowance = (a: Allowance | undefined) => (a ? `${a.requests.toLocaleString('en-US')} requests, ${a.cost.toLocaleString('en-US')} cost points` : '—');

  it.each(Object.entries(ROLES).map(([role, spec]) => [role, spec.budget]))('gives the budget lib/auth/roles.ts sets for %s', (role, budget) => {
    expect(readme).toContain(`| \`${role}\` | ${allowance(budget.caller)} | ${allowance('province' in budget ? budget.province : undefined)} |`);
  });

  it('gives the two quick-start commands the package scripts provide', () => {
    const scripts = JSON.parse(readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8')).scripts as Record<string, string>;
    expect(readme).toContain('npm install && npm start');
    expect(readme).toContain('npm test ');
    expect(scripts.start).toBeDefined();
    expect(scripts.test).toBeDefined();
  });
});
