import {
  getArgumentValues,
  getDirectiveValues,
  getNullableType,
  getVariableValues,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isInputObjectType,
  isListType,
  isScalarType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type GraphQLError,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { isPersonalId } from '../../lib/domain';
import { PersonalIdScalar } from '../../lib/graphql/scalars';

/** What a mutation asks to change of personal data, read before anything runs. */
export interface PersonalChange {
  /** Coordinates of the personal-data mutation fields it runs (e.g. "Mutation.submitDossier"), sorted. */
  fields: string[];
  /** Where their results go in the response (aliases included), to tell afterwards which were made. */
  responseKeys: string[];
  /** Personal IDs their arguments name, in PersonalId arguments or input fields at any depth, sorted. */
  citizens: string[];
}

export interface ChangeRequest {
  schema: GraphQLSchema;
  /** The operation as it will run: the access decision's filtered document. */
  document: DocumentNode;
  operationName: string | null;
  variables: Record<string, unknown>;
  /** Coordinates of the personal-data fields the operation runs (the access decision's). */
  personalFields: readonly string[];
}

/** The mutation's personal change (null when it is no mutation or changes no personal data), or why its variables do not coerce. */
export type ChangeReading = { change: PersonalChange | null } | { errors: readonly GraphQLError[] };

interface RootField {
  responseKey: string;
  node: FieldNode;
}

/** The fields a root selection set runs, fragments expanded and `@skip`/`@include` applied, as execution collects them. */
function rootFields(set: SelectionSetNode, document: DocumentNode, variables: Record<string, unknown>, into: RootField[] = []): RootField[] {
  for (const selection of set.selections) {
    if (getDirectiveValues(GraphQLSkipDirective, selection, variables)?.if === true) continue;
    if (getDirectiveValues(GraphQLIncludeDirective, selection, variables)?.if === false) continue;
    if (selection.kind === Kind.FIELD) into.push({ responseKey: selection.alias?.value ?? selection.name.value, node: selection });
    else if (selection.kind === Kind.INLINE_FRAGMENT) rootFields(selection.selectionSet, document, variables, into);
    else {
      const fragment = document.definitions.find((d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === selection.name.value);
      if (fragment?.kind === Kind.FRAGMENT_DEFINITION) rootFields(fragment.selectionSet, document, variables, into);
    }
  }
  return into;
}

/** Collects the valid personal IDs an argument value holds, by its input type. */
function collectPersonalIds(type: GraphQLInputType, value: unknown, into: Set<string>): void {
  if (value === null || value === undefined) return;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    for (const item of Array.isArray(value) ? value : [value]) collectPersonalIds(nullable.ofType, item, into);
  } else if (isInputObjectType(nullable)) {
    for (const field of Object.values(nullable.getFields())) collectPersonalIds(field.type, (value as Record<string, unknown>)[field.name], into);
  } else if (isScalarType(nullable) && nullable.name === PersonalIdScalar.name && typeof value === 'string' && isPersonalId(value)) {
    // A malformed ID names nobody: the subgraph refuses it with INVALID_PERSONAL_ID.
    into.add(value);
  }
}

const operationIn = (document: DocumentNode, name: string | null): OperationDefinitionNode | undefined =>
  document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && (name === null || d.name?.value === name));

/**
 * Reads a mutation's change of personal data before it is forwarded: which personal-data
 * mutation fields run and whom their arguments name. Variables are coerced as @apollo/gateway
 * coerces them (same function, same schema); when they do not coerce, it would refuse the
 * operation without running anything, and the same errors are returned here.
 */
export function readPersonalChange({ schema, document, operationName, variables, personalFields }: ChangeRequest): ChangeReading {
  const operation = operationIn(document, operationName);
  const mutationType = schema.getMutationType();
  if (operation?.operation !== 'mutation' || !mutationType) return { change: null };
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  if (coerced.errors) return { errors: coerced.errors };
  const personal = new Set(personalFields);
  const changed = rootFields(operation.selectionSet, document, coerced.coerced).filter(({ node }) => personal.has(`${mutationType.name}.${node.name.value}`));
  if (changed.length === 0) return { change: null };
  const citizens = new Set<string>();
  for (const { node } of changed) {
    const definition = mutationType.getFields()[node.name.value]!;
    const args = getArgumentValues(definition, node, coerced.coerced);
    for (const argument of definition.args) collectPersonalIds(argument.type, args[argument.name], citizens);
  }
  return {
    change: {
      fields: [...new Set(changed.map(({ node }) => `${mutationType.name}.${node.name.value}`))].sort(),
      responseKeys: [...new Set(changed.map(({ responseKey }) => responseKey))],
      citizens: [...citizens].sort(),
    },
  };
}
