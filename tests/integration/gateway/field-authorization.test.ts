import type { Scope } from '../../../lib/auth';
import { useFixtureGraph } from './fixtures/fixture-graph';
import type { ServedFixture } from './fixtures/serve-fixture';
import { postJson, type RawResponse } from './http-client';

const graph = useFixtureGraph();

const AN = '001090000001';
const PURPOSE = 'verifying a dossier';

/** Sends an operation for a caller with these scopes and a purpose (none when it is null). */
async function ask(query: string, scopes: Scope[], { purpose = PURPOSE as string | null, url = graph().gateway.url } = {}): Promise<RawResponse> {
  return postJson(url, { query }, await graph().headers({ scopes, purpose: purpose ?? undefined }));
}

/** The operations a fixture subgraph receives while `run` runs. */
async function receivedBy(fixture: ServedFixture, run: () => Promise<unknown>): Promise<string[]> {
  const before = fixture.received.length;
  await run();
  return fixture.received.slice(before).map((r) => r.query);
}

const unauthorized = (path: (string | number)[], coordinate: string, scope: string) => ({
  message: `Not allowed to read ${coordinate}: it needs scope ${scope}.`,
  path,
  extensions: { code: 'UNAUTHORIZED_FIELD_OR_TYPE' },
});

describe('Field authorization: fields outside the caller\'s scopes', () => {
  test('come back null with an error at their path, and no subgraph is asked for them', async () => {
    let response!: RawResponse;
    const sent = await receivedBy(graph().people, async () => {
      response = await ask(`{ citizen(personalId: "${AN}") { fullName phone } }`, ['residents:read']);
    });
    expect(response.status).toBe(200);
    expect(response.json).toEqual({
      data: { citizen: { fullName: 'Nguyễn Văn An', phone: null } },
      errors: [unauthorized(['citizen', 'phone'], 'Citizen.phone', 'residents:contact')],
    });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain('fullName');
    expect(sent[0]).not.toContain('phone');
  });

  test('a non-null field nulls its nearest nullable ancestor', async () => {
    const response = await ask(`{ citizen(personalId: "${AN}") { fullName religion } }`, ['residents:read']);
    expect(response.json).toEqual({ data: { citizen: null }, errors: [unauthorized(['citizen', 'religion'], 'Citizen.religion', 'residents:sensitive')] });
  });

  test('in a list of nullable items, every item becomes null and one error names the list path', async () => {
    const response = await ask('{ roster { fullName religion } }', ['residents:read']);
    expect(response.json).toEqual({ data: { roster: [null, null, null] }, errors: [unauthorized(['roster', '@', 'religion'], 'Citizen.religion', 'residents:sensitive')] });
  });

  test('when nothing on the way is nullable, data itself is null', async () => {
    const response = await ask('{ citizens { fullName religion } }', ['residents:read']);
    expect(response.json).toEqual({ data: null, errors: [unauthorized(['citizens', '@', 'religion'], 'Citizen.religion', 'residents:sensitive')] });
  });

  test('a field owned by another subgraph is not fetched at all: that subgraph receives nothing', async () => {
    let response!: RawResponse;
    const sent = await receivedBy(graph().jobs, async () => {
      response = await ask(`{ citizen(personalId: "${AN}") { fullName job { title } } }`, ['residents:read']);
    });
    expect(sent).toEqual([]);
    expect(response.json).toEqual({
      data: { citizen: { fullName: 'Nguyễn Văn An', job: null } },
      errors: [unauthorized(['citizen', 'job'], 'Citizen.job', 'civil-servants:read')],
    });
  });

  test('inside named and inline fragments, at each place they are spread', async () => {
    const query = `query Fragments {
      citizen(personalId: "${AN}") { ...Contact ... on Citizen { job { title } } }
      roster { ...Contact }
    }
    fragment Contact on Citizen { fullName phone }`;
    let response!: RawResponse;
    const sent = await receivedBy(graph().people, async () => {
      response = await ask(query, ['residents:read']);
    });
    expect(response.json).toEqual({
      data: {
        citizen: { fullName: 'Nguyễn Văn An', phone: null, job: null },
        roster: [
          { fullName: 'Nguyễn Văn An', phone: null },
          { fullName: 'Trần Thị Bình', phone: null },
          { fullName: 'Lê Minh Châu', phone: null },
        ],
      },
      errors: [
        unauthorized(['citizen', 'phone'], 'Citizen.phone', 'residents:contact'),
        unauthorized(['citizen', 'job'], 'Citizen.job', 'civil-servants:read'),
        unauthorized(['roster', '@', 'phone'], 'Citizen.phone', 'residents:contact'),
      ],
    });
    expect(sent.join('\n')).not.toMatch(/phone|job/);
  });

  test('an object whose every field is removed is asked for __typename alone, which the client never sees', async () => {
    let response!: RawResponse;
    const sent = await receivedBy(graph().people, async () => {
      response = await ask(`{ citizen(personalId: "${AN}") { phone } }`, ['residents:read']);
    });
    expect(sent).toEqual([`{citizen(personalId:"${AN}"){__typename}}`]);
    expect(response.json).toEqual({ data: { citizen: { phone: null } }, errors: [unauthorized(['citizen', 'phone'], 'Citizen.phone', 'residents:contact')] });
  });

  test('a type-level rule holds wherever the type is reached, even from a field without a rule of its own scopes', async () => {
    let response!: RawResponse;
    const sent = await receivedBy(graph().jobs, async () => {
      response = await ask('{ vacancies { title } }', []);
    });
    expect(sent).toEqual(['{vacancies{__typename}}']);
    expect(response.json).toEqual({ data: { vacancies: [{ title: null }] }, errors: [unauthorized(['vacancies', '@', 'title'], 'FixtureJob.title', 'civil-servants:read')] });
  });

  test('a variable left unused by the removal does not trouble the plan', async () => {
    const response = await postJson(
      graph().gateway.url,
      { query: 'query Lookup($id: PersonalId!) { citizen(personalId: $id) { fullName } provinces { code } }', variables: { id: AN } },
      await graph().headers({ scopes: [] }),
    );
    expect(response.json).toEqual({ data: { citizen: null, provinces: [{ code: '46' }] }, errors: [unauthorized(['citizen'], 'Query.citizen', 'residents:read')] });
  });

  test('a caller with the scopes gets the same operation whole', async () => {
    const response = await ask(`{ citizen(personalId: "${AN}") { phone religion job { title monthlySalary } } }`, [
      'residents:read',
      'residents:contact',
      'residents:sensitive',
      'civil-servants:read',
      'civil-servants:sensitive',
    ]);
    expect(response.json).toEqual({ data: { citizen: { phone: '0912000001', religion: 'Không', job: { title: 'Chuyên viên', monthlySalary: 9_360_000 } } } });
  });
});

