import { composeServices } from '@apollo/composition';
import { Supergraph } from '@apollo/federation-internals';
import { getOperationAST, parse, type GraphQLSchema } from 'graphql';
import { actualCost } from '../../../gateway/cost/actual-cost';
import { readCostModel, type CostModel } from '../../../gateway/cost/cost-model';
import { staticCost } from '../../../gateway/cost/static-cost';
import { cost, listSize, PAGE_OF_EDGES } from '../../../lib/federation';

const SDL = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@cost", "@listSize"])
type Query {
  person(id: ID!): Person
  people(first: Int, after: String): PersonConnection! ${PAGE_OF_EDGES}
  provinces: [Province!]! ${listSize({ assumedSize: 34 })}
  tags: [String!]!
  search(text: String ${cost(5)}): [Person!]!
}
type Mutation { rename(id: ID!, name: String!): Person }
type PersonConnection { edges: [PersonEdge!]! }
type PersonEdge { node: Person! cursor: String! }
type Person @key(fields: "id") { id: ID! name: String! friends(first: Int): [Person!]! ${listSize({ assumedSize: 5, slicingArguments: ['first'] })} }
type Province @key(fields: "code") { code: ID! statistics: Int ${cost(10)} }`;

let schema: GraphQLSchema;
let model: CostModel;

beforeAll(() => {
  const composed = composeServices([{ name: 'people', url: 'http://people.invalid/graphql', typeDefs: parse(SDL) }]);
  if (!composed.supergraphSdl) throw new Error(composed.errors?.map((e) => e.message).join('\n'));
  schema = Supergraph.build(composed.supergraphSdl).apiSchema().toGraphQLJSSchema();
  model = readCostModel(composed.supergraphSdl);
});

const estimate = (query: string, variables: Record<string, unknown> = {}, defaultListSize = 10) => {
  const document = parse(query);
  return staticCost({ schema, model, document, operation: getOperationAST(document)!, variables, defaultListSize });
};

describe('Demand control: the estimated cost of an operation', () => {
  test.each([
    ['an object costs 1 and its scalars nothing', '{ person(id: "1") { id name } }', 1],
    ['a list without @listSize holds the default size', '{ tags }', 0],
    ['a list of objects is its items times their cost', '{ search { name } }', 10],
    ['an argument with @cost adds its weight when it is given', '{ search(text: "An") { name } }', 10 + 5],
    ['@listSize(assumedSize:) sizes a list', '{ provinces { code } }', 34],
    ['@cost on a field replaces its type\'s weight, per item of the list it is in', '{ provinces { statistics } }', 34 + 34 * 10],
    ['the slicing argument sizes a list over its assumed size', '{ person(id: "1") { friends(first: 50) { name } } }', 1 + 50],
    ['without a slicing argument the assumed size holds', '{ person(id: "1") { friends { name } } }', 1 + 5],
    ['a connection\'s `first` sizes its edges, not the connection', '{ people(first: 3) { edges { node { name } } } }', 1 + 3 * (1 + 1)],
    ['a connection without `first` takes its assumed page', '{ people { edges { node { name } } } }', 1 + 20 * 2],
    ['lists in lists multiply', '{ person(id: "1") { friends(first: 10) { friends(first: 10) { name } } } }', 1 + 10 * (1 + 10)],
    ['a root mutation field costs 10, plus what it returns', 'mutation { rename(id: "1", name: "x") { friends { id } } }', 10 + 5],
    ['introspection costs nothing: the gateway answers it alone', '{ __schema { types { name fields { name } } } __typename }', 0],
    ['a fragment costs what its fields cost, at every spread', '{ a: person(id: "1") { ...F } b: person(id: "2") { ...F } } fragment F on Person { friends { name } }', 2 * (1 + 5)],
  ])('%s', (_what, query, expected) => {
    expect(estimate(query)).toBe(expected);
  });

  test('a slicing argument given as a variable is read from the variables, else the variable\'s default', () => {
    const query = 'query Q($n: Int = 7) { person(id: "1") { friends(first: $n) { name } } }';
    expect([estimate(query, { n: 40 }), estimate(query)]).toEqual([1 + 40, 1 + 7]);
  });

  test('22 fragments each spreading the next twice are costed once each, and the cost is the expanded one', () => {
    const fragments = Array.from({ length: 21 }, (_, i) => `fragment F${i + 2} on Person { ...F${i + 1} ...F${i + 1} }`).join(' ');
    expect(estimate(`{ person(id: "1") { ...F22 } } fragment F1 on Person { friends(first: 1) { id } } ${fragments}`)).toBe(1 + 2 ** 21);
  });
});

describe('Demand control: the actual cost of a response', () => {
  test('counts the objects that came back, weighted as the estimate weighs them', () => {
    const document = parse('{ provinces { code statistics } people(first: 50) { edges { node { name } } } }');
    const data = {
      provinces: [{ code: '01', statistics: 3 }, { code: '46', statistics: null }],
      people: { edges: [{ node: { name: 'An' } }, { node: { name: 'Bình' } }] },
    };
    // Two provinces at 1, one statistics value at 10 (a null costs nothing); one connection, two edges and two people.
    expect(actualCost({ schema, model, document, operation: getOperationAST(document)!, data })).toBe(2 + 10 + 1 + 2 * 2);
  });

  test('an operation weighed once is counted afresh over each response, fragments spread twice counting twice', () => {
    const document = parse('{ provinces { ...Stats ...Stats } } fragment Stats on Province { statistics }');
    const operation = getOperationAST(document)!;
    const costOf = (provinces: unknown[]) => actualCost({ schema, model, document, operation, data: { provinces } });
    expect(costOf([{ statistics: 3 }])).toBe(1 + 2 * 10);
    expect(costOf([{ statistics: 3 }, { statistics: 4 }, { statistics: null }])).toBe(3 + 2 * 2 * 10);
    expect(costOf([])).toBe(0);
  });
});
