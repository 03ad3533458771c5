import {
  getNamedType,
  isCompositeType,
  Kind,
  parse,
  valueFromASTUntyped,
  type ArgumentNode,
  type ConstDirectiveNode,
  type DocumentNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { featureNames } from '../supergraph/feature-links';

/** How many items a list field is taken to hold (IBM cost spec `@listSize`). */
export interface ListSize {
  assumedSize: number | null;
  /** Arguments whose value bounds the list (`first`); the largest given is taken. */
  slicingArguments: readonly string[];
  /** Fields of the returned object that hold the list instead (`edges` of a connection). */
  sizedFields: readonly string[];
}

/** The weights a supergraph declares with `@cost` and `@listSize`, by coordinate. */
export interface CostModel {
  /** `Type.field` → weight, replacing the weight of the field's type. */
  fieldWeights: ReadonlyMap<string, number>;
  /** Object, scalar or enum type → weight of each instance. */
  typeWeights: ReadonlyMap<string, number>;
  /** `Type.field(argument)` → weight added when the argument is given. */
  argumentWeights: ReadonlyMap<string, number>;
  listSizes: ReadonlyMap<string, ListSize>;
}

const COST_FEATURE = /^https:\/\/specs\.apollo\.dev\/(cost)\/v\d+\.\d+$/;

const argumentsOf = (directive: ConstDirectiveNode): Record<string, unknown> =>
  Object.fromEntries((directive.arguments ?? []).map((argument) => [argument.name.value, valueFromASTUntyped(argument.value)]));

/**
 * Reads `@cost` and `@listSize` from a composed supergraph, under whatever names its `@link` to
 * the cost feature gives them. The subgraphs declare them (federation 2.9's `@cost` and
 * `@listSize`) and composition carries them into the supergraph, so the cost model lives
 * beside the fields it weighs, as Apollo Router and Hive Gateway read it.
 */
export function readCostModel(supergraph: string | DocumentNode): CostModel {
  const document = typeof supergraph === 'string' ? parse(supergraph) : supergraph;
  const names = featureNames<'cost'>(document, COST_FEATURE).directives;
  const model = { fieldWeights: new Map<string, number>(), typeWeights: new Map<string, number>(), argumentWeights: new Map<string, number>(), listSizes: new Map<string, ListSize>() };
  const read = (directives: readonly ConstDirectiveNode[] | undefined, onCost: (weight: number) => void, onListSize?: (size: ListSize) => void) => {
    for (const directive of directives ?? []) {
      const name = names.get(directive.name.value)?.directive;
      const args = argumentsOf(directive);
      if (name === 'cost') onCost(Number(args.weight));
      else if (name === 'listSize' && onListSize) {
        onListSize({
          assumedSize: typeof args.assumedSize === 'number' ? args.assumedSize : null,
          slicingArguments: (args.slicingArguments as string[] | undefined) ?? [],
          sizedFields: (args.sizedFields as string[] | undefined) ?? [],
        });
      }
    }
  };
  for (const definition of document.definitions) {
    if (definition.kind === Kind.SCALAR_TYPE_DEFINITION || definition.kind === Kind.ENUM_TYPE_DEFINITION || definition.kind === Kind.OBJECT_TYPE_DEFINITION) {
      read(definition.directives, (weight) => model.typeWeights.set(definition.name.value, weight));
    }
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
    for (const field of definition.fields ?? []) {
      const coordinate = `${definition.name.value}.${field.name.value}`;
      read(field.directives, (weight) => model.fieldWeights.set(coordinate, weight), (size) => model.listSizes.set(coordinate, size));
      for (const argument of field.arguments ?? []) read(argument.directives, (weight) => model.argumentWeights.set(`${coordinate}(${argument.name.value})`, weight));
    }
  }
  return model;
}

/** What a root mutation field costs before its selection, as Apollo Router weighs it. */
export const MUTATION_WEIGHT = 10;

/**
 * The weight of one instance of a field's value: its `@cost`, else its type's, else 1 for an
 * object and 0 for a scalar or enum; a root mutation field weighs 10 unless it says otherwise.
 */
export function fieldWeight(model: CostModel, schema: GraphQLSchema, parent: GraphQLNamedType, field: GraphQLField<unknown, unknown>): number {
  const declared = model.fieldWeights.get(`${parent.name}.${field.name}`);
  if (declared !== undefined) return declared;
  if (parent === schema.getMutationType()) return MUTATION_WEIGHT;
  const type = getNamedType(field.type);
  return model.typeWeights.get(type.name) ?? (isCompositeType(type) ? 1 : 0);
}

/** The `@cost` of the arguments a selection gives a field. */
export const argumentsWeight = (model: CostModel, coordinate: string, given: readonly ArgumentNode[] | undefined): number =>
  (given ?? []).reduce((sum, argument) => sum + (model.argumentWeights.get(`${coordinate}(${argument.name.value})`) ?? 0), 0);
