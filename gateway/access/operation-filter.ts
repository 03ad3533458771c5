import {
  getNamedType,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';
import { refusal, type Caller } from '../../lib/auth';
import type { AppError } from '../../lib/errors';
import { pathKey, pathStep, errorPath, type PathStep } from './path-step';
import type { FieldRules } from './supergraph-security';

/** A field the caller may not read, taken out of the operation. */
export interface RemovedField {
  /** From the root to the removed field itself. */
  steps: PathStep[];
  /** The path its error names, lists written as "@". */
  path: string[];
  message: string;
}

/** What the caller's scopes make of one operation. */
export interface OperationAccess {
  /** The operation as the subgraphs will see it: the original document when nothing was removed. */
  document: DocumentNode;
  removed: RemovedField[];
  /** Objects whose selections were all removed: `__typename` stands in, and leaves the response again. */
  placeholders: PathStep[][];
  /** Coordinates of the personal-data fields the remaining operation reads, sorted. */
  personalFields: string[];
  /** Set when it reads personal data and the caller stated no purpose. */
  purposeRefusal: AppError | null;
}

export interface FilterInput {
  schema: GraphQLSchema;
  rules: FieldRules;
  caller: Caller;
  document: DocumentNode;
  operation: OperationDefinitionNode;
}

const TYPENAME: FieldNode = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } };

const withSelections = <T extends { selectionSet: SelectionSetNode }>(node: T, selections: readonly SelectionNode[]): T => ({
  ...node,
  selectionSet: { ...node.selectionSet, selections },
});

/**
 * One walk over an operation, fragments expanded where they are spread (a fragment's fields
 * sit at a different path at each spread). A field's rule depends only on its coordinate, so a
 * fragment filters the same way at every spread and its filtered definition is kept once.
 */
class OperationWalk {
  private readonly removed = new Map<string, RemovedField>();
  private readonly placeholders: PathStep[][] = [];
  private readonly askedTypename = new Set<string>();
  private readonly personalFields = new Set<string>();
  private purposeRefusal: AppError | null = null;
  private readonly keptFragments = new Map<string, FragmentDefinitionNode>();
  private readonly fragments: Map<string, FragmentDefinitionNode>;

  constructor(private readonly input: FilterInput) {
    this.fragments = new Map(
      input.document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])),
    );
  }

  run(): OperationAccess {
    const { schema, document, operation } = this.input;
    const root = schema.getRootType(operation.operation) as GraphQLCompositeType;
    let selections = this.selections(operation.selectionSet, root, []);
    if (selections.length === 0) {
      selections = [TYPENAME];
      this.placeholders.push([]);
    }
    // Only the operation to run, and the fragments it still spreads, go on.
    const filtered = { ...document, definitions: [withSelections(operation, selections), ...this.keptFragments.values()] };
    return {
      document: this.removed.size > 0 ? filtered : document,
      removed: [...this.removed.values()],
      placeholders: this.placeholders.filter((steps) => !this.askedTypename.has(pathKey(steps))),
      personalFields: [...this.personalFields].sort(),
      purposeRefusal: this.purposeRefusal,
    };
  }

  private selections(set: SelectionSetNode, parent: GraphQLCompositeType, steps: PathStep[]): SelectionNode[] {
    return set.selections.flatMap((selection) => this.selection(selection, parent, steps));
  }

  private selection(node: SelectionNode, parent: GraphQLCompositeType, steps: PathStep[]): SelectionNode[] {
    if (node.kind === Kind.FIELD) return this.field(node, parent, steps);
    if (node.kind === Kind.INLINE_FRAGMENT) {
      const type = node.typeCondition ? this.typeNamed(node.typeCondition.name.value) : parent;
      const selections = this.selections(node.selectionSet, type, steps);
      return selections.length > 0 ? [withSelections(node, selections)] : [];
    }
    const fragment = this.fragments.get(node.name.value);
    // Apollo Server validated the document: every spread has its fragment.
    if (!fragment) return [];
    const selections = this.selections(fragment.selectionSet, this.typeNamed(fragment.typeCondition.name.value), steps);
    if (selections.length === 0) return [];
    if (!this.keptFragments.has(fragment.name.value)) this.keptFragments.set(fragment.name.value, withSelections(fragment, selections));
    return [node];
  }

  private field(node: FieldNode, parent: GraphQLCompositeType, steps: PathStep[]): SelectionNode[] {
    const name = node.name.value;
    if (name === '__typename') {
      this.askedTypename.add(pathKey(steps));
      return [node];
    }
    const definition = this.fieldOf(parent, name);
    const here = [...steps, pathStep(node.alias?.value ?? name, definition.type)];
    const coordinate = `${parent.name}.${name}`;
    const rule = this.input.rules.get(coordinate);
    const refused = rule ? refusal(rule, this.input.caller, coordinate) : null;
    if (refused?.extensions.code === 'UNAUTHORIZED_FIELD_OR_TYPE') {
      const path = errorPath(here);
      this.removed.set(path.join('.'), { steps: here, path, message: refused.message });
      return [];
    }
    if (rule?.personalData) {
      this.personalFields.add(coordinate);
      this.purposeRefusal ??= refused;
    }
    if (!node.selectionSet) return [node];
    let selections = this.selections(node.selectionSet, getNamedType(definition.type) as GraphQLCompositeType, here);
    if (selections.length === 0) {
      selections = [TYPENAME];
      this.placeholders.push(here);
    }
    return [withSelections(node as FieldNode & { selectionSet: SelectionSetNode }, selections)];
  }

  private fieldOf(parent: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> {
    const { schema } = this.input;
    if (parent === schema.getQueryType() && name === SchemaMetaFieldDef.name) return SchemaMetaFieldDef;
    if (parent === schema.getQueryType() && name === TypeMetaFieldDef.name) return TypeMetaFieldDef;
    const field = 'getFields' in parent ? parent.getFields()[name] : undefined;
    if (!field) throw new Error(`${parent.name}.${name} is not in the schema the operation was validated against`);
    return field;
  }

  private typeNamed(name: string): GraphQLCompositeType {
    return this.input.schema.getType(name) as GraphQLCompositeType;
  }
}

/**
 * Removes from an operation every field whose rule the caller's scopes do not satisfy, before
 * any subgraph sees it, and notes what the rest reads: personal-data fields and whether a
 * purpose is missing for them.
 */
export const filterOperation = (input: FilterInput): OperationAccess => new OperationWalk(input).run();
