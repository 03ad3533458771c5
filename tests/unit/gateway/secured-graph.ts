import { Supergraph } from '@apollo/federation-internals';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse, type GraphQLSchema } from 'graphql';
import { PERSONAL_DATA, requiresScopes } from '../../../lib/auth';
import { secureSupergraph, type FieldRules } from '../../../gateway/access/supergraph-security';
import { composeSupergraph } from '../../../schema/compose-supergraph';

const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@authenticated", "@requiresScopes", "@policy"])';

/** A subgraph made from SDL alone, authorization directives written with lib's helpers. */
export const subgraph = (name: string, sdl: string) => ({
  name,
  buildSchema: async () => buildSubgraphSchema([{ typeDefs: parse(`${LINK}\n${sdl}`) }]),
});

const KEY = `${requiresScopes(['residents:read'], ['civil-servants:read'])} ${PERSONAL_DATA}`;

/** Two subgraphs sharing Citizen: field-level, type-level, non-null, list and aggregate rules. */
export const SUBGRAPHS = [
  subgraph(
    'people',
    `type Query {
      citizen(personalId: ID!): Citizen ${requiresScopes(['residents:read'])} ${PERSONAL_DATA}
      citizens: [Citizen!]! ${requiresScopes(['residents:read'])} ${PERSONAL_DATA}
      provinces: [Province!]! @authenticated
    }
    type Citizen @key(fields: "personalId") {
      personalId: ID! ${KEY}
      fullName: String! ${requiresScopes(['residents:read'])} ${PERSONAL_DATA}
      phone: String ${requiresScopes(['residents:contact'])} ${PERSONAL_DATA}
      religion: String! ${requiresScopes(['residents:sensitive'])} ${PERSONAL_DATA}
    }
    type Province @key(fields: "code") {
      code: ID! @authenticated
      population: Int ${requiresScopes(['population:aggregate'])}
    }`,
  ),
  subgraph(
    'jobs',
    `type Citizen @key(fields: "personalId") {
      personalId: ID! ${KEY}
      job: Job ${requiresScopes(['civil-servants:read'])} ${PERSONAL_DATA}
    }
    type Job ${requiresScopes(['civil-servants:read'])} {
      title: String
      salary: Int ${requiresScopes(['civil-servants:sensitive'])} ${PERSONAL_DATA}
    }`,
  ),
];

export const composedSupergraph = async (): Promise<string> => (await composeSupergraph(SUBGRAPHS, (name) => `http://${name}.invalid/graphql`)).supergraphSdl;

export interface SecuredGraph {
  supergraphSdl: string;
  rules: FieldRules;
  executableSdl: string;
  /** The schema clients validate against (what Apollo Server hands the gateway). */
  apiSchema: GraphQLSchema;
}

export async function securedGraph(): Promise<SecuredGraph> {
  const supergraphSdl = await composedSupergraph();
  const { rules, executableSdl } = secureSupergraph(supergraphSdl);
  return { supergraphSdl, rules, executableSdl, apiSchema: Supergraph.build(executableSdl).apiSchema().toGraphQLJSSchema() };
}
