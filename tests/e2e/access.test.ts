import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { generateKeyPairSync } from 'node:crypto';
import { getNamedType, isNonNullType, isObjectType, type GraphQLField, type GraphQLSchema } from 'graphql';
import { SignJWT } from 'jose';
import { secureSupergraph } from '../../gateway/access/supergraph-security';
import { SCOPES, type FieldRule, type Role, type Scope } from '../../lib/auth';
import { postGraphQL, type GraphQLResponse } from '../support/graphql-client';
import { startTestGraph, type TestGraph } from '../support/test-graph';

/**
 * Every field the graph protects, asked through the gateway by each kind of caller the access
 * model distinguishes, asserting the whole response each time. Rules come from the committed
 * supergraph, so a field added with a rule is tested without anyone listing it here.
 */
const SUPERGRAPH = readFileSync(path.resolve(__dirname, '../../schema/supergraph.graphql'), 'utf8');
const { rules, executableSdl } = secureSupergraph(SUPERGRAPH);
const api: GraphQLSchema = Supergraph.build(executableSdl, { supportedFeatures: null }).apiSchema().toGraphQLJSSchema();
const ALL_SCOPES = Object.keys(SCOPES) as Scope[];
const HUE = '46';
const HA_NOI = '01';

let graph: TestGraph;
const ids: Record<string, string> = {};

/** How a query reaches an object of each type: the root field and its arguments. */
const ENTRY: Record<string, () => { field: string; args: string }> = {
  Citizen: () => ({ field: 'citizen', args: `(personalId: "${ids.citizen}")` }),
  Household: () => ({ field: 'household', args: `(id: "${ids.household}")` }),
  Province: () => ({ field: 'province', args: `(code: "${HUE}")` }),
  CivilServant: () => ({ field: 'civilServant', args: `(personalId: "${ids.servant}")` }),
  Agency: () => ({ field: 'agency', args: `(code: "${HUE}.SNV")` }),
  Procedure: () => ({ field: 'procedure', args: '(code: "DVC02")' }),
  Dossier: () => ({ field: 'dossier', args: `(code: "${ids.dossier}")` }),
  Payment: () => ({ field: 'payment', args: `(id: "${ids.payment}")` }),
};

/** Rows that belong to a province (a caller of another province must not see them). */
const JURISDICTIONAL = new Set(['Citizen', 'Household', 'CivilServant', 'Dossier', 'Payment']);
const AGGREGATES = new Set(['Province.population', 'Province.staffing', 'Province.dossierStatistics', 'Province.paymentStatistics', 'Agency.civilServantCount']);

/** Where the first scope alternative is not the caller who should see the data. */
const RIGHT_CALLER: Record<string, () => Promise<string>> = {
  // `audit:self` is a citizen reading their own log; an officer holding it sees nothing.
  'Citizen.accessLog': () => graph.token({ role: 'citizen', subject: ids.citizen, purpose: 'Xem ai đã truy cập dữ liệu của tôi' }),
};

/** The access log is live: the all-scope read of this citizen was itself recorded before the next read. */
function withOneMoreAccessRecord(response: GraphQLResponse): GraphQLResponse {
  const log = (response.body.data as { citizen: { accessLog: unknown[] } }).citizen.accessLog;
  return { ...response, body: { data: { citizen: { accessLog: [{ __typename: 'AccessRecord' }, ...log] } } } };
}

interface Case {
  coordinate: string;
  rule: FieldRule;
  entryRule: FieldRule | undefined;
  query: () => string;
  /** Response path of the root field and of the tested field. */
  entryPath: string[];
  fieldPath: string[];
  fieldNullable: boolean;
}

const selectionFor = (field: GraphQLField<unknown, unknown>) => (isObjectType(getNamedType(field.type)) ? ' { __typename }' : '');

function caseFor(coordinate: string, rule: FieldRule): Case | null {
  const [typeName, fieldName] = coordinate.split('.') as [string, string];
  const type = api.getType(typeName);
  if (!isObjectType(type) || !ENTRY[typeName]) return null;
  const field = type.getFields()[fieldName];
  if (!field || field.args.some((a) => isNonNullType(a.type))) return null;
  const entry = ENTRY[typeName]!();
  return {
    coordinate,
    rule,
    entryRule: rules.get(`Query.${entry.field}`),
    // Built when asked: the IDs it names are looked up once the graph is running.
    query: () => {
      const { field: root, args } = ENTRY[typeName]!();
      return `{ ${root}${args} { ${fieldName}${selectionFor(field)} } }`;
    },
    entryPath: [entry.field],
    fieldPath: [entry.field, fieldName],
    fieldNullable: !isNonNullType(field.type),
  };
}

const CASES: Case[] = [...rules].flatMap(([coordinate, rule]) => caseFor(coordinate, rule) ?? []);
const scopesOf = (rule: FieldRule | undefined): Scope[] => [...new Set((rule?.scopeSets ?? []).flatMap((alternatives) => alternatives[0] ?? []))] as Scope[];
const mentioned = (rule: FieldRule): Set<string> => new Set(rule.scopeSets.flat(2));

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const ask = (c: Case, headers: Record<string, string>) => postGraphQL(graph.url, c.query(), {}, headers);
const token = (role: Role, scopes: readonly string[], province?: string) =>
  graph.token({ role, scopes: [...scopes], province, purpose: 'kiểm thử phân quyền' });

const UNAUTHENTICATED = { status: 401, body: { errors: [{ message: expect.stringMatching(/^Not authenticated: /), extensions: { code: 'UNAUTHENTICATED' } }] } };

