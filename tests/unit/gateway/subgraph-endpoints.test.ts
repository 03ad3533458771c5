import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { subgraphEndpoints, UnknownSubgraphError } from '../../../gateway/subgraph-endpoints';

const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])';

/** A supergraph of two subgraphs that are not LiênThông's, routed where their composer said. */
const supergraph = composeServices([
  { name: 'vaccinations', url: 'http://vaccinations.svc:8080/graphql', typeDefs: parse(`${LINK} type Query { doses: Int }`) },
  { name: 'driving-licences', url: 'http://licences.svc:8080/graphql', typeDefs: parse(`${LINK} type Query { licences: Int }`) },
]).supergraphSdl!;

describe('Where the gateway sends each subgraph\'s calls', () => {
  test('to the URL the supergraph\'s join__graph gives, for every subgraph it lists', () => {
    expect(subgraphEndpoints(supergraph, {})).toEqual({
      vaccinations: 'http://vaccinations.svc:8080/graphql',
      'driving-licences': 'http://licences.svc:8080/graphql',
    });
  });

  test('to an override given by the subgraph\'s name or by the <NAME> of its SUBGRAPH_URL_<NAME> variable', () => {
    expect(subgraphEndpoints(supergraph, { DRIVING_LICENCES: 'http://10.0.0.7/graphql' })['driving-licences']).toBe('http://10.0.0.7/graphql');
    expect(subgraphEndpoints(supergraph, { 'driving-licences': 'http://10.0.0.8/graphql' })['driving-licences']).toBe('http://10.0.0.8/graphql');
  });

  test('an override for a subgraph the supergraph does not have is refused, naming the variable and the subgraphs it has', () => {
    expect(() => subgraphEndpoints(supergraph, { RESIDENTS: 'http://127.0.0.1:4001/graphql', vaccinations: 'http://v/graphql' })).toThrow(
      new UnknownSubgraphError('SUBGRAPH_URL_RESIDENTS names a subgraph the supergraph does not route to (it has driving-licences, vaccinations).'),
    );
  });
});
