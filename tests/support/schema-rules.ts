import { isObjectType, print, type GraphQLSchema } from 'graphql';
import { ruleOf, type FieldRule } from '../../lib/auth';

/*
 * Reads a subgraph schema's access rules the way the gateway and lib/subgraph/field-rules.ts
 * read them: from the directive nodes on each field and its type.
 */

/** Federation's own fields: they carry no data of ours, and the gateway's signature guards them. */
const FEDERATION_FIELDS = new Set(['Query._service', 'Query._entities', '_Service.sdl']);

/**
 * Every field of every object type the subgraph resolves, by coordinate, with its rule (null when
 * it has none). An `@external` field is another subgraph's: its rule is there (composition refuses
 * one on the external copy), and here it only names what `@requires` brings.
 */
export function rulesOf(schema: GraphQLSchema): Map<string, FieldRule | null> {
  const rules = new Map<string, FieldRule | null>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const coordinate = `${type.name}.${field.name}`;
      const external = field.astNode?.directives?.some((directive) => directive.name.value === 'external');
      if (!FEDERATION_FIELDS.has(coordinate) && !external) rules.set(coordinate, ruleOf([...(type.astNode?.directives ?? []), ...(field.astNode?.directives ?? [])]));
    }
  }
  return rules;
}

/** Coordinates without a rule, apart from those of the types named (values reached only through a protected field). */
export const unruledFields = (rules: Map<string, FieldRule | null>, valueTypes: readonly string[]): string[] =>
  [...rules].filter(([coordinate, rule]) => rule === null && !valueTypes.includes(coordinate.split('.')[0]!)).map(([coordinate]) => coordinate);

/** The rules of the fields of these types only. */
export const rulesOfTypes = (rules: Map<string, FieldRule | null>, types: readonly string[]): Record<string, FieldRule | null> =>
  Object.fromEntries([...rules].filter(([coordinate]) => types.includes(coordinate.split('.')[0]!)));

function fieldOf(schema: GraphQLSchema, typeName: string, fieldName: string) {
  const type = schema.getType(typeName);
  const field = isObjectType(type) ? type.getFields()[fieldName] : undefined;
  if (!field) throw new Error(`${typeName}.${fieldName} is not a field of an object type`);
  return field;
}

/** The directives on one field, as SDL. */
const directivesOf = (schema: GraphQLSchema, typeName: string, fieldName: string): string[] =>
  (fieldOf(schema, typeName, fieldName).astNode?.directives ?? []).map((directive) => print(directive));

/** A field's type as SDL, e.g. `Int` (nullable) or `Int!`. */
export const typeOf = (schema: GraphQLSchema, typeName: string, fieldName: string): string => String(fieldOf(schema, typeName, fieldName).type);

/** The same rule for several fields of a type, by coordinate. */
export const sameRule = (typeName: string, fields: readonly string[], rule: FieldRule): Record<string, FieldRule> =>
  Object.fromEntries(fields.map((field) => [`${typeName}.${field}`, rule]));

export const AUTHENTICATED_RULE: FieldRule = { authenticated: true, scopeSets: [], personalData: false };
export const scopedRule = (...alternatives: string[][]): FieldRule => ({ authenticated: false, scopeSets: [alternatives], personalData: false });
export const personalRule = (...alternatives: string[][]): FieldRule => ({ ...scopedRule(...alternatives), personalData: true });

/** The rules of the keys several subgraphs declare, as the access contract states them. */
export const CITIZEN_KEY_RULE = personalRule(['residents:read'], ['civil-servants:read'], ['dossiers:read'], ['payments:read'], ['audit:self'], ['audit:read']);
export const CIVIL_SERVANT_KEY_RULE = personalRule(['civil-servants:read'], ['dossiers:read']);
export const DOSSIER_KEY_RULE = personalRule(['dossiers:read'], ['payments:read']);
export const DATA_HEALTH_RULE = scopedRule(['data-health:aggregate']);

/** Value types of every subgraph's data health, reached only through ProvinceDataHealth's ruled fields. */
export const DATA_HEALTH_TYPES = ['DatabaseHealth', 'FieldCompleteness', 'ReferenceHealth'];

/** The same key rules written out as text: every subgraph declaring the entity must carry exactly these. */
const PERSONAL_DATA_SDL = '@policy(policies: [["personal-data"]])';
const SHARED_KEY_SDL = {
  'Citizen.personalId': [
    '@requiresScopes(scopes: [["residents:read"], ["civil-servants:read"], ["dossiers:read"], ["payments:read"], ["audit:self"], ["audit:read"]])',
    PERSONAL_DATA_SDL,
  ],
  'CivilServant.personalId': ['@requiresScopes(scopes: [["civil-servants:read"], ["dossiers:read"]])', PERSONAL_DATA_SDL],
  'Dossier.code': ['@requiresScopes(scopes: [["dossiers:read"], ["payments:read"]])', PERSONAL_DATA_SDL],
  'Province.code': ['@authenticated'],
  'Procedure.code': ['@authenticated'],
  'ProvinceDataHealth.provinceCode': ['@authenticated'],
};

type SharedKey = keyof typeof SHARED_KEY_SDL;

/** The directives, as SDL, of each shared key field the schema declares. */
export function sharedKeysOf(schema: GraphQLSchema): Partial<Record<SharedKey, string[]>> {
  const declared = (Object.keys(SHARED_KEY_SDL) as SharedKey[]).filter((coordinate) => isObjectType(schema.getType(coordinate.split('.')[0]!)));
  return Object.fromEntries(declared.map((coordinate) => [coordinate, directivesOf(schema, ...(coordinate.split('.') as [string, string]))]));
}

/** The text the contract gives these shared keys. */
export const sharedKeySdl = (...coordinates: SharedKey[]): Partial<Record<SharedKey, string[]>> =>
  Object.fromEntries(coordinates.map((coordinate) => [coordinate, SHARED_KEY_SDL[coordinate]]));

/** Builds the subgraph's schema before the tests of the enclosing file; the tests read it through the function returned. */
export function useSubgraphSchema(subgraph: { buildSchema(): Promise<GraphQLSchema> }): () => GraphQLSchema {
  let schema: GraphQLSchema | undefined;
  beforeAll(async () => {
    schema = await subgraph.buildSchema();
  });
  return () => {
    if (!schema) throw new Error('The schema is built before the tests: read it in a test, not while the file loads');
    return schema;
  };
}
