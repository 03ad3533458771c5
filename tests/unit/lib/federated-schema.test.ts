import { printSubgraphSchema } from '@apollo/subgraph';
import { execute, parse } from 'graphql';
import { Arg, Directive, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { buildFederatedSchema } from '../../../lib/federation';
import { PersonalIdScalar } from '../../../lib/graphql/scalars';

@Directive('@key(fields: "personalId")')
@ObjectType({ description: 'A person.' })
class Person {
  @Field(() => PersonalIdScalar, { description: 'Their number.' })
  personalId!: string;

  @Field(() => Int, { description: 'A page size echoed back.' })
  first!: number;
}

@Resolver(() => Person)
class PersonResolver {
  @Query(() => Person, { description: 'One person.' })
  person(
    @Arg('personalId', () => PersonalIdScalar, { description: 'Their number.' }) personalId: string,
    @Arg('first', () => Int, { description: 'Page size.' }) first: number,
    @Arg('note', () => String, { nullable: true, description: 'Ignored.' }) _note?: string,
  ): Person {
    return { personalId, first };
  }
}

describe('Federated schema from type-graphql classes', () => {
  const build = () =>
    buildFederatedSchema({
      resolvers: [PersonResolver],
      referenceResolvers: { Person: (ref: { personalId: string }) => ({ personalId: ref.personalId, first: 0 }) },
    });

  it('prints keys, the Federation 2 link and arguments in the order they are declared', async () => {
    const sdl = printSubgraphSchema(await build());
    expect(sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.9"');
    expect(sdl).toMatch(/type Person\s+@key\(fields: "personalId"\)/);
    expect(sdl.indexOf('personalId: PersonalId!', sdl.indexOf('person('))).toBeLessThan(sdl.indexOf('first: Int!'));
    expect(sdl.indexOf('first: Int!')).toBeLessThan(sdl.indexOf('note: String'));
  });

  it('passes arguments to the right parameters and resolves entity references', async () => {
    const schema = await build();
    const result = await execute({
      schema,
      document: parse(`{
        person(personalId: "001198000001", first: 7) { personalId first }
        _entities(representations: [{ __typename: "Person", personalId: "079065123456" }]) { ... on Person { personalId } }
      }`),
    });
    expect(result).toEqual({ data: { person: { personalId: '001198000001', first: 7 }, _entities: [{ personalId: '079065123456' }] } });
  });
});
