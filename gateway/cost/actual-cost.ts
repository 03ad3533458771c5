import { getNamedType, isInterfaceType, isObjectType, Kind, type DocumentNode, type FragmentDefinitionNode, type GraphQLNamedType, type GraphQLSchema, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import { argumentsWeight, fieldWeight, type CostModel } from './cost-model';

export interface ActualCostInput {
  schema: GraphQLSchema;
  model: CostModel;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  /** The response's data, as the client receives it. */
  data: Record<string, unknown> | null | undefined;
}

type ResponseObject = Record<string, unknown>;

const isObject = (value: unknown): value is ResponseObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * What an operation actually cost: the same weights as the estimate, counted over the objects
 * the response holds, so a list costs what it returned rather than what it might have.
 * Fields selected twice (through two fragments) count twice: an upper bound, as the estimate is.
 */
class ActualCost {
  private readonly fragments = new Map<string, FragmentDefinitionNode>();

  constructor(private readonly input: ActualCostInput) {
    for (const definition of input.document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) this.fragments.set(definition.name.value, definition);
    }
  }

  total(): number {
    const { schema, operation, data } = this.input;
    const root = schema.getRootType(operation.operation);
    return root && data ? this.selectionSet(operation.selectionSet, root, data) : 0;
  }

  private selectionSet(set: SelectionSetNode, parent: GraphQLNamedType, object: ResponseObject): number {
    let cost = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        cost += this.selectionSet(selection.selectionSet, selection.typeCondition ? this.typeNamed(selection.typeCondition.name.value, parent) : parent, object);
      } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = this.fragments.get(selection.name.value);
        if (fragment) cost += this.selectionSet(fragment.selectionSet, this.typeNamed(fragment.typeCondition.name.value, parent), object);
      } else {
        const name = selection.name.value;
        const definition = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
        const key = selection.alias?.value ?? name;
        if (name.startsWith('__') || !definition || !(key in object)) continue;
        const { model, schema } = this.input;
        const type = getNamedType(definition.type);
        const weight = fieldWeight(model, schema, parent, definition);
        const children = (item: ResponseObject) => (selection.selectionSet ? this.selectionSet(selection.selectionSet, type, item) : 0);
        cost += argumentsWeight(model, `${parent.name}.${name}`, selection.arguments) + this.value(object[key], weight, children);
      }
    }
    return cost;
  }

  private value(value: unknown, weight: number, children: (object: ResponseObject) => number): number {
    if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + this.value(item, weight, children), 0);
    if (value === null || value === undefined) return 0;
    return weight + (isObject(value) ? children(value) : 0);
  }

  private typeNamed(name: string, fallback: GraphQLNamedType): GraphQLNamedType {
    return this.input.schema.getType(name) ?? fallback;
  }
}

/** The cost of what an operation returned. */
export const actualCost = (input: ActualCostInput): number => new ActualCost(input).total();
