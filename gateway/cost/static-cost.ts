import {
  getNamedType,
  getNullableType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { argumentsWeight, fieldWeight, type CostModel } from './cost-model';

export interface CostInput {
  /** The API schema clients validate against. */
  schema: GraphQLSchema;
  model: CostModel;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  variables: Readonly<Record<string, unknown>>;
  /** Items a list is taken to hold when the schema says nothing of its size. */
  defaultListSize: number;
}

/** A list whose size its parent field set (a connection's `edges`, sized by the connection's `first`). */
interface SizedBy {
  fields: readonly string[];
  size: number;
}

const fieldOf = (type: GraphQLNamedType | undefined, name: string): GraphQLField<unknown, unknown> | undefined =>
  isObjectType(type) || isInterfaceType(type) ? type.getFields()[name] : undefined;

/**
 * The static cost of an operation, by the IBM cost spec as Apollo Router reads it: an object
 * costs 1 and a scalar or enum 0 unless `@cost` says otherwise, a root mutation field 10, an
 * argument its `@cost` when given, and a list field its items' cost times its size — the value
 * of its slicing argument (`first`), else its `@listSize(assumedSize:)`, else the default.
 * Introspection costs nothing: the gateway answers it without any subgraph. Each fragment is
 * costed once per way it is sized, so the walk is linear in the document.
 */
class StaticCost {
  private readonly fragments = new Map<string, FragmentDefinitionNode>();
  private readonly costed = new Map<string, number>();

  constructor(private readonly input: CostInput) {
    for (const definition of input.document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) this.fragments.set(definition.name.value, definition);
    }
  }

  total(): number {
    const { schema, operation } = this.input;
    return this.selectionSet(operation.selectionSet, schema.getRootType(operation.operation) ?? undefined, null);
  }

  private selectionSet(set: SelectionSetNode, parent: GraphQLNamedType | undefined, sized: SizedBy | null): number {
    let cost = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) cost += this.field(selection, parent, sized);
      else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? this.input.schema.getType(selection.typeCondition.name.value) ?? undefined : parent;
        cost += this.selectionSet(selection.selectionSet, type, sized);
      } else cost += this.fragment(selection.name.value, sized);
    }
    return cost;
  }

  private fragment(name: string, sized: SizedBy | null): number {
    const key = sized ? `${name}|${sized.fields.join(',')}|${sized.size}` : name;
    const known = this.costed.get(key);
    if (known !== undefined) return known;
    const definition = this.fragments.get(name);
    // Marked before descending, so a fragment cycle (which validation refuses) ends here.
    this.costed.set(key, 0);
    if (!definition) return 0;
    const cost = this.selectionSet(definition.selectionSet, this.input.schema.getType(definition.typeCondition.name.value) ?? undefined, sized);
    this.costed.set(key, cost);
    return cost;
  }

  private field(node: FieldNode, parent: GraphQLNamedType | undefined, sized: SizedBy | null): number {
    const name = node.name.value;
    const definition = fieldOf(parent, name);
    if (name.startsWith('__') || !parent || !definition) return 0;
    const { model, schema, defaultListSize } = this.input;
    const coordinate = `${parent.name}.${name}`;
    const type = getNamedType(definition.type);
    const weight = fieldWeight(model, schema, parent, definition);
    const listSize = model.listSizes.get(coordinate);
    const slicedSize = listSize ? this.slicedSize(node, definition, listSize.slicingArguments) ?? listSize.assumedSize : null;
    const childrenSized = listSize && listSize.sizedFields.length > 0 ? { fields: listSize.sizedFields, size: slicedSize ?? defaultListSize } : null;
    const children = node.selectionSet ? this.selectionSet(node.selectionSet, type, childrenSized) : 0;
    const sizedByParent = sized?.fields.includes(name) ? sized.size : null;
    // A field whose @listSize sizes its children (a connection) is itself one object, or a list of the default size.
    const ownSize = childrenSized ? null : slicedSize;
    const items = isListType(getNullableType(definition.type)) ? (sizedByParent ?? ownSize ?? defaultListSize) : 1;
    return items * (weight + children) + argumentsWeight(model, coordinate, node.arguments);
  }

  /** The largest value given to a slicing argument, from the operation, its variables or the argument's default. */
  private slicedSize(node: FieldNode, definition: GraphQLField<unknown, unknown>, slicing: readonly string[]): number | null {
    const sizes = slicing.flatMap((name) => {
      const given = node.arguments?.find((argument) => argument.name.value === name)?.value;
      const value = given ? this.valueOf(given) : definition.args.find((argument) => argument.name === name)?.defaultValue;
      return typeof value === 'number' && Number.isFinite(value) ? [Math.max(0, value)] : [];
    });
    return sizes.length > 0 ? Math.max(...sizes) : null;
  }

  private valueOf(value: ValueNode): unknown {
    if (value.kind === Kind.INT) return Number.parseInt(value.value, 10);
    if (value.kind !== Kind.VARIABLE) return undefined;
    const name = value.name.value;
    if (name in this.input.variables) return this.input.variables[name];
    const declared = this.input.operation.variableDefinitions?.find((definition) => definition.variable.name.value === name)?.defaultValue;
    return declared?.kind === Kind.INT ? Number.parseInt(declared.value, 10) : undefined;
  }
}

/** The estimated cost of running an operation, before anything is planned. */
export const staticCost = (input: CostInput): number => new StaticCost(input).total();
