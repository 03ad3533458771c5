import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PERSONAL_DATA, requiresScopes } from '../../../lib/auth';
import { composeSupergraph } from '../../../schema/compose-supergraph';
import { nonNullableDemands, type NullabilityDemand } from '../../support/supergraph-nullability';
import { subgraph } from '../gateway/secured-graph';

/*
 * No allow-list: entity keys follow the rule too (Citizen.personalId carries @requiresScopes, so it
 * is nullable). Composition accepts nullable keys, and @apollo/gateway builds the representations
 * it joins on from what the subgraphs answered for its own key selections, never from the fields
 * the client may read; keys come from NOT NULL columns, so a join never meets a null key.
 */

const SUPERGRAPH = readFileSync(path.resolve(__dirname, '../../../schema/supergraph.graphql'), 'utf8');

const reasons = ({ coordinate, type, ruled, fetchedElsewhereFor }: NullabilityDemand) =>
  `${coordinate}: ${type} — ${[ruled ? 'carries @requiresScopes/@policy' : '', fetchedElsewhereFor.length > 0 ? `not resolvable by ${fetchedElsewhereFor.join(', ')}, which declare its type` : ''].filter(Boolean).join('; ')}`;

/** Breaches of the contract in a supergraph composed from SDL-only subgraphs. */
async function breachesOf(...subgraphs: [string, string][]): Promise<string[]> {
  const { supergraphSdl } = await composeSupergraph(subgraphs.map(([name, sdl]) => subgraph(name, sdl)), (name) => `http://${name}.invalid/graphql`);
  return nonNullableDemands(supergraphSdl).map((demand) => demand.coordinate);
}

const SCOPED = `${requiresScopes(['residents:read'])} ${PERSONAL_DATA}`;

describe('Nullability contract: a refused or failed field costs only itself', () => {
  test('schema/supergraph.graphql: every field the gateway can refuse, or another subgraph resolves, is nullable', () => {
    expect(nonNullableDemands(SUPERGRAPH).map(reasons)).toEqual([]);
  });

  test('a non-null field with @requiresScopes breaks it, key fields included', async () => {
    expect(await breachesOf(['people', `type Query { citizen: Citizen ${SCOPED} } type Citizen @key(fields: "id") { id: ID! ${SCOPED} name: String! ${SCOPED} note: String ${SCOPED} }`])).toEqual([
      'Citizen.id',
      'Citizen.name',
    ]);
  });

  test('a rule on the type holds for each of its fields', async () => {
    expect(await breachesOf(['people', `type Query { jobs: [Job!] @authenticated } type Job ${requiresScopes(['civil-servants:read'])} { title: String! salary: Int }`])).toEqual(['Job.title']);
  });

  test('@policy alone breaks it too: it can refuse an authenticated caller', async () => {
    expect(await breachesOf(['people', `type Query { citizen: Citizen @policy(policies: [["personal-data"]]) } type Citizen { name: String! @policy(policies: [["personal-data"]]) }`])).toEqual([
      'Citizen.name',
    ]);
  });

  test('@authenticated alone does not: no caller without a verified token reaches execution', async () => {
    expect(await breachesOf(['people', 'type Query { provinces: [Province!] @authenticated } type Province { code: ID! @authenticated name: String! @authenticated }'])).toEqual([]);
  });

  test('a non-null field another subgraph resolves breaks it, root fields included; shared value types do not', async () => {
    expect(
      await breachesOf(
        ['people', 'type Query { citizen: Citizen @authenticated } type Citizen @key(fields: "id") { id: ID! name: String! } type PageInfo @shareable { hasNextPage: Boolean! }'],
        ['jobs', 'type Query { jobs: [Job!]! @authenticated } type Citizen @key(fields: "id") { id: ID! job: Job! } type Job { title: String! } type PageInfo @shareable { hasNextPage: Boolean! }'],
      ),
    ).toEqual(['Citizen.job', 'Citizen.name', 'Query.jobs']);
  });

  test('a field another subgraph names only as @external is still resolved elsewhere for the objects it makes', async () => {
    expect(
      await breachesOf(
        ['people', 'type Query { citizen: Citizen @authenticated } type Citizen @key(fields: "id") { id: ID! name: String! }'],
        ['jobs', 'type Citizen @key(fields: "id") { id: ID! name: String! @external greeting: String @requires(fields: "name") }'],
      ),
    ).toEqual(['Citizen.name']);
  });
});
