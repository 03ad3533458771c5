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
  /** Whether it reads an aggregate: a field that needs a `…:aggregate` scope (a province's indicators, its data health). */
  readsAggregates: boolean;
}

export interface FilterInput {
  schema: GraphQLSchema;
  rules: FieldRules;
  caller: Caller;
  document: DocumentNode;
  operation: OperationDefinitionNode;
}

/** Scopes of aggregates, which count rows and name nobody, end so: `population:aggregate`, `data-health:aggregate`. */
const isAggregateScope = (scope: string): boolean => scope.endsWith(':aggregate');

const TYPENAME: FieldNode = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } };

const withSelections = <T extends { selectionSet: SelectionSetNode }>(node: T, selections: readonly SelectionNode[]): T => ({
  ...node,
  selectionSet: { ...node.selectionSet, selections },
});

/**
 * What filtering one selection set found that depends on where it sits in the response, with
 * steps relative to that selection set. Fragment spreads stay references, so a fragment's
 * findings are worked out once however often it is spread.
 */
type Finding =
  | { kind: 'removed'; steps: PathStep[]; message: string }
  | { kind: 'placeholder'; steps: PathStep[] }
  | { kind: 'typename'; steps: PathStep[] }
  | { kind: 'spread'; fragment: string; steps: PathStep[] };

interface FilteredFragment {
  definition: FragmentDefinitionNode;
  findings: Finding[];
}

/**
 * One walk over an operation and each fragment it spreads, each fragment filtered once: a
 * field's rule depends only on its coordinate, so a fragment filters the same way at every
 * spread. Only the places of removed fields depend on where a fragment is spread; those are
 * laid out afterwards, each (fragment, place) once.
 */
class OperationWalk {
  private readonly personalFields = new Set<string>();
  private purposeRefusal: AppError | null = null;
  private readsAggregates = false;
  private readonly filtered = new Map<string, FilteredFragment | null>();
  private readonly fragments: Map<string, FragmentDefinitionNode>;

