import { graphql, type GraphQLScalarType } from 'graphql';
import { buildSchema } from 'type-graphql';
import { Arg, Query, Resolver } from 'type-graphql';
import { DateScalar, DateTimeScalar, PersonalIdScalar, ProvinceCodeScalar, VndScalar, formatVietnamTime } from '../../../lib/graphql/scalars';

@Resolver()
class EchoResolver {
  @Query(() => String, { description: 'echo' })
  personalId(@Arg('v', () => PersonalIdScalar) v: string): string {
    return v;
  }

  @Query(() => String, { description: 'echo' })
  province(@Arg('v', () => ProvinceCodeScalar) v: string): string {
    return v;
  }

  @Query(() => String, { description: 'echo' })
  date(@Arg('v', () => DateScalar) v: string): string {
    return v;
  }

  @Query(() => DateTimeScalar, { description: 'echo' })
  dateTime(@Arg('v', () => DateTimeScalar) v: Date): Date {
    return v;
  }

  @Query(() => VndScalar, { description: 'echo' })
  vnd(@Arg('v', () => VndScalar) v: number): number {
    return v;
  }
}

const run = async (field: string, scalar: GraphQLScalarType, value: unknown) => {
  const schema = await buildSchema({ resolvers: [EchoResolver], validate: false });
  return graphql({ schema, source: `query ($v: ${scalar.name}!) { ${field}(v: $v) }`, variableValues: { v: value } });
};

const codeOf = (result: Awaited<ReturnType<typeof run>>) => (result.errors?.[0]?.originalError as { extensions?: { code?: string } })?.extensions?.code;

describe('Validating scalars', () => {
  it.each([
    ['personalId', PersonalIdScalar, '001198000001'],
    ['province', ProvinceCodeScalar, '46'],
    ['date', DateScalar, '2025-07-01'],
    ['vnd', VndScalar, 1_263_600],
  ])('%s accepts a valid value unchanged', async (field, scalar, value) => {
    expect((await run(field, scalar, value)).data).toEqual({ [field]: value });
  });

  it.each([
    ['personalId', PersonalIdScalar, '12345', 'INVALID_PERSONAL_ID'],
    ['personalId', PersonalIdScalar, 1198000001, 'INVALID_PERSONAL_ID'],
    ['province', ProvinceCodeScalar, '99', 'UNKNOWN_PROVINCE'],
    ['province', ProvinceCodeScalar, '002', 'UNKNOWN_PROVINCE'],
    ['date', DateScalar, '2025-02-30', 'BAD_USER_INPUT'],
    ['date', DateScalar, '01/07/2025', 'BAD_USER_INPUT'],
    ['dateTime', DateTimeScalar, '2025-07-01T08:30:00', 'BAD_USER_INPUT'],
    ['vnd', VndScalar, -1, 'INVALID_AMOUNT'],
    ['vnd', VndScalar, 1.5, 'INVALID_AMOUNT'],
    ['vnd', VndScalar, '12', 'INVALID_AMOUNT'],
  ])('%s rejects %p with %s', async (field, scalar, value, code) => {
    const result = await run(field, scalar, value);
    expect(result.data).toBeUndefined();
    expect(codeOf(result)).toBe(code);
  });

  it('shows instants in Vietnam time with their offset', async () => {
    expect((await run('dateTime', DateTimeScalar, '2025-07-01T01:30:00Z')).data).toEqual({ dateTime: '2025-07-01T08:30:00+07:00' });
    expect(formatVietnamTime(new Date('2025-12-31T20:00:00Z'))).toBe('2026-01-01T03:00:00+07:00');
  });
});
