import { buildSchema, type GraphQLObjectType } from 'graphql';
import { DataSubjectFinder, personalIdOf, personalIdsIn } from '../../../lib/subgraph/data-subjects';

const schema = buildSchema(`
  directive @policy(policies: [[String!]!]!) on FIELD_DEFINITION | OBJECT
  type Query { people: PersonConnection! @policy(policies: [["personal-data"]]) }
  type PersonConnection { edges: [PersonEdge!]! pageInfo: PageInfo! }
  type PersonEdge { cursor: String! node: Person! }
  type PageInfo { endCursor: String }
  type Person { personalId: String! @policy(policies: [["personal-data"]]) friend: Person @policy(policies: [["personal-data"]]) note: String @policy(policies: [["personal-data"]]) }
`);
const finder = new DataSubjectFinder(schema, { Person: personalIdOf });
const fieldType = (type: string, field: string) => (schema.getType(type) as GraphQLObjectType).getFields()[field]!.type;

const found = (value: unknown, type: string, field: string): string[] => {
  const into = new Set<string>();
  finder.noteReturned(value, fieldType(type, field), into);
  return [...into].sort();
};

describe('Whose data a personal-data field returns', () => {
  it('names the subject of every node of a returned page, whose cursors encode them, and no one the fields of a node name', () => {
    const page = {
      edges: [{ cursor: 'opaque', node: { personalId: '001198000001', friend: { personalId: '079203000002' } } }, { cursor: 'opaque', node: { personalId: '048085000003' } }],
      pageInfo: { endCursor: 'opaque' },
    };
    expect(found(page, 'Query', 'people')).toEqual(['001198000001', '048085000003']);
  });

  it('names the subject of a returned object, and every personal ID written in a returned string', () => {
    expect(found({ personalId: '079203000002' }, 'Person', 'friend')).toEqual(['079203000002']);
    expect(found('Gọi lại cho 001198000001, không phải 12345678901234', 'Person', 'note')).toEqual(['001198000001']);
    expect(found(null, 'Person', 'friend')).toEqual([]);
  });

  it('finds personal IDs wherever twelve digits stand apart from other digits and make a valid ID', () => {
    expect(personalIdsIn('001198000001;999198000001 0011980000012 CCCD046085000003')).toEqual(['001198000001', '046085000003']);
  });
});
