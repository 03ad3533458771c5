import { PAGE_SIZE } from '../graphql/connection';

/**
 * Demand-control weights in the subgraph SDL (the IBM cost spec's `@cost` and `@listSize`, as
 * federation 2.9 imports them): composition carries them into the supergraph, where the
 * gateway reads them to cost each operation before it runs (see the README's "Limits and budgets").
 */

/** What one value of the field costs instead of its type's weight (1 an object, 0 a scalar). */
export const cost = (weight: number): string => `@cost(weight: ${weight})`;

export interface ListSizeSpec {
  /** Items taken when no slicing argument is given. */
  assumedSize: number;
  /** Arguments whose value bounds the list. */
  slicingArguments?: readonly string[];
  /** Fields of the returned object that hold the list (a connection's `edges`). */
  sizedFields?: readonly string[];
}

const names = (values: readonly string[]) => `[${values.map((value) => JSON.stringify(value)).join(', ')}]`;

/** How many items a list field is taken to hold. Slicing arguments are optional here, so none is required. */
export function listSize({ assumedSize, slicingArguments = [], sizedFields = [] }: ListSizeSpec): string {
  const parts = [`assumedSize: ${assumedSize}`];
  if (slicingArguments.length > 0) parts.push(`slicingArguments: ${names(slicingArguments)}`, 'requireOneSlicingArgument: false');
  if (sizedFields.length > 0) parts.push(`sizedFields: ${names(sizedFields)}`);
  return `@listSize(${parts.join(', ')})`;
}

/** A list bounded by `first` (20 by default, at most 100). */
export const FIRST_ITEMS = listSize({ assumedSize: PAGE_SIZE.default, slicingArguments: ['first'] });

/** A connection whose page of `edges` is bounded by `first`. */
export const PAGE_OF_EDGES = listSize({ assumedSize: PAGE_SIZE.default, slicingArguments: ['first'], sizedFields: ['edges'] });

/**
 * Aggregates weigh what they scan: a province's indicators each count over tens of thousands of
 * rows with one indexed statement, about ten times what fetching an object costs.
 */
export const AGGREGATE = cost(10);