/** Tokens that must all be refused before anything runs. */
async function badTokens(): Promise<Record<string, Record<string, string>>> {
  const good = await token('auditor', ALL_SCOPES);
  const [header, payload] = good.split('.');
  const expired = await graph.token({ role: 'auditor', scopes: ALL_SCOPES, purpose: 'x', ttlSeconds: -120 });
  const wrongAudience = await graph.token({ role: 'auditor', scopes: ALL_SCOPES, purpose: 'x', audience: 'some-other-service' });
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const foreignKey = await new SignJWT({ role: 'auditor', scope: ALL_SCOPES.join(' ') })
    .setProtectedHeader({ alg: 'ES256', kid: JSON.parse(Buffer.from(header!, 'base64url').toString()).kid })
    .setIssuer('urn:lienthong:dev-issuer')
    .setAudience('lienthong')
    .setSubject('intruder')
    .setExpirationTime('5m')
    .sign(privateKey);
  const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${payload}.`;
  return {
    'no token': {},
    'an expired token': bearer(expired),
    'a token with a bad signature': bearer(foreignKey),
    'an alg: none token': bearer(none),
    'a token for another audience': bearer(wrongAudience),
  };
}

beforeAll(async () => {
  graph = await startTestGraph(3_000);
  const one = async (subgraph: string, sql: string) => Object.values((await graph.subgraphs[subgraph]!.db.pool.query(sql, [HUE])).rows[0] as object)[0] as string;
  ids.citizen = await one('residents', 'SELECT personal_id FROM citizens WHERE province_code = $1 AND death_date IS NULL ORDER BY personal_id LIMIT 1');
  ids.household = await one('residents', 'SELECT household_id FROM citizens WHERE province_code = $1 ORDER BY personal_id LIMIT 1');
  ids.servant = await one('civil-servants', 'SELECT personal_id FROM civil_servants WHERE province_code = $1 ORDER BY personal_id LIMIT 1');
  ids.dossier = await one('public-services', 'SELECT code FROM dossiers WHERE province_code = $1 ORDER BY code LIMIT 1');
  ids.payment = await one('payments', 'SELECT id::text FROM payments WHERE province_code = $1 ORDER BY id LIMIT 1');
});
afterAll(() => graph.stop());

it('covers every protected field of every entity the graph serves', () => {
  expect(CASES.length).toBeGreaterThan(100);
  const covered = new Set(CASES.map((c) => c.coordinate.split('.')[0]));
  expect([...covered].sort()).toEqual(Object.keys(ENTRY).sort());
});

describe.each(CASES.map((c) => [c.coordinate, c] as const))('%s', (_coordinate, c) => {
  let everything: GraphQLResponse;

  beforeAll(async () => {
    everything = await ask(c, bearer(await token('auditor', ALL_SCOPES)));
  });

  it('is refused with 401 and no data for a missing or bad token, whatever the field', async () => {
    for (const [, headers] of Object.entries(await badTokens())) {
      expect(await ask(c, headers)).toEqual(UNAUTHENTICATED);
    }
  });

  it('gives the right caller exactly the data', async () => {
    expect(everything.body.errors).toBeUndefined();
    const right = await ask(c, bearer(await (RIGHT_CALLER[c.coordinate]?.() ?? token('auditor', [...scopesOf(c.entryRule), ...scopesOf(c.rule)]))));
    expect(right).toEqual(c.coordinate === 'Citizen.accessLog' ? withOneMoreAccessRecord(everything) : everything);
  });

  if (c.rule.scopeSets.length > 0) {
    it('is removed, with null and UNAUTHORIZED_FIELD_OR_TYPE at its path, for a caller without its scope', async () => {
      const lacking = ALL_SCOPES.filter((s) => !mentioned(c.rule).has(s));
      const entryRefused = c.entryRule ? !c.entryRule.scopeSets.every((alts) => alts.some((all) => all.every((s) => lacking.includes(s as Scope)))) : false;
      const removedPath = entryRefused ? c.entryPath : c.fieldPath;
      const entryNullable = !isNonNullType(api.getQueryType()!.getFields()[c.entryPath[0]!]!.type);
      const data = entryRefused || !c.fieldNullable ? (entryNullable ? { [c.entryPath[0]!]: null } : null) : { [c.entryPath[0]!]: { [c.fieldPath[1]!]: null } };
      const response = await ask(c, bearer(await token('auditor', lacking)));
      expect(response).toEqual({
        status: 200,
        body: { data, errors: [{ message: expect.any(String), path: removedPath, extensions: { code: 'UNAUTHORIZED_FIELD_OR_TYPE' } }] },
      });
    });
  }

  const [typeName] = c.coordinate.split('.') as [string];
  if (JURISDICTIONAL.has(typeName) || AGGREGATES.has(c.coordinate)) {
    it('looks missing (or FORBIDDEN for indicators) to a caller of another province', async () => {
      const response = await ask(c, bearer(await token('province-officer', ALL_SCOPES, HA_NOI)));
      const expected = AGGREGATES.has(c.coordinate)
        ? { data: { [c.entryPath[0]!]: { [c.fieldPath[1]!]: null } }, errors: [{ message: `Province ${HUE} is outside your jurisdiction.`, path: c.fieldPath, extensions: { code: 'FORBIDDEN' } }] }
        : { data: { [c.entryPath[0]!]: null }, errors: [{ message: expect.any(String), path: c.entryPath, extensions: { code: 'NOT_FOUND' } }] };
      expect(response).toEqual({ status: 200, body: expected });
    });
  }
});