  constructor(private readonly input: FilterInput) {
    this.fragments = new Map(
      input.document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])),
    );
  }

  run(): OperationAccess {
    const { schema, document, operation } = this.input;
    const findings: Finding[] = [];
    let selections = this.selections(operation.selectionSet, schema.getRootType(operation.operation) as GraphQLCompositeType, [], findings);
    if (selections.length === 0) {
      selections = [TYPENAME];
      findings.push({ kind: 'placeholder', steps: [] });
    }
    const places = new PlacedFindings(this.filtered);
    places.lay(findings, []);
    if (places.removed.size === 0) return this.access(document, places);
    // Only the operation to run, and the fragments it still spreads, go on.
    const kept = [...this.filtered.values()].flatMap((fragment) => (fragment && fragment.definition.selectionSet.selections.length > 0 ? [fragment.definition] : []));
    return this.access({ ...document, definitions: [withSelections(operation, selections), ...kept] }, places);
  }

  private access(document: DocumentNode, places: PlacedFindings): OperationAccess {
    return {
      document,
      removed: [...places.removed.values()],
      placeholders: places.placeholders.filter((steps) => !places.askedTypename.has(pathKey(steps))),
      personalFields: [...this.personalFields].sort(),
      purposeRefusal: this.purposeRefusal,
      readsAggregates: this.readsAggregates,
    };
  }

  private selections(set: SelectionSetNode, parent: GraphQLCompositeType, steps: PathStep[], findings: Finding[]): SelectionNode[] {
    return set.selections.flatMap((selection) => this.selection(selection, parent, steps, findings));
  }

  private selection(node: SelectionNode, parent: GraphQLCompositeType, steps: PathStep[], findings: Finding[]): SelectionNode[] {
    if (node.kind === Kind.FIELD) return this.field(node, parent, steps, findings);
    if (node.kind === Kind.INLINE_FRAGMENT) {
      const type = node.typeCondition ? this.typeNamed(node.typeCondition.name.value) : parent;
      const selections = this.selections(node.selectionSet, type, steps, findings);
      return selections.length > 0 ? [withSelections(node, selections)] : [];
    }
    const fragment = this.fragment(node.name.value);
    if (!fragment) return [];
    if (fragment.findings.length > 0) findings.push({ kind: 'spread', fragment: node.name.value, steps });
    return fragment.definition.selectionSet.selections.length > 0 ? [node] : [];
  }

  /** A fragment filtered on its first spread and remembered; Apollo Server validated that every spread has its fragment, and no cycles. */
  private fragment(name: string): FilteredFragment | null {
    if (this.filtered.has(name)) return this.filtered.get(name) ?? null;
    const definition = this.fragments.get(name);
    this.filtered.set(name, null);
    if (!definition) return null;
    const findings: Finding[] = [];
    const selections = this.selections(definition.selectionSet, this.typeNamed(definition.typeCondition.name.value), [], findings);
    const fragment = { definition: withSelections(definition, selections), findings };
    this.filtered.set(name, fragment);
    return fragment;
  }

  private field(node: FieldNode, parent: GraphQLCompositeType, steps: PathStep[], findings: Finding[]): SelectionNode[] {
    const name = node.name.value;
    if (name === '__typename') {
      findings.push({ kind: 'typename', steps });
      return [node];
    }
    const definition = this.fieldOf(parent, name);
    const here = [...steps, pathStep(node.alias?.value ?? name, definition.type)];
    const coordinate = `${parent.name}.${name}`;
    const rule = this.input.rules.get(coordinate);
    const refused = rule ? refusal(rule, this.input.caller, coordinate) : null;
    if (refused?.extensions.code === 'UNAUTHORIZED_FIELD_OR_TYPE') {
      findings.push({ kind: 'removed', steps: here, message: refused.message });
      return [];
    }
    if (rule?.scopeSets.some((alternatives) => alternatives.some((all) => all.some(isAggregateScope)))) this.readsAggregates = true;
    if (rule?.personalData) {
      this.personalFields.add(coordinate);
      this.purposeRefusal ??= refused;
    }
    if (!node.selectionSet) return [node];
    let selections = this.selections(node.selectionSet, getNamedType(definition.type) as GraphQLCompositeType, here, findings);
    if (selections.length === 0) {
      selections = [TYPENAME];
      findings.push({ kind: 'placeholder', steps: here });
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
 * The findings laid out at their places in the response. A fragment spread twice at one place
 * (`...F ...F`, or the same fragment reached through two others) is laid out there once, so
 * nested double spreads cost one pass per distinct place, not one per spread.
 */
class PlacedFindings {
  readonly removed = new Map<string, RemovedField>();
  readonly placeholders: PathStep[][] = [];
  readonly askedTypename = new Set<string>();
  private readonly laid = new Set<string>();

  constructor(private readonly fragments: ReadonlyMap<string, FilteredFragment | null>) {}

  lay(findings: readonly Finding[], base: readonly PathStep[]): void {
    for (const finding of findings) {
      const steps = [...base, ...finding.steps];
      if (finding.kind === 'removed') {
        const path = errorPath(steps);
        this.removed.set(path.join('.'), { steps, path, message: finding.message });
      } else if (finding.kind === 'placeholder') this.placeholders.push(steps);
      else if (finding.kind === 'typename') this.askedTypename.add(pathKey(steps));
      else this.spread(finding.fragment, steps);
    }
  }

  private spread(name: string, steps: PathStep[]): void {
    const place = `${name}@${pathKey(steps)}`;
    const fragment = this.fragments.get(name);
    if (!fragment || this.laid.has(place)) return;
    this.laid.add(place);
    this.lay(fragment.findings, steps);
  }
}

/**
 * Removes from an operation every field whose rule the caller's scopes do not satisfy, before
 * any subgraph sees it, and notes what the rest reads: personal-data fields and whether a
 * purpose is missing for them.
 */
export const filterOperation = (input: FilterInput): OperationAccess => new OperationWalk(input).run();
