import { readFileSync } from 'node:fs';
import path from 'node:path';
import { subgraphEndpoints } from '../../../gateway/subgraph-endpoints';
import { SUBGRAPHS } from '../../../subgraphs';

describe('The names signed subgraph calls are made for', () => {
  test('the supergraph lists each LiênThông subgraph under the name the subgraph verifies signatures with', () => {
    // The gateway signs for the join__graph name; each subgraph checks its definition's name.
    const supergraphSdl = readFileSync(path.resolve(__dirname, '../../../schema/supergraph.graphql'), 'utf8');
    expect(Object.keys(subgraphEndpoints(supergraphSdl, {})).sort()).toEqual(SUBGRAPHS.map((definition) => definition.name).sort());
  });
});
