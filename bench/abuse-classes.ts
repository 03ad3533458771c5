/** One kind of abusive request, as an attacker sends it: a body per attempt (some vary, so nothing can be cached). */
export interface AbuseClass {
  name: string;
  description: string;
  /** How many of them are sent in the class's round. */
  requests: number;
  body(attempt: number): string;
}

const json = (body: Record<string, unknown>) => JSON.stringify(body);
const aliased = (count: number, field: (i: number) => string) => `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${field(i)}`).join(' ')} }`;
const nestedFragments = () =>
  `query Fan { citizens(first: 1) { edges { node { ...F22 } } } } fragment F1 on Citizen { fullName } ${Array.from({ length: 21 }, (_, i) => `fragment F${i + 2} on Citizen { ...F${i + 1} ...F${i + 1} }`).join(' ')}`;

/**
 * Not abuse: the cheapest request the gateway answers, sent the same way (four at a time, back to
 * back), to show how much of the second caller's wait any four busy callers cause on this machine.
 */
export const CONTROL_CLASS: AbuseClass = { name: 'control', description: 'not abuse: `{ __typename }`, the cheapest request the gateway answers, sent the same way', requests: 400, body: () => json({ query: '{ __typename }' }) };

/** The abuse issue 8's testers sent, each class on its own, with a second caller reading citizen profiles all along. */
export const ABUSE_CLASSES: readonly AbuseClass[] = [
  { name: 'fragment-fan-out', description: '22 nested fragments, each spread twice (1.3 KB, 2^22 spreads)', requests: 200, body: () => json({ query: nestedFragments() }) },
  {
    name: 'typename-aliases-800kb',
    description: '50 different 800 KB documents of `__typename` aliases',
    requests: 50,
    body: (attempt) => json({ query: aliased(40_000, () => '__typename').replace('a0:', `v${attempt}:`) }),
  },
  {
    name: 'household-nesting',
    description: 'seven levels of `household { members { … } }`',
    requests: 200,
    body: () => json({ query: `{ citizens(first: 100) { edges { node { ${'household { members { '.repeat(7)}fullName${' } }'.repeat(7)} } } } }` }),
  },
  { name: 'aliased-lookups', description: '10,000 aliased citizen look-ups', requests: 50, body: () => json({ query: aliased(10_000, () => 'citizen(personalId: "001090000001") { fullName }') }) },
  { name: 'aliased-statistics', description: '3,000 aliased `dossierStatistics` over 34 provinces', requests: 50, body: () => json({ query: aliased(3_000, () => 'provinces { dossierStatistics { received } }') }) },
  { name: 'aliased-pages', description: '2,000 aliased `citizens(first: 100)`', requests: 50, body: () => json({ query: aliased(2_000, () => 'citizens(first: 100) { edges { node { fullName } } }') }) },
  {
    name: 'statistics-at-alias-limit',
    description: '`provinces` with 30 aliased `dossierStatistics`: inside every limit but cost',
    requests: 200,
    body: () => json({ query: `{ provinces ${aliased(30, () => 'dossierStatistics { received }')} }` }),
  },
  { name: 'nesting-past-parser', description: 'braces nested 5,000 deep', requests: 200, body: () => json({ query: `{ ${'citizens { '.repeat(5_000)}fullName${' }'.repeat(5_000)} }` }) },
  { name: 'several-operations', description: 'two operations and no operationName', requests: 200, body: () => json({ query: 'query A { provinces { code } } query B { provinces { name } }' }) },
  { name: 'unknown-operation', description: 'an operationName the document does not have', requests: 200, body: () => json({ query: 'query A { provinces { code } }', operationName: 'B' }) },
  {
    name: 'nul-bytes',
    description: 'a NUL character in a variable',
    requests: 200,
    body: () => json({ query: 'query Q($id: PersonalId!) { citizen(personalId: $id) { fullName } }', variables: { id: '001090\u0000000001' } }),
  },
];
