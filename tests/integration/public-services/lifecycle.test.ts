import { EVERYTHING_CALLER } from '../../support/test-identity';
import { addWorkingDays, parseDossierCode } from '../../../lib/domain';
import { formatVietnamTime } from '../../../lib/graphql/scalars';
import { postGraphQL } from '../../support/graphql-client';
import { errorCodes } from '../../support/response-checks';
import type { PublicServicesTables } from '../../../subgraphs/public-services/data/tables';
import { subgraphOf, useTestGraph } from '../../support/test-graph';
import { seededDossiers } from './fixtures';

// The whole graph: a submission checks its applicant through the gateway.
const subgraph = subgraphOf<PublicServicesTables>(useTestGraph(), 'public-services');

/** A resident of Huế (every seeded dossier is filed where its applicant lives). */
const APPLICANT = seededDossiers().find((d) => d.provinceCode === '46')!.applicantId;

const FIELDS = 'code status statusCode channel communeCode submittedAt dueAt completedAt overdue handler { personalId } allowedActions history { action fromStatus toStatus actorId note }';

const SUBMIT = `mutation ($input: SubmitDossierInput!) { submitDossier(input: $input) { ${FIELDS} } }`;
const TRANSITION = `mutation ($code: ID!, $action: DossierAction!, $note: String) { transitionDossier(code: $code, action: $action, note: $note) { ${FIELDS} } }`;

interface DossierData {
  code: string;
  status: string;
  submittedAt: string;
  dueAt: string;
  completedAt: string | null;
  history: { action: string; fromStatus: string | null; toStatus: string }[];
}

const mutate = <T = Record<string, unknown>>(text: string, variables: Record<string, unknown>) => postGraphQL<T>(subgraph.url, text, variables);

async function submit(input: Record<string, unknown> = {}): Promise<DossierData> {
  const response = await mutate<{ submitDossier: DossierData }>(SUBMIT, {
    input: { procedureCode: 'DVC02', applicantId: APPLICANT, provinceCode: '46', channel: 'ONLINE', ...input },
  });
  expect(response.body.errors).toBeUndefined();
  return response.body.data!.submitDossier;
}

const transition = (code: string, action: string, note?: string) => mutate<{ transitionDossier: DossierData }>(TRANSITION, { code, action, note });

/** What the database holds for a dossier: its status and how many history rows it has. */
async function stored(code: string) {
  const dossier = await subgraph.db.kysely.selectFrom('dossiers').select(['status', 'completed_at']).where('code', '=', code).executeTakeFirst();
  const events = await subgraph.db.kysely.selectFrom('dossier_events').select(['action']).where('dossier_code', '=', code).orderBy('id').execute();
  return { status: dossier?.status, completedAt: dossier?.completed_at, actions: events.map((e) => e.action) };
}

