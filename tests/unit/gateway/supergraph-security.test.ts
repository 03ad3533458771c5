import { Supergraph } from '@apollo/federation-internals';
import { UnsupportedSecurityError, secureSupergraph } from '../../../gateway/access/supergraph-security';
import { composedSupergraph, securedGraph, type SecuredGraph } from './secured-graph';

let graph: SecuredGraph;

beforeAll(async () => {
  graph = await securedGraph();
});

const scopes = (...alternatives: string[][]) => ({ authenticated: false, scopeSets: [alternatives], personalData: false });
const personal = (...alternatives: string[][]) => ({ ...scopes(...alternatives), personalData: true });

describe('Supergraph security: a composed supergraph', () => {
  test('links the three authorization features for SECURITY, which @apollo/gateway refuses to load', () => {
    expect(graph.supergraphSdl).toContain('@link(url: "https://specs.apollo.dev/requiresScopes/v0.1", for: SECURITY)');
    expect(() => Supergraph.build(graph.supergraphSdl)).toThrow(/for: SECURITY/);
  });

  test('gives a rule for every field that carries a directive, field and type level', () => {
    expect(Object.fromEntries(graph.rules)).toEqual({
      'Query.citizen': personal(['residents:read']),
      'Query.citizens': personal(['residents:read']),
      'Query.provinces': { authenticated: true, scopeSets: [], personalData: false },
      'Citizen.personalId': personal(['residents:read'], ['civil-servants:read']),
      'Citizen.fullName': personal(['residents:read']),
      'Citizen.phone': personal(['residents:contact']),
      'Citizen.religion': personal(['residents:sensitive']),
      'Citizen.job': personal(['civil-servants:read']),
      'Province.code': { authenticated: true, scopeSets: [], personalData: false },
      'Province.population': scopes(['population:aggregate']),
      // The type's @requiresScopes holds for each field, together with the field's own.
      'Job.title': scopes(['civil-servants:read']),
      'Job.salary': { authenticated: false, scopeSets: [[['civil-servants:read']], [['civil-servants:sensitive']]], personalData: true },
    });
  });

  test('loses its authorization links, definitions, types and every use in the copy @apollo/gateway executes', () => {
    expect(graph.executableSdl).not.toMatch(/@authenticated|requiresScopes|policy|for: SECURITY/);
    expect(graph.executableSdl).toContain('@link(url: "https://specs.apollo.dev/join/v0.4", for: EXECUTION)');
    expect(graph.executableSdl).toMatch(/religion: String! @join__field\(graph: PEOPLE\)\n/);
    expect(() => Supergraph.build(graph.executableSdl)).not.toThrow();
  });

  test('keeps the same API schema once stripped: every type and field clients can ask for', () => {
    const api = Supergraph.build(graph.executableSdl).apiSchema().toGraphQLJSSchema();
    const apiOfOriginal = Supergraph.build(graph.supergraphSdl, { supportedFeatures: null }).apiSchema().toGraphQLJSSchema();
    const fields = (schema: typeof api) =>
      Object.values(schema.getTypeMap())
        .filter((type) => !type.name.startsWith('__') && 'getFields' in type)
        .flatMap((type) => Object.keys((type as { getFields(): object }).getFields()).map((field) => `${type.name}.${field}`))
        .sort();
    expect(fields(api)).toEqual(fields(apiOfOriginal));
  });
});

describe('Supergraph security: renamed features', () => {
  test('a feature linked under another name (`as:`) is read and stripped under that name', async () => {
    const renamed = (await composedSupergraph())
      .replace('@link(url: "https://specs.apollo.dev/requiresScopes/v0.1", for: SECURITY)', '@link(url: "https://specs.apollo.dev/requiresScopes/v0.1", as: "scopes", for: SECURITY)')
      .replaceAll('@requiresScopes(', '@scopes(')
      .replaceAll('directive @requiresScopes', 'directive @scopes')
      .replaceAll('requiresScopes__Scope', 'scopes__Scope');
    const secured = secureSupergraph(renamed);
    expect(secured.rules).toEqual(graph.rules);
    expect(secured.executableSdl).not.toMatch(/@scopes|scopes__Scope|requiresScopes/);
    expect(() => Supergraph.build(secured.executableSdl)).not.toThrow();
  });

  test('an imported directive name is read as the feature it comes from', async () => {
    const imported = (await composedSupergraph())
      .replace('@link(url: "https://specs.apollo.dev/policy/v0.1", for: SECURITY)', '@link(url: "https://specs.apollo.dev/policy/v0.1", for: SECURITY, import: [{ name: "@policy", as: "@rule" }])')
      .replaceAll('@policy(', '@rule(')
      .replaceAll('directive @policy', 'directive @rule');
    const secured = secureSupergraph(imported);
    expect(secured.rules.get('Citizen.religion')?.personalData).toBe(true);
    expect(secured.executableSdl).not.toMatch(/@rule|policy/);
  });
});

describe('Supergraph security: what the gateway cannot enforce', () => {
  test('authorization directives on an interface stop the gateway from starting', async () => {
    const withInterface = `${await composedSupergraph()}\ninterface Named { name: String @requiresScopes(scopes: [["residents:read"]]) }\n`;
    expect(() => secureSupergraph(withInterface)).toThrow(UnsupportedSecurityError);
    expect(() => secureSupergraph(withInterface)).toThrow('The interface Named carries authorization directives; the gateway enforces them on object types only.');
  });
});
