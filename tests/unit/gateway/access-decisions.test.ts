import { createHash } from 'node:crypto';
import { getOperationAST, parse, print } from 'graphql';
import type { Caller, Scope } from '../../../lib/auth';
import { AccessDecisions } from '../../../gateway/access/access-decisions';
import { securedGraph, type SecuredGraph } from './secured-graph';

let graph: SecuredGraph;

beforeAll(async () => {
  graph = await securedGraph();
});

const caller = (scopes: Scope[], purpose: string | null = 'case review'): Caller => ({
  subject: 'officer:test',
  role: 'auditor',
  scopes,
  jurisdiction: { kind: 'national' },
  purpose,
});

/** The operation as Apollo Server hands it over: parsed, resolved and hashed. */
const operation = (query: string, operationName: string | null = null) => {
  const document = parse(query);
  return { document, operation: getOperationAST(document, operationName)!, queryHash: createHash('sha256').update(query).digest('hex'), operationName };
};

/** Room for every decision these tests make. */
const CACHE = { maxBytes: 1 << 24, maxDocumentBytes: 1 << 16 };

const decide = (query: string, who: Caller, decisions = new AccessDecisions(graph.apiSchema, graph.rules, CACHE)) => decisions.decide(operation(query), who);

const printed = (query: string) => print(parse(query));

