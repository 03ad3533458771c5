import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { getNamedType, isLeafType, isNonNullType, isObjectType, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { secureSupergraph } from '../../gateway/access/supergraph-security';
import { SCOPES } from '../../lib/auth';
import { personalIdsIn } from '../../lib/subgraph';
import { postGraphQL, type GraphQLResponse } from '../support/graphql-client';
import { startTestGraph, type TestGraph } from '../support/test-graph';

/**
 * Every citizen whose personal ID leaves the gateway is named in the audit record of that
 * request. The paths are generated from the committed supergraph: every field that returns an
 * object is reached once (from a page of citizens, dossiers, payments or audit records where it
 * can be, so some object on the way has data), and every field of what it returns that can hold
 * a personal ID — PersonalId, String and ID fields, cursors — is asked alone, so nothing else in
 * the answer names the citizen in its place. A field added to the graph is covered without
 * anyone listing it here.
 */
const SUPERGRAPH = readFileSync(path.resolve(__dirname, '../../schema/supergraph.graphql'), 'utf8');
const api: GraphQLSchema = Supergraph.build(secureSupergraph(SUPERGRAPH).executableSdl, { supportedFeatures: null }).apiSchema().toGraphQLJSSchema();

const PAGE = 40;
const ids: Record<string, string> = {};

/** Root fields that return many objects, with their arguments; walked first. */
const LIST_ROOTS: Record<string, () => string> = {
  citizens: () => `(first: ${PAGE})`,
  dossiers: () => `(first: ${PAGE})`,
  payments: () => `(first: ${PAGE})`,
  // Reads by citizens: their reader is a personal ID too.
  auditLog: () => `(first: ${PAGE}, filter: { role: "citizen" })`,
  provinces: () => '',
  agencies: () => '(provinceCode: "46")',
  procedures: () => '',
};

/** Root fields that return one object, asked by a key the seeded graph holds. */
const SINGLE_ROOTS: Record<string, () => string> = {
  citizen: () => `(personalId: "${ids.citizen}")`,
  civilServant: () => `(personalId: "${ids.servant}")`,
  household: () => `(id: "${ids.household}")`,
  dossier: () => `(code: "${ids.dossier}")`,
  payment: () => `(id: "${ids.payment}")`,
  province: () => '(code: "46")',
  agency: () => '(code: "46.SNV")',
  procedure: () => '(code: "DVC02")',
};

/** Roots whose key is a personal ID: even `{ __typename }` tells that the person exists. */
const PERSON_ROOTS = ['citizen', 'civilServant'];

const TEXT_SCALARS = new Set(['String', 'ID', 'PersonalId']);

interface Edge {
  root: string;
  /** Fields after the root, the last one returning `target`. */
  path: string[];
  target: GraphQLObjectType;
}

const queryFields = api.getQueryType()!.getFields();
const askable = (type: GraphQLObjectType) => Object.values(type.getFields()).filter((f) => !f.args.some((a) => isNonNullType(a.type)));

/** One path to every field that returns an object: breadth first, each type's fields walked from the first path that reaches it. */
function edgesFrom(roots: string[], walked: Set<string>): Edge[] {
  const edges: Edge[] = [];
  const queue: Edge[] = [];
  for (const root of roots) {
    const target = getNamedType(queryFields[root]!.type);
    if (!isObjectType(target)) continue;
    edges.push({ root, path: [], target });
    queue.push({ root, path: [], target });
  }
  for (let next = queue.shift(); next; next = queue.shift()) {
    if (walked.has(next.target.name)) continue;
    walked.add(next.target.name);
    for (const field of askable(next.target)) {
      const target = getNamedType(field.type);
      if (!isObjectType(target)) continue;
      const edge = { root: next.root, path: [...next.path, field.name], target };
      edges.push(edge);
      queue.push(edge);
    }
  }
  return edges;
}

const walked = new Set<string>();
const EDGES = [...edgesFrom(Object.keys(LIST_ROOTS), walked), ...edgesFrom(Object.keys(SINGLE_ROOTS), walked)];

interface Case {
  name: string;
  query: () => string;
  /** The personal ID a root was asked by, which a non-null answer confirms. */
  askedFor?: () => string;
}

const nest = (fields: string[], leaf: string): string => fields.reduceRight((inner, field) => `${field} { ${inner} }`, leaf);
const rootArgs = (root: string) => (LIST_ROOTS[root] ?? SINGLE_ROOTS[root]!)();

const CASES: Case[] = [
  ...EDGES.flatMap(({ root, path: fields, target }) =>
    askable(target)
      .filter((field) => isLeafType(getNamedType(field.type)) && TEXT_SCALARS.has(getNamedType(field.type).name))
      .map((field) => ({
        name: `${[root, ...fields].join('.')} { ${field.name} }`,
        query: () => `{ ${root}${rootArgs(root)} { ${nest(fields, field.name)} } }`,
      })),
  ),
  ...PERSON_ROOTS.map((root) => ({
    name: `${root} { __typename }`,
    query: () => `{ ${root}${rootArgs(root)} { __typename } }`,
    askedFor: () => (root === 'citizen' ? ids.citizen! : ids.servant!),
  })),
];

/** Every personal ID an answer's data carries: in any string, and inside cursors once decoded. */
function personalIdsInData(value: unknown, found = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    for (const id of personalIdsIn(value)) found.add(id);
    for (const id of personalIdsIn(Buffer.from(value, 'base64url').toString('utf8'))) found.add(id);
  } else if (Array.isArray(value)) {
    for (const item of value) personalIdsInData(item, found);
  } else if (value && typeof value === 'object') {
    for (const item of Object.values(value)) personalIdsInData(item, found);
  }
  return found;
}

let graph: TestGraph;
let everything: string;

async function namedInAudit(requestId: string): Promise<Set<string>> {
  const { rows } = await graph.subgraphs.audit!.db.pool.query<{ citizens: string[] }>('SELECT citizens FROM audit_log WHERE request_id = $1', [requestId]);
  return new Set(rows.flatMap((row) => row.citizens));
}

beforeAll(async () => {
  graph = await startTestGraph(2_000);
  const one = async (subgraph: string, sql: string) => Object.values((await graph.subgraphs[subgraph]!.db.pool.query(sql)).rows[0] as object)[0] as string;
  ids.citizen = await one('residents', 'SELECT personal_id FROM citizens WHERE father_id IS NOT NULL ORDER BY personal_id LIMIT 1');
  ids.servant = await one('civil-servants', 'SELECT personal_id FROM civil_servants ORDER BY personal_id LIMIT 1');
  ids.household = await one('residents', 'SELECT household_id FROM citizens GROUP BY household_id HAVING count(*) > 2 ORDER BY household_id LIMIT 1');
  ids.dossier = await one('public-services', 'SELECT code FROM dossiers WHERE handler_id IS NOT NULL ORDER BY code LIMIT 1');
  ids.payment = await one('payments', 'SELECT id::text FROM payments ORDER BY id LIMIT 1');
  everything = await graph.token({ role: 'auditor', scopes: Object.keys(SCOPES), purpose: 'kiểm tra nhật ký truy cập' });
  // A citizen's read that names nobody else: the audit log then holds a record whose reader is a personal ID.
  const citizen = await graph.token({ role: 'citizen', subject: ids.citizen, purpose: 'Tra cứu' });
  await graph.query(`{ citizen(personalId: "${ids.servant}") { fullName } }`, {}, citizen);
});
afterAll(() => graph.stop());

/** Paths the issue found letting personal IDs out without naming them, and their neighbours. */
const KNOWN_CARRIERS = [
  'citizens.edges { cursor }',
  'citizens.pageInfo { endCursor }',
  'dossiers.edges.node.handler { personalId }',
  'dossiers.edges.node.history { actorId }',
  'dossiers.edges.node.applicant { personalId }',
  'citizens.edges.node.household.members { personalId }',
  'citizens.edges.node.father { personalId }',
  'payments.edges.node.payer { personalId }',
  'auditLog.edges.node { subject }',
  'citizen { __typename }',
  'civilServant { __typename }',
];

/** The cases whose answer did carry a personal ID: the test is not empty where it matters. */
const carried = new Set<string>();

it('walks every root field, and reaches the paths the issue found leaking', () => {
  expect(Object.keys(queryFields).sort()).toEqual([...Object.keys(LIST_ROOTS), ...Object.keys(SINGLE_ROOTS)].sort());
  expect(CASES.map((c) => c.name)).toEqual(expect.arrayContaining([...KNOWN_CARRIERS, 'dossiers.edges { cursor }']));
});

it.each(CASES.map((c) => [c.name, c] as const))('names in the audit record every personal ID that %s lets out', async (_name, c) => {
  const requestId = `names-${randomUUID()}`;
  const response: GraphQLResponse = await postGraphQL(graph.url, c.query(), {}, { authorization: `Bearer ${everything}`, 'x-request-id': requestId });
  expect(response.body.errors).toBeUndefined();
  const out = personalIdsInData(response.body.data);
  const root = Object.values(response.body.data ?? {})[0];
  if (c.askedFor && root) out.add(c.askedFor());
  const named = await namedInAudit(requestId);
  expect([...out].filter((id) => !named.has(id)).sort()).toEqual([]);
  if (out.size > 0) carried.add(c.name);
});

it('found personal IDs in the answers of the paths the issue found leaking', () => {
  expect([...carried]).toEqual(expect.arrayContaining(KNOWN_CARRIERS));
});
