import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readmeDocuments } from '../../gateway/documents/project-documents';
import { trustedOperations } from '../../gateway/documents/manifest';
import { PLAYGROUND_EXAMPLES } from '../../gateway/playground/examples';
import { startTestGraph, type TestGraph } from '../support/test-graph';

let graph: TestGraph;

beforeAll(async () => {
  graph = await startTestGraph(1_000, { gateway: { admission: { costMode: 'measure' } } });
});
afterAll(() => graph.stop());

const costOf = async (query: string, variables: Record<string, unknown> = {}) => {
  const { body } = await graph.query(query, variables);
  return body.extensions?.cost as { mode: string; estimated: number; actual: number; max: number };
};

const README = readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
const readmeQueries = readmeDocuments(README).flatMap(({ text }) => trustedOperations(text)).filter((operation) => operation.type === 'query');

describe('Demand control on the real graph: what LiênThông\'s own operations cost', () => {
  test.each([
    // citizen, province, household 3 + members 10 + civil servant, agency, rank 3
    // + 5 dossiers × (dossier 1 + procedure 1 + payments, 10 by default) 60 + payments(first: 5) 5.
    ['CitizenProfile', PLAYGROUND_EXAMPLES[0]!.query, 81],
    ['ProvinceDashboard', PLAYGROUND_EXAMPLES[1]!.query, 56],
    ['CitizensOfAProvince', PLAYGROUND_EXAMPLES[2]!.query, 22],
  ])('the playground\'s %s is estimated at its documented cost and reports what it actually cost', async (_name, query, estimated) => {
    const cost = await costOf(query, { personalId: '001090000001' });
    expect(cost).toEqual({ mode: 'measure', estimated, actual: expect.any(Number), max: 5_000 });
    expect(cost.actual).toBeLessThanOrEqual(estimated);
  });

  test.each(readmeQueries.map((operation) => [operation.name ?? operation.body.slice(0, 60).replace(/\s+/g, ' '), operation.body]))(
    'the README\'s "%s" stays well inside the default cost limit',
    async (_name, query) => {
      const cost = await costOf(query, { personalId: '001090000001' });
      expect(cost.estimated).toBeGreaterThan(0);
      expect(cost.estimated).toBeLessThanOrEqual(cost.max / 10);
    },
  );

  test('all 34 provinces\' indicators in one operation stay inside the default limit', async () => {
    const cost = await costOf(`{ provinces { name population { total byAgeBand { band total } } staffing { civilServants agencies }
      dossierStatistics { received onlineShare onTimeRate overdue } paymentStatistics { transactions amountPaid byMethod { method amountPaid } } } }`);
    expect(cost.estimated).toBe(1_904);
  });
});

describe('Demand control on the real graph: enforce', () => {
  test('an operation over the limit is refused before any subgraph runs a statement', async () => {
    const strict = await startTestGraph(200, { gateway: { admission: { costMaxPerOperation: 100 } } });
    try {
      const before = strict.statementCounts();
      // The connection 1 + 100 edges × (edge 1 + citizen 1 + household 1 + 10 members): 1,301.
      const { status, body } = await strict.query('{ citizens(first: 100) { edges { node { fullName household { members { fullName } } } } } }');
      expect(status).toBe(400);
      expect(body).toEqual({
        errors: [{ message: 'The operation\'s estimated cost is 1301; the limit is 100.', extensions: { code: 'COST_LIMIT_EXCEEDED', limit: 100, measured: 1_301 } }],
      });
      expect(strict.statementCounts()).toEqual(before);
    } finally {
      await strict.stop();
    }
  });
});
