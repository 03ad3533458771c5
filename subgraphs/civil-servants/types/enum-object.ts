/** Turns a vocabulary list into the `{ VALUE: 'VALUE' }` object type-graphql registers as an enum. */
export const enumObject = <T extends string>(values: readonly T[]): { [K in T]: K } =>
  Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };
