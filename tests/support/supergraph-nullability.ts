import { Kind, parse, type ConstDirectiveNode, type ObjectTypeDefinitionNode } from 'graphql';
import { secureSupergraph } from '../../gateway/access/supergraph-security';
import type { FieldRule } from '../../lib/auth';

/** Why a field must be nullable: it can be refused to a caller, or it can fail apart from its parent. */
export interface NullabilityDemand {
  coordinate: string;
  /** The field's type as the supergraph declares it, e.g. `[Dossier!]!`. */
  type: string;
  /** `@requiresScopes` or `@policy` (on the field or its type): the gateway can refuse it to an authenticated caller. */
  ruled: boolean;
  /** Subgraphs that declare the parent type but cannot resolve the field: an object they produce reaches it through another fetch. */
  fetchedElsewhereFor: string[];
  nullable: boolean;
}

const argument = (directive: ConstDirectiveNode, name: string) => directive.arguments?.find((a) => a.name.value === name)?.value;

const graphOf = (directive: ConstDirectiveNode): string | undefined => {
  const graph = argument(directive, 'graph');
  return graph?.kind === Kind.ENUM ? graph.value : undefined;
};

const directivesNamed = (node: { directives?: readonly ConstDirectiveNode[] }, name: string) => (node.directives ?? []).filter((d) => d.name.value === name);

const flag = (join: ConstDirectiveNode, name: string) => {
  const value = argument(join, name);
  return value?.kind === Kind.BOOLEAN && value.value;
};

/** A subgraph names an `external` field without resolving it, and keeps an overridden one (`usedOverridden`) only for its own `@requires`. */
const resolvesThere = (join: ConstDirectiveNode) => !flag(join, 'external') && !flag(join, 'usedOverridden');

/**
 * @authenticated alone never refuses anyone who reached execution: the gateway answers every
 * /graphql request without a verified token with 401 before parsing it. @requiresScopes and
 * @policy can refuse an authenticated caller a single field.
 */
const canRefuseAuthenticatedCaller = (rule: FieldRule | undefined) => !!rule && (rule.scopeSets.length > 0 || rule.personalData);

/** The subgraphs that resolve a field: those its @join__field names (external and overridden ones excepted), or every one declaring its type. */
function resolvingGraphs(field: { directives?: readonly ConstDirectiveNode[] }, typeGraphs: readonly string[]): string[] {
  const joins = directivesNamed(field, 'join__field');
  if (joins.length === 0) return [...typeGraphs];
  if (joins.some((join) => graphOf(join) === undefined)) return [...typeGraphs];
  return joins.filter(resolvesThere).map((join) => graphOf(join)!);
}

const printType = (source: string, type: { loc?: { start: number; end: number } }) => source.slice(type.loc!.start, type.loc!.end);

/**
 * Reads a composed supergraph and lists, for every field of every object type, whether it must
 * be nullable so that a refused or failed field costs only itself: a non-null field that is
 * refused (the gateway removes it) or whose subgraph fails would null its parent, and so on up
 * to the nearest nullable ancestor — a whole citizen, or `data` itself.
 */
export function nullabilityDemands(supergraphSdl: string): NullabilityDemand[] {
  const { rules } = secureSupergraph(supergraphSdl);
  const document = parse(supergraphSdl);
  const objects = document.definitions.filter((d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION);
  return objects.flatMap((type) => {
    const typeGraphs = directivesNamed(type, 'join__type').flatMap((join) => graphOf(join) ?? []);
    return (type.fields ?? []).map((field) => {
      const coordinate = `${type.name.value}.${field.name.value}`;
      const resolvers = new Set(resolvingGraphs(field, typeGraphs));
      return {
        coordinate,
        type: printType(supergraphSdl, field.type),
        ruled: canRefuseAuthenticatedCaller(rules.get(coordinate)),
        fetchedElsewhereFor: typeGraphs.filter((graph) => !resolvers.has(graph)),
        nullable: field.type.kind !== Kind.NON_NULL_TYPE,
      };
    });
  });
}

/** The fields that break the contract: ruled or fetched elsewhere, yet non-null. */
export const nonNullableDemands = (supergraphSdl: string): NullabilityDemand[] =>
  nullabilityDemands(supergraphSdl).filter((demand) => !demand.nullable && (demand.ruled || demand.fetchedElsewhereFor.length > 0));
