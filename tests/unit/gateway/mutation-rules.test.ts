import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Kind, parse, type ObjectTypeDefinitionNode } from 'graphql';
import { secureSupergraph } from '../../../gateway/access/supergraph-security';

const supergraphSdl = readFileSync(path.resolve(__dirname, '../../../schema/supergraph.graphql'), 'utf8');

describe("LiênThông's supergraph", () => {
  // Every mutation today changes a citizen's dossier or payment; a new one must say what it touches.
  test('declares every mutation field personal data: it needs a purpose and its intent and outcome are audited', () => {
    const mutation = parse(supergraphSdl).definitions.find((d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === 'Mutation');
    const coordinates = (mutation?.fields ?? []).map((field) => `Mutation.${field.name.value}`);
    const { rules } = secureSupergraph(supergraphSdl);
    expect(coordinates.filter((coordinate) => !rules.get(coordinate)?.personalData)).toEqual([]);
    expect(coordinates).toEqual(
      expect.arrayContaining(['Mutation.initiatePayment', 'Mutation.refundPayment', 'Mutation.settlePayment', 'Mutation.submitDossier', 'Mutation.transitionDossier']),
    );
  });
});
