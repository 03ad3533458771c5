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

/** One selected field as the walk over a response meets it: where it is, and what each of its values weighs. */
interface FieldStep {
  key: string;
  /** Each non-null value (each item of a list). */
  weight: number;
  /** Once per object holding the field, for the arguments given. */
  argumentsWeight: number;
  children: SelectionWeights | null;
}

/** A selection set's weights for one parent type; fragments stay shared rather than copied into every place they are spread. */
interface SelectionWeights {
  fields: FieldStep[];
  fragments: SelectionWeights[];
}

/**
 * Weighs an operation's selections once (per parent type), so that walking a response of
 * thousands of objects looks nothing up but the response's own keys.
 */
class SelectionWeigher {
  private readonly fragments = new Map<string, FragmentDefinitionNode>();
  private readonly weighed = new Map<SelectionSetNode, Map<GraphQLNamedType, SelectionWeights>>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly model: CostModel,
    document: DocumentNode,
  ) {
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) this.fragments.set(definition.name.value, definition);
    }
  }

  weigh(set: SelectionSetNode, parent: GraphQLNamedType): SelectionWeights {
    let byParent = this.weighed.get(set);
    if (!byParent) this.weighed.set(set, (byParent = new Map()));
    const known = byParent.get(parent);
    if (known) return known;
    const weights: SelectionWeights = { fields: [], fragments: [] };
    byParent.set(parent, weights);
    for (const selection of set.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        weights.fragments.push(this.weigh(selection.selectionSet, selection.typeCondition ? this.typeNamed(selection.typeCondition.name.value, parent) : parent));
      } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = this.fragments.get(selection.name.value);
        if (fragment) weights.fragments.push(this.weigh(fragment.selectionSet, this.typeNamed(fragment.typeCondition.name.value, parent)));
      } else {
        const name = selection.name.value;
        const definition = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
        if (name.startsWith('__') || !definition) continue;
        weights.fields.push({
          key: selection.alias?.value ?? name,
          weight: fieldWeight(this.model, this.schema, parent, definition),
          argumentsWeight: argumentsWeight(this.model, `${parent.name}.${name}`, selection.arguments),
          children: selection.selectionSet ? this.weigh(selection.selectionSet, getNamedType(definition.type)) : null,
        });
      }
    }
    return weights;
  }

  private typeNamed(name: string, fallback: GraphQLNamedType): GraphQLNamedType {
    return this.schema.getType(name) ?? fallback;
  }
}

function objectCost(weights: SelectionWeights, object: ResponseObject): number {
  let cost = 0;
  for (const step of weights.fields) {
    if (step.key in object) cost += step.argumentsWeight + valueCost(step, object[step.key]);
  }
  for (const fragment of weights.fragments) cost += objectCost(fragment, object);
  return cost;
}

function valueCost(step: FieldStep, value: unknown): number {
  if (Array.isArray(value)) {
    let cost = 0;
    for (const item of value) cost += valueCost(step, item);
    return cost;
  }
  if (value === null || value === undefined) return 0;
  return step.weight + (step.children && isObject(value) ? objectCost(step.children, value) : 0);
}

/** Operations weighed already, for as long as the parsed document is kept (Apollo Server keeps one per distinct document). */
const weighedOperations = new WeakMap<OperationDefinitionNode, { schema: GraphQLSchema; model: CostModel; weights: SelectionWeights | null }>();

function operationWeights({ schema, model, document, operation }: ActualCostInput): SelectionWeights | null {
  const known = weighedOperations.get(operation);
  if (known && known.schema === schema && known.model === model) return known.weights;
  const root = schema.getRootType(operation.operation);
  const weights = root ? new SelectionWeigher(schema, model, document).weigh(operation.selectionSet, root) : null;
  weighedOperations.set(operation, { schema, model, weights });
  return weights;
}

/**
 * What an operation actually cost: the same weights as the estimate, counted over the objects
 * the response holds, so a list costs what it returned rather than what it might have.
 * Fields selected twice (through two fragments) count twice: an upper bound, as the estimate is.
 */
export function actualCost(input: ActualCostInput): number {
  const weights = operationWeights(input);
  return weights && input.data ? objectCost(weights, input.data) : 0;
}
