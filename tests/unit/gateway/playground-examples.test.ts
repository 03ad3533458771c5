import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { parse, validate } from 'graphql';
import { secureSupergraph } from '../../../gateway/access/supergraph-security';
import { PLAYGROUND_EXAMPLES, SAMPLE_CITIZEN } from '../../../gateway/playground/examples';

/** The committed supergraph is what the gateway serves (without the authorization links), so the examples must be valid against it. */
const apiSchema = () => {
  const sdl = readFileSync(path.join(__dirname, '../../../schema/supergraph.graphql'), 'utf8');
  return Supergraph.build(secureSupergraph(sdl).executableSdl).apiSchema().toGraphQLJSSchema();
};

describe('Playground examples', () => {
  test.each(PLAYGROUND_EXAMPLES.map((example) => [example.query.match(/query (\w+)/)?.[1], example.query]))(
    '%s is a valid operation of the committed supergraph',
    (_name, query) => {
      expect(validate(apiSchema(), parse(query)).map((error) => error.message)).toEqual([]);
    },
  );

  test('the sample-citizen look-up is a valid operation of the committed supergraph', () => {
    expect(validate(apiSchema(), parse(SAMPLE_CITIZEN.query)).map((error) => error.message)).toEqual([]);
  });
});