describe('Field authorization: strict mode (AUTHZ_REJECT_UNAUTHORIZED=true)', () => {
  test('refuses the whole operation with 403 and the same errors, and asks no subgraph', async () => {
    const strict = await graph().startGateway({ rejectUnauthorized: true });
    try {
      let response!: RawResponse;
      const sent = await receivedBy(graph().people, async () => {
        response = await ask(`{ citizen(personalId: "${AN}") { fullName phone job { title } } }`, ['residents:read'], { url: strict.url });
      });
      expect(sent).toEqual([]);
      expect(response.status).toBe(403);
      expect(response.json).toEqual({
        errors: [unauthorized(['citizen', 'phone'], 'Citizen.phone', 'residents:contact'), unauthorized(['citizen', 'job'], 'Citizen.job', 'civil-servants:read')],
      });
      const allowed = await ask(`{ citizen(personalId: "${AN}") { fullName } }`, ['residents:read'], { url: strict.url });
      expect(allowed.json).toEqual({ data: { citizen: { fullName: 'Nguyễn Văn An' } } });
    } finally {
      await strict.close();
    }
  });
});

describe('Field authorization: purpose of access', () => {
  test('personal data without a purpose is refused whole with 403 PURPOSE_REQUIRED', async () => {
    let response!: RawResponse;
    const sent = await receivedBy(graph().people, async () => {
      response = await ask(`{ citizen(personalId: "${AN}") { fullName } }`, ['residents:read'], { purpose: null });
    });
    expect(sent).toEqual([]);
    expect(response.status).toBe(403);
    expect(response.json).toEqual({
      errors: [
        {
          message: 'Query.citizen is personal data: state the purpose of access in the x-purpose header or the token\'s purpose claim.',
          extensions: { code: 'PURPOSE_REQUIRED' },
        },
      ],
    });
  });

  test('a purpose in the x-purpose header is enough', async () => {
    const headers = { ...(await graph().headers({ scopes: ['residents:read'] })), 'x-purpose': 'verifying a dossier' };
    const response = await postJson(graph().gateway.url, { query: `{ citizen(personalId: "${AN}") { fullName } }` }, headers);
    expect(response.json).toEqual({ data: { citizen: { fullName: 'Nguyễn Văn An' } } });
  });

  test('aggregates need no purpose', async () => {
    const response = await ask('{ provinces { code population } }', ['population:aggregate'], { purpose: null });
    expect(response.json).toEqual({ data: { provinces: [{ code: '46', population: 1_200_000 }] } });
  });

  test('personal data that was removed for scopes needs no purpose: it is not read', async () => {
    const response = await ask('{ provinces { code } roster { fullName } }', [], { purpose: null });
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ data: { provinces: [{ code: '46' }], roster: null }, errors: [unauthorized(['roster'], 'Query.roster', 'residents:read')] });
  });
});

describe('Field authorization: decisions are cached', () => {
  test('a second identical request with the same scopes is not walked again, and is filtered the same', async () => {
    const query = `query Cached { citizen(personalId: "${AN}") { fullName phone } }`;
    const first = await ask(query, ['residents:read']);
    const walks = graph().gateway.accessDecisionWalks;
    const second = await ask(query, ['residents:read']);
    expect(graph().gateway.accessDecisionWalks).toBe(walks);
    expect(second.json).toEqual(first.json);
    // Same text, other scopes: a decision of its own, and a query plan of its own (plans are cached per filtered document).
    const whole = await ask(query, ['residents:read', 'residents:contact']);
    expect(graph().gateway.accessDecisionWalks).toBe(walks + 1);
    expect(whole.json).toEqual({ data: { citizen: { fullName: 'Nguyễn Văn An', phone: '0912000001' } } });
  });
});