describe('Access decisions: filtering an operation', () => {
  test('an operation the caller may read in full is left as it came, hash included', () => {
    const request = operation('{ citizen(personalId: "1") { fullName phone } }');
    const decision = new AccessDecisions(graph.apiSchema, graph.rules, CACHE).decide(request, caller(['residents:read', 'residents:contact']));
    expect(decision.document).toBe(request.document);
    expect(decision.queryHash).toBe(request.queryHash);
    expect(decision.removed).toEqual([]);
    expect(decision.personalFields).toEqual(['Citizen.fullName', 'Citizen.phone', 'Query.citizen']);
  });

  test('a field the scopes do not cover leaves the document, with its path and the scope it needs', () => {
    const decision = decide('{ citizen(personalId: "1") { fullName religion } }', caller(['residents:read']));
    expect(print(decision.document)).toBe(printed('{ citizen(personalId: "1") { fullName } }'));
    expect(decision.queryHash).toBe(createHash('sha256').update(print(decision.document)).digest('hex'));
    expect(decision.removed.map(({ path, message }) => ({ path, message }))).toEqual([
      { path: ['citizen', 'religion'], message: 'Not allowed to read Citizen.religion: it needs scope residents:sensitive.' },
    ]);
    expect(decision.personalFields).toEqual(['Citizen.fullName', 'Query.citizen']);
  });

  test('paths through lists name every item with "@", and aliases are the keys', () => {
    const decision = decide('{ people: citizens { name: fullName job { title } } }', caller(['residents:read']));
    expect(decision.removed.map((r) => r.path)).toEqual([['people', '@', 'job']]);
  });

  test('a fragment is filtered once and reported at every place it is spread', () => {
    const decision = decide(
      `query Both { citizen(personalId: "1") { ...Person } citizens { ...Person } }
       fragment Person on Citizen { fullName phone }`,
      caller(['residents:read']),
    );
    expect(print(decision.document)).toBe(
      printed(`query Both { citizen(personalId: "1") { ...Person } citizens { ...Person } } fragment Person on Citizen { fullName }`),
    );
    expect(decision.removed.map((r) => r.path)).toEqual([
      ['citizen', 'phone'],
      ['citizens', '@', 'phone'],
    ]);
  });

  // 22 fragments, each spreading the next twice: 2^22 spreads once expanded. Walked spread by
  // spread this took the gateway 14 s; filtered once per fragment it takes milliseconds, so the
  // bound below (a thousand times what it needs) only stops a run that went exponential again.
  test('a fragment spread 2^22 times through nested fragments is filtered once, its removed field reported once', () => {
    const fragments = Array.from({ length: 21 }, (_, i) => `fragment F${i + 2} on Citizen { ...F${i + 1} ...F${i + 1} }`);
    const query = `query Deep { citizen(personalId: "1") { ...F22 } } fragment F1 on Citizen { fullName phone } ${fragments.join(' ')}`;
    const decision = decide(query, caller(['residents:read']));
    expect(decision.removed.map((r) => r.path)).toEqual([['citizen', 'phone']]);
    expect(print(decision.document)).toContain(printed('fragment F1 on Citizen { fullName }'));
    expect(decision.document.definitions).toHaveLength(23);
  }, 10_000);

  test('inline fragments and fragments left empty disappear, and an emptied selection asks for __typename instead', () => {
    const decision = decide(
      `{ citizen(personalId: "1") { ... on Citizen { religion } ...Contact } provinces { code } }
       fragment Contact on Citizen { phone }`,
      caller(['residents:read']),
    );
    expect(print(decision.document)).toBe(printed('{ citizen(personalId: "1") { __typename } provinces { code } }'));
    expect(decision.placeholders.map((steps) => steps.map((s) => s.key))).toEqual([['citizen']]);
  });

  test('a __typename the client asked for at the same place is not a placeholder', () => {
    const decision = decide('{ citizen(personalId: "1") { religion } citizen(personalId: "1") { __typename } }', caller(['residents:read']));
    expect(decision.placeholders).toEqual([]);
  });

  test('an operation left with nothing asks the root for __typename', () => {
    const decision = decide('{ citizens { fullName } }', caller(['population:aggregate']));
    expect(print(decision.document)).toBe(printed('{ __typename }'));
    expect(decision.placeholders).toEqual([[]]);
    expect(decision.personalFields).toEqual([]);
  });

  test('the type-level rule of Job holds below a field that allowed it, and the field rule on top of it', () => {
    const decision = decide('{ citizen(personalId: "1") { job { title salary } } }', caller(['residents:read', 'civil-servants:read']));
    expect(decision.removed.map((r) => r.message)).toEqual(['Not allowed to read Job.salary: it needs scope civil-servants:read, and civil-servants:sensitive.']);
  });

  test('personal data without a purpose is refused, naming the first field that needs one', () => {
    const decision = decide('{ citizen(personalId: "1") { fullName } }', caller(['residents:read'], null));
    expect(decision.purposeRefusal?.extensions.code).toBe('PURPOSE_REQUIRED');
    expect(decision.purposeRefusal?.message).toBe('Query.citizen is personal data: state the purpose of access in the x-purpose header or the token\'s purpose claim.');
  });

  test('aggregates need no purpose', () => {
    expect(decide('{ provinces { code population } }', caller(['population:aggregate'], null)).purposeRefusal).toBeNull();
  });

  test('a removed personal-data field needs no purpose either: it is not read', () => {
    const decision = decide('{ provinces { code } citizens { fullName } }', caller(['population:aggregate'], null));
    expect(decision.purposeRefusal).toBeNull();
    expect(decision.removed.map((r) => r.path)).toEqual([['citizens']]);
  });
});

describe('Access decisions: the cache', () => {
  test('the same operation, scopes and purpose presence walk once; other scopes or no purpose walk again', () => {
    const decisions = new AccessDecisions(graph.apiSchema, graph.rules, CACHE);
    const request = operation('{ citizen(personalId: "1") { fullName religion } }');
    const first = decisions.decide(request, caller(['residents:read', 'civil-servants:read']));
    expect(decisions.decide(request, { ...caller(['civil-servants:read', 'residents:read'], 'another purpose'), subject: 'someone else' })).toBe(first);
    expect(decisions.walks).toBe(1);
    decisions.decide(request, caller(['residents:read']));
    decisions.decide(request, caller(['residents:read', 'civil-servants:read'], null));
    expect(decisions.walks).toBe(3);
  });

  test('the operation name is part of the key', () => {
    const decisions = new AccessDecisions(graph.apiSchema, graph.rules, CACHE);
    const query = 'query A { provinces { code } } query B { citizens { fullName } }';
    decisions.decide(operation(query, 'A'), caller([]));
    const b = decisions.decide(operation(query, 'B'), caller([]));
    expect(b.removed.map((r) => r.path)).toEqual([['citizens']]);
    expect(decisions.walks).toBe(2);
  });
});