describe('Submitting a dossier', () => {
  test('files it as NEW with a SUBMIT event, a new-series code and a due date in working days', async () => {
    const before = Date.now();
    const dossier = await submit({ communeCode: null, channel: 'POSTAL' });
    const submittedAt = new Date(dossier.submittedAt);
    expect(submittedAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(parseDossierCode(dossier.code)).toEqual({ provinceCode: '46', procedureCode: 'DVC02', day: expect.stringMatching(/^\d{6}$/), serial: expect.stringMatching(/^9\d{6}$/) });
    expect(dossier).toEqual({
      code: dossier.code,
      status: 'NEW',
      statusCode: 1,
      channel: 'POSTAL',
      communeCode: null,
      submittedAt: dossier.submittedAt,
      dueAt: formatVietnamTime(addWorkingDays(submittedAt, 7)),
      completedAt: null,
      overdue: false,
      handler: null,
      allowedActions: ['RECEIVE', 'REJECT', 'WITHDRAW'],
      history: [{ action: 'SUBMIT', fromStatus: null, toStatus: 'NEW', actorId: EVERYTHING_CALLER.subject, note: null }],
    });
  });

  test('numbers submitted dossiers one after another', async () => {
    const first = parseDossierCode((await submit()).code)!;
    const second = parseDossierCode((await submit()).code)!;
    expect(Number(second.serial)).toBe(Number(first.serial) + 1);
  });

  test('records a commune of the province it is filed in, and refuses one from elsewhere', async () => {
    const dossier = await submit({ provinceCode: '01', communeCode: '00001' });
    expect(dossier).toMatchObject({ communeCode: '00001' });
    const response = await mutate(SUBMIT, { input: { procedureCode: 'DVC02', applicantId: APPLICANT, provinceCode: '46', communeCode: '00001', channel: 'ONLINE' } });
    expect(errorCodes(response.body)).toEqual(['BAD_USER_INPUT']);
  });

  test.each([
    ['an unknown procedure', { procedureCode: 'DVC99' }, 'UNKNOWN_PROCEDURE'],
    ['a malformed personal ID', { applicantId: '00119800000' }, 'INVALID_PERSONAL_ID'],
    ['a personal ID of an unknown birth province', { applicantId: '999198000001' }, 'INVALID_PERSONAL_ID'],
    ['an unknown province', { provinceCode: '03' }, 'UNKNOWN_PROVINCE'],
  ])('refuses %s and writes nothing', async (_what, input, code) => {
    const count = async () => Number((await subgraph.db.pool.query('SELECT count(*) AS n FROM dossiers')).rows[0].n);
    const before = await count();
    const response = await mutate(SUBMIT, { input: { procedureCode: 'DVC02', applicantId: APPLICANT, provinceCode: '46', channel: 'ONLINE', ...input } });
    expect(response.body.data?.submitDossier ?? null).toBeNull();
    expect(errorCodes(response.body)).toEqual([code]);
    expect(await count()).toBe(before);
  });

  test('refuses a malformed personal ID written into the operation as INVALID_PERSONAL_ID', async () => {
    const response = await postGraphQL(
      subgraph.url,
      'mutation { submitDossier(input: { procedureCode: "DVC02", applicantId: "abc", provinceCode: "46", channel: ONLINE }) { code } }',
    );
    expect(errorCodes(response.body)).toEqual(['INVALID_PERSONAL_ID']);
  });
});

describe('Moving a dossier through its lifecycle', () => {
  test('takes a fee-charging dossier to RESULT_RETURNED and records every move in order', async () => {
    const { code } = await submit();
    const moves: [string, string | undefined][] = [
      ['RECEIVE', undefined],
      ['START_PROCESSING', undefined],
      ['REQUEST_DOCUMENTS', 'Ảnh chân dung chưa đúng quy cách'],
      ['SUPPLEMENT_DOCUMENTS', undefined],
      ['REQUEST_PAYMENT', undefined],
      ['CONFIRM_PAYMENT', undefined],
      ['COMPLETE', undefined],
      ['RETURN_RESULT', 'Trả kết quả qua bưu điện'],
    ];
    let last: DossierData | undefined;
    for (const [action, note] of moves) {
      const response = await transition(code, action, note);
      expect(response.body.errors).toBeUndefined();
      last = response.body.data!.transitionDossier;
    }
    expect(last).toMatchObject({ status: 'RESULT_RETURNED', statusCode: 10, allowedActions: [], overdue: false, completedAt: expect.any(String) });
    expect(last!.history).toEqual([
      { action: 'SUBMIT', fromStatus: null, toStatus: 'NEW', actorId: EVERYTHING_CALLER.subject, note: null },
      { action: 'RECEIVE', fromStatus: 'NEW', toStatus: 'RECEIVED', actorId: EVERYTHING_CALLER.subject, note: null },
      { action: 'START_PROCESSING', fromStatus: 'RECEIVED', toStatus: 'PROCESSING', actorId: EVERYTHING_CALLER.subject, note: null },
      { action: 'REQUEST_DOCUMENTS', fromStatus: 'PROCESSING', toStatus: 'ADDITIONAL_DOCUMENTS_REQUESTED', actorId: EVERYTHING_CALLER.subject, note: 'Ảnh chân dung chưa đúng quy cách' },
      { action: 'SUPPLEMENT_DOCUMENTS', fromStatus: 'ADDITIONAL_DOCUMENTS_REQUESTED', toStatus: 'PROCESSING', actorId: EVERYTHING_CALLER.subject, note: null },
      { action: 'REQUEST_PAYMENT', fromStatus: 'PROCESSING', toStatus: 'PAYMENT_REQUESTED', actorId: EVERYTHING_CALLER.subject, note: null },
      { action: 'CONFIRM_PAYMENT', fromStatus: 'PAYMENT_REQUESTED', toStatus: 'PROCESSING', actorId: EVERYTHING_CALLER.subject, note: null },
      { action: 'COMPLETE', fromStatus: 'PROCESSING', toStatus: 'COMPLETED', actorId: EVERYTHING_CALLER.subject, note: null },
      { action: 'RETURN_RESULT', fromStatus: 'COMPLETED', toStatus: 'RESULT_RETURNED', actorId: EVERYTHING_CALLER.subject, note: 'Trả kết quả qua bưu điện' },
    ]);
    const history = await postGraphQL<{ dossier: { history: { at: string }[]; completedAt: string } }>(
      subgraph.url,
      'query ($code: ID!) { dossier(code: $code) { completedAt history { at } } }',
      { code },
    );
    const times = history.body.data!.dossier.history.map((h) => Date.parse(h.at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(history.body.data!.dossier.completedAt).toBe(history.body.data!.dossier.history[7]!.at);
  });

  test('refuses an invalid move with INVALID_TRANSITION naming the status and allowed actions, and writes nothing', async () => {
    const { code } = await submit();
    await transition(code, 'RECEIVE');
    const before = await stored(code);
    const response = await transition(code, 'COMPLETE');
    expect(response.body).toEqual({
      data: { transitionDossier: null },
      errors: [
        {
          message: `Dossier ${code} is RECEIVED, so COMPLETE is not allowed (allowed actions: REJECT, START_PROCESSING, WITHDRAW).`,
          locations: expect.any(Array),
          path: ['transitionDossier'],
          extensions: { code: 'INVALID_TRANSITION', status: 'RECEIVED', allowedActions: ['REJECT', 'START_PROCESSING', 'WITHDRAW'] },
        },
      ],
    });
    expect(await stored(code)).toEqual(before);
    expect(before).toEqual({ status: 2, completedAt: null, actions: ['SUBMIT', 'RECEIVE'] });
  });

  test('refuses any move from a final status', async () => {
    const { code } = await submit();
    await transition(code, 'WITHDRAW');
    const response = await transition(code, 'RECEIVE');
    expect(errorCodes(response.body)).toEqual(['INVALID_TRANSITION']);
    expect(response.body.errors![0]!.message).toBe(`Dossier ${code} is WITHDRAWN, so RECEIVE is not allowed (it is final and allows no actions).`);
  });

  test('answers NOT_FOUND for an unknown dossier', async () => {
    const response = await transition('46-DVC02-260101-000000', 'RECEIVE');
    expect(response.body).toEqual({
      data: { transitionDossier: null },
      errors: [{ message: 'No dossier with key 46-DVC02-260101-000000.', locations: expect.any(Array), path: ['transitionDossier'], extensions: { code: 'NOT_FOUND' } }],
    });
  });

  test('refuses a note longer than 2,000 characters', async () => {
    const { code } = await submit();
    const response = await transition(code, 'RECEIVE', 'x'.repeat(2001));
    expect(errorCodes(response.body)).toEqual(['BAD_USER_INPUT']);
    expect((await stored(code)).actions).toEqual(['SUBMIT']);
  });

  test('serializes concurrent moves: of ten simultaneous RECEIVEs exactly one succeeds', async () => {
    const { code } = await submit();
    const responses = await Promise.all(Array.from({ length: 10 }, () => transition(code, 'RECEIVE')));
    const succeeded = responses.filter((r) => r.body.data?.transitionDossier);
    const refused = responses.flatMap((r) => errorCodes(r.body));
    expect(succeeded).toHaveLength(1);
    expect(refused).toEqual(Array.from({ length: 9 }, () => 'INVALID_TRANSITION'));
    expect(await stored(code)).toEqual({ status: 2, completedAt: null, actions: ['SUBMIT', 'RECEIVE'] });
  });
});
