import { getNullableType, isListType, isNonNullType, type GraphQLOutputType } from 'graphql';

/** One field on the way from the operation's root to a selection, with what null propagation needs to know of its type. */
export interface PathStep {
  /** Response key: the alias, else the field name. */
  key: string;
  nullable: boolean;
  /** Nullability of the items at each list depth, outermost first; empty for a field that is not a list. */
  items: boolean[];
}

export function pathStep(key: string, type: GraphQLOutputType): PathStep {
  const items: boolean[] = [];
  let inner = getNullableType(type);
  while (isListType(inner)) {
    items.push(!isNonNullType(inner.ofType));
    inner = getNullableType(inner.ofType as GraphQLOutputType);
  }
  return { key, nullable: !isNonNullType(type), items };
}

/** The same place whatever the list indices: a key for de-duplicating paths. */
export const pathKey = (steps: readonly PathStep[]): string => steps.map((step) => step.key).join('.');

/**
 * The path an error names for a field removed from the operation, written as Apollo Router
 * writes it: `"@"` stands for every item of a list (`["citizens", "@", "religion"]`).
 */
export const errorPath = (steps: readonly PathStep[]): string[] =>
  steps.flatMap((step, index) => (index === steps.length - 1 ? [step.key] : [step.key, ...step.items.map(() => '@')]));
