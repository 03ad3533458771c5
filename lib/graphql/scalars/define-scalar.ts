import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { AppError, type ErrorCode } from '../../errors';

export interface ScalarSpec<TInternal, TInput> {
  name: string;
  description: string;
  specifiedByURL?: string;
  code: ErrorCode;
  /** Literal kinds the scalar accepts in a document. */
  literalKinds: readonly Kind[];
  /** Returns the internal value, or a reason why the input is invalid. */
  parse(input: TInput): { value: TInternal } | { reason: string };
  serialize(value: TInternal): unknown;
}

/**
 * A validating scalar: bad input raises an AppError with the scalar's own code, both as a
 * variable and as a literal, so clients can branch on `extensions.code`.
 */
export function defineScalar<TInternal, TInput>(spec: ScalarSpec<TInternal, TInput>): GraphQLScalarType<TInternal, unknown> {
  const parse = (input: unknown): TInternal => {
    const result = spec.parse(input as TInput);
    if ('reason' in result) throw new AppError(spec.code, `Invalid ${spec.name} ${JSON.stringify(input)}: ${result.reason}.`);
    return result.value;
  };
  const literalValue = (ast: ValueNode): unknown => {
    if (!spec.literalKinds.includes(ast.kind)) {
      throw new AppError(spec.code, `Invalid ${spec.name}: expected a ${spec.literalKinds.join(' or ').toLowerCase()} literal.`);
    }
    if (ast.kind === Kind.INT) return Number(ast.value);
    if (ast.kind === Kind.FLOAT) return Number(ast.value);
    return (ast as { value: unknown }).value;
  };
  return new GraphQLScalarType<TInternal, unknown>({
    name: spec.name,
    description: spec.description,
    specifiedByURL: spec.specifiedByURL,
    serialize: (value) => spec.serialize(value as TInternal),
    parseValue: parse,
    parseLiteral: (ast) => parse(literalValue(ast)),
  });
}
