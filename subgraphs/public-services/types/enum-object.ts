/** `['A', 'B']` → `{ A: 'A', B: 'B' }`: the object shape type-graphql registers enums from. */
export const enumObject = <T extends string>(values: readonly T[]): { [K in T]: K } =>
  Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };
