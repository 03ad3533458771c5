import { allowedActions, ESSENTIAL_PROCEDURES } from '../../../lib/domain';
import { encodeCursor } from '../../../lib/graphql/connection';
import { postGraphQL, type GraphQLResponse } from '../../support/graphql-client';
import { errorCodes } from '../../support/response-checks';
import { useTestSubgraph } from '../../support/test-subgraph';
import { accessed } from '../../support/access-fixtures';
import { publicServicesSubgraph } from '../../../subgraphs/public-services';
import { byCode, DOSSIER_FIELDS, dossierSubjects, expectedDossier, isOverdue, seededDossiers } from './fixtures';

const subgraph = useTestSubgraph(publicServicesSubgraph);
const seeded = seededDossiers();

const query = <T = Record<string, unknown>>(text: string, variables: Record<string, unknown> = {}) => postGraphQL<T>(subgraph.url, text, variables);

interface Page {
  dossiers: { edges: { cursor: string; node: { code: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

const PAGE = `query ($filter: DossierFilter, $first: Int, $after: String) {
  dossiers(filter: $filter, first: $first, after: $after) { edges { cursor node { code } } pageInfo { hasNextPage endCursor } }
}`;

const codesOf = (page: Page) => page.dossiers.edges.map((e) => e.node.code);

describe('Procedures', () => {
  test('procedures lists the 25 essential procedures in code order, without fees', async () => {
    const response = await query('{ procedures { code name nameEn sector processingDays } }');
    expect(response.body).toEqual({
      data: { procedures: ESSENTIAL_PROCEDURES.map(({ code, name, nameEn, sector, processingDays }) => ({ code, name, nameEn, sector, processingDays })) },
    });
  });

  test('procedure finds one by code', async () => {
    const response = await query('{ procedure(code: "DVC09") { code nameEn processingDays } }');
    expect(response.body).toEqual({ data: { procedure: { code: 'DVC09', nameEn: 'Passport issue', processingDays: 8 } } });
  });

  test('procedure of an unknown code is null with NOT_FOUND', async () => {
    const response = await query('{ procedure(code: "DVC99") { code } }');
    expect(response.body.data).toEqual({ procedure: null });
    expect(response.body.errors).toEqual([{ message: 'No procedure with key DVC99.', locations: expect.any(Array), path: ['procedure'], extensions: { code: 'NOT_FOUND' } }]);
  });
});

describe('Dossier look-up', () => {
  test.each(['NEW', 'RECEIVED', 'PROCESSING', 'COMPLETED', 'RESULT_RETURNED', 'REJECTED', 'WITHDRAWN', 'STOPPED'] as const)('dossier returns a seeded %s dossier with its whole history', async (status) => {
    const dossier = seeded.find((d) => d.status === status)!;
    const response = await query(`query ($code: ID!) { dossier(code: $code) { ${DOSSIER_FIELDS} } }`, { code: dossier.code });
    expect(response.body).toEqual({ data: { dossier: expectedDossier(dossier, allowedActions(status)) }, extensions: accessed(...dossierSubjects(dossier)) });
  });

  test('dossier of an unknown code is null with NOT_FOUND and nothing internal', async () => {
    const response = await query('{ dossier(code: "01-DVC01-260101-000000") { code } }');
    expect(response.body).toEqual({
      data: { dossier: null },
      errors: [{ message: 'No dossier with key 01-DVC01-260101-000000.', locations: [{ line: 1, column: 3 }], path: ['dossier'], extensions: { code: 'NOT_FOUND' } }],
    });
  });
});

describe('Dossier connection', () => {
  test('pages through a province in code order and ends where the data ends', async () => {
    const expected = seeded.filter((d) => d.provinceCode === '01').sort(byCode).map((d) => d.code);
    const codes: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 20; pages += 1) {
      const response: GraphQLResponse<Page> = await query<Page>(PAGE, { filter: { provinceCode: '01' }, first: 40, after });
      const page: Page = response.body.data!;
      codes.push(...codesOf(page));
      expect(page.dossiers.pageInfo.endCursor).toBe(page.dossiers.edges.at(-1)?.cursor ?? null);
      if (!page.dossiers.pageInfo.hasNextPage) break;
      after = page.dossiers.pageInfo.endCursor;
    }
    expect(expected.length).toBeGreaterThan(80);
    expect(codes).toEqual(expected);
  });

  test('defaults to 20 dossiers of every province in code order', async () => {
    const response = await query<Page>(PAGE);
    expect(codesOf(response.body.data!)).toEqual([...seeded].sort(byCode).slice(0, 20).map((d) => d.code));
    expect(response.body.data!.dossiers.pageInfo.hasNextPage).toBe(true);
  });

  test('combines province, status and procedure filters', async () => {
    const filter = { provinceCode: '79', status: 'RESULT_RETURNED', procedureCode: 'DVC04' };
    const expected = seeded.filter((d) => d.provinceCode === '79' && d.status === 'RESULT_RETURNED' && d.procedureCode === 'DVC04').sort(byCode);
    const response = await query<Page>(PAGE, { filter, first: 100 });
    expect(expected.length).toBeGreaterThan(0);
    expect(codesOf(response.body.data!)).toEqual(expected.map((d) => d.code));
  });

  test('filters by applicant', async () => {
    const applicantId = seeded.find((d) => seeded.filter((o) => o.applicantId === d.applicantId).length > 1)!.applicantId;
    const response = await query<Page>(PAGE, { filter: { applicantId } });
    expect(codesOf(response.body.data!)).toEqual(seeded.filter((d) => d.applicantId === applicantId).sort(byCode).map((d) => d.code));
  });

  test('filters by submission days in Vietnam time, both ends included', async () => {
    const inRange = (d: { submittedAt: Date }) => d.submittedAt >= new Date('2026-05-31T17:00:00Z') && d.submittedAt < new Date('2026-06-02T17:00:00Z');
    const response = await query<Page>(PAGE, { filter: { submittedFrom: '2026-06-01', submittedTo: '2026-06-02' }, first: 100 });
    const expected = seeded.filter(inRange).sort(byCode).map((d) => d.code);
    expect(expected.length).toBeGreaterThan(0);
    expect(codesOf(response.body.data!)).toEqual(expected);
  });

  test('filters overdue and not overdue dossiers by the documented rule', async () => {
    const now = new Date();
    for (const overdue of [true, false]) {
      const response = await query<Page>(PAGE, { filter: { provinceCode: '46', overdue }, first: 100 });
      const expected = seeded.filter((d) => d.provinceCode === '46' && isOverdue(d, now) === overdue).sort(byCode).slice(0, 100);
      expect(codesOf(response.body.data!)).toEqual(expected.map((d) => d.code));
    }
  });

  test.each([
    ['a cursor that is not one', { after: 'bm90LWEtY3Vyc29y' }, 'INVALID_CURSOR'],
    ['a cursor another field issued', { after: encodeCursor('citizens', '001198000001') }, 'INVALID_CURSOR'],
    ['a page size above 100', { first: 101 }, 'BAD_USER_INPUT'],
    ['a page size of zero', { first: 0 }, 'BAD_USER_INPUT'],
    ['an unknown procedure', { filter: { procedureCode: 'DVC99' } }, 'UNKNOWN_PROCEDURE'],
    ['an unknown province', { filter: { provinceCode: '99' } }, 'UNKNOWN_PROVINCE'],
    ['a malformed applicant ID', { filter: { applicantId: '12345' } }, 'INVALID_PERSONAL_ID'],
    ['a start day after the end day', { filter: { submittedFrom: '2026-06-02', submittedTo: '2026-06-01' } }, 'BAD_USER_INPUT'],
  ])('refuses %s', async (_what, variables, code) => {
    const response = await query(PAGE, variables);
    expect(errorCodes(response.body)).toEqual([code]);
    expect(JSON.stringify(response.body)).not.toMatch(/stack|SELECT|dossiers_/i);
  });
});
