import { allowedActions } from '../../../lib/domain';
import { postGraphQL } from '../../support/graphql-client';
import { errorCodes } from '../../support/response-checks';
import { useTestSubgraph } from '../../support/test-subgraph';
import { accessed } from '../../support/access-fixtures';
import { publicServicesSubgraph } from '../../../subgraphs/public-services';
import { DOSSIER_FIELDS, dossierSubjects, expectedDossier, seededDossiers } from './fixtures';

const subgraph = useTestSubgraph(publicServicesSubgraph);
const seeded = seededDossiers();

const ENTITIES = (selection: string) => `query ($representations: [_Any!]!) { _entities(representations: $representations) { ${selection} } }`;

/** Sends an `_entities` query and returns its data and how many SQL statements it cost. */
async function entities<T>(selection: string, representations: Record<string, unknown>[]) {
  const before = subgraph.db.statements.count;
  const response = await postGraphQL<{ _entities: T[] }>(subgraph.url, ENTITIES(selection), { representations });
  return { response, statements: subgraph.db.statements.count - before };
}

const newestFirst = (a: { submittedAt: Date; code: string }, b: { submittedAt: Date; code: string }) =>
  b.submittedAt.getTime() - a.submittedAt.getTime() || (a.code < b.code ? 1 : -1);

describe('Entity references', () => {
  test('resolve 30 Dossier references in one statement, in order, unknown codes as null', async () => {
    const picked = seeded.slice(0, 29);
    const codes = [...picked.map((d) => d.code), '01-DVC01-260101-000000'];
    const { response, statements } = await entities('... on Dossier { code status province { code } }', codes.map((code) => ({ __typename: 'Dossier', code })));
    expect(statements).toBe(1);
    expect(response.body).toEqual({
      data: { _entities: [...picked.map((d) => ({ code: d.code, status: d.status, province: { code: d.provinceCode } })), null] },
      extensions: accessed(...picked.map((d) => d.applicantId)),
    });
  });

  test('resolve the whole of a referenced dossier, with one statement per list it needs', async () => {
    const picked = seeded.slice(100, 130);
    const { response, statements } = await entities(`... on Dossier { ${DOSSIER_FIELDS} procedure { name } }`, picked.map((d) => ({ __typename: 'Dossier', code: d.code })));
    expect(statements).toBe(3);
    const procedureNames = new Map((await subgraph.db.kysely.selectFrom('procedures').select(['code', 'name']).execute()).map((p) => [p.code, p.name]));
    expect(response.body).toEqual({
      data: {
        _entities: picked.map((d) => ({
          ...expectedDossier(d, allowedActions(d.status)),
          procedure: { code: d.procedureCode, name: procedureNames.get(d.procedureCode) },
        })),
      },
      extensions: accessed(...picked.flatMap(dossierSubjects)),
    });
  });

  test('list 30 citizens\' dossiers newest first in one statement', async () => {
    const applicants = [...new Set(seeded.map((d) => d.applicantId))].slice(0, 29);
    const ids = [...applicants, '001198999999'];
    const { response, statements } = await entities('... on Citizen { personalId dossiers(first: 2) { code } }', ids.map((personalId) => ({ __typename: 'Citizen', personalId })));
    expect(statements).toBe(1);
    expect(response.body).toEqual({
      data: {
        _entities: ids.map((personalId) => ({
          personalId,
          dossiers: seeded.filter((d) => d.applicantId === personalId).sort(newestFirst).slice(0, 2).map((d) => ({ code: d.code })),
        })),
      },
      // The unknown ID too: it is in the answer, and only the gateway's own references bring one here.
      extensions: accessed(...ids),
    });
  });

  test('list civil servants\' assigned dossiers newest first, at different lengths, in one statement', async () => {
    const handlers = [...new Set(seeded.flatMap((d) => (d.handlerId ? [d.handlerId] : [])))].slice(0, 30);
    const { response, statements } = await entities(
      '... on CivilServant { personalId few: assignedDossiers(first: 1) { code } assignedDossiers { code } }',
      handlers.map((personalId) => ({ __typename: 'CivilServant', personalId })),
    );
    expect(statements).toBe(1);
    const assigned = handlers.map((personalId) => seeded.filter((d) => d.handlerId === personalId).sort(newestFirst).slice(0, 20));
    expect(response.body).toEqual({
      data: {
        _entities: handlers.map((personalId, i) => {
          const codes = assigned[i]!.map((d) => ({ code: d.code }));
          return { personalId, few: codes.slice(0, 1), assignedDossiers: codes };
        }),
      },
      extensions: accessed(...handlers, ...assigned.flat().map((d) => d.applicantId)),
    });
  });

  test('resolve Procedure references, unknown codes as null', async () => {
    const { response, statements } = await entities('... on Procedure { code processingDays }', ['DVC25', 'DVC99', 'DVC01'].map((code) => ({ __typename: 'Procedure', code })));
    expect(statements).toBe(1);
    expect(response.body).toEqual({ data: { _entities: [{ code: 'DVC25', processingDays: 20 }, null, { code: 'DVC01', processingDays: 3 }] } });
  });

  test('refuse more than 100 dossiers of a citizen', async () => {
    const { response } = await entities('... on Citizen { dossiers(first: 101) { code } }', [{ __typename: 'Citizen', personalId: seeded[0]!.applicantId }]);
    expect(errorCodes(response.body)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('The subgraph schema', () => {
  test('declares its entities and extensions with their keys, and leaves fees to payments', async () => {
    const response = await postGraphQL<{ _service: { sdl: string } }>(subgraph.url, '{ _service { sdl } }');
    const sdl = response.body.data!._service.sdl;
    expect(sdl).toMatch(/type Dossier\s+@key\(fields: "code"\)/);
    expect(sdl).toMatch(/type Procedure\s+@key\(fields: "code"\)/);
    expect(sdl).toMatch(/type Citizen\s+@key\(fields: "personalId"\)/);
    expect(sdl).toMatch(/type CivilServant\s+@key\(fields: "personalId"\)/);
    expect(sdl).toMatch(/type Province\s+@key\(fields: "code"\)/);
    expect(sdl).not.toMatch(/^\s+fee\w*\s*[(:]/im);
  });
});
