import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { databaseNameOf } from '../../../lib/subgraph';
import { SUBGRAPHS } from '../../../subgraphs';
import { SUBGRAPH_REGISTRY } from '../../../subgraphs/registry';

const SUBGRAPHS_DIR = path.resolve(__dirname, '../../../subgraphs');

describe('The registry of LiênThông\'s own subgraphs', () => {
  test('lists every subgraph folder once, and nothing else', () => {
    const folders = readdirSync(SUBGRAPHS_DIR).filter((name) => statSync(path.join(SUBGRAPHS_DIR, name)).isDirectory());
    expect(SUBGRAPH_REGISTRY.map(({ name }) => name).sort()).toEqual(folders.sort());
  });

  test('gives each its own port and, through its name, its own database', () => {
    expect(new Set(SUBGRAPH_REGISTRY.map(({ port }) => port)).size).toBe(SUBGRAPH_REGISTRY.length);
    expect(new Set(SUBGRAPH_REGISTRY.map(({ name }) => databaseNameOf(name))).size).toBe(SUBGRAPH_REGISTRY.length);
  });

  test('yields each folder\'s definition, under the registry\'s name and in its order', () => {
    expect(SUBGRAPHS.map((definition) => definition.name)).toEqual(SUBGRAPH_REGISTRY.map(({ name }) => name));
  });
});
