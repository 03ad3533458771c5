import { composeSupergraph } from '../../../schema/compose-supergraph';
import { SUBGRAPHS } from '../../../subgraphs';

describe('lib/federation: ENTITY_DESCRIPTIONS', () => {
  it('lets the four subgraphs compose with no INCONSISTENT_DESCRIPTION hint: every declaration of a shared entity uses its owner\'s words', async () => {
    const { hints } = await composeSupergraph(SUBGRAPHS);
    expect(hints.filter((hint) => hint.includes('INCONSISTENT_DESCRIPTION'))).toEqual([]);
  });
});
