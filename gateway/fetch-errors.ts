import type { GraphQLFormattedError } from 'graphql';
import { fetchPaths } from './fetch-paths';

/** What a subgraph fetch answers, as @apollo/gateway reads it. */
export interface FetchAnswer {
  data?: Record<string, unknown> | null;
  errors?: readonly GraphQLFormattedError[];
  extensions?: Record<string, unknown>;
}

export interface FetchRequest {
  query?: string;
  variables?: Record<string, unknown>;
}

const isEntityFetch = ({ variables }: FetchRequest) => Array.isArray(variables?.representations);

/** Whether @apollo/gateway can map the error's path to the client's operation: in an entity fetch only paths into one `_entities` item map. */
const locates = (error: GraphQLFormattedError, entityFetch: boolean) =>
  entityFetch ? error.path?.[0] === '_entities' && typeof error.path[1] === 'number' : (error.path?.length ?? 0) > 0;

/** An entity fetch must answer one `_entities` item per representation, or @apollo/gateway fails the fetch without a path. */
function answersEveryRepresentation({ data }: FetchAnswer, { variables }: FetchRequest): boolean {
  if (!data || !isEntityFetch({ variables })) return true;
  const entities = data._entities;
  return Array.isArray(entities) && entities.length === (variables!.representations as unknown[]).length;
}

/**
 * A fetch's answer in which every error has a path. @apollo/gateway rewrites the paths a
 * subgraph gives to the client's operation, but passes pathless errors on as they are: a
 * subgraph that refused the whole request (a variable that failed coercion, a refused
 * signature) or could not be reached. Such an error concerns every field the fetch was to
 * fill, so it is put at each of them; an entity answer of the wrong shape is dropped, as
 * @apollo/gateway would, with `unreadable` (or the subgraph's own errors) in its place.
 */
export function withErrorPaths(answer: FetchAnswer, request: FetchRequest, unreadable: GraphQLFormattedError): FetchAnswer {
  const entityFetch = isEntityFetch(request);
  const fits = answersEveryRepresentation(answer, request);
  const errors = fits ? (answer.errors ?? []) : answer.errors?.length ? answer.errors : [unreadable];
  if (fits && errors.every((error) => locates(error, entityFetch))) return answer;
  const paths = request.query ? fetchPaths(request.query, request.variables) : [];
  const placed = errors.flatMap((error) => (locates(error, entityFetch) || paths.length === 0 ? [error] : paths.map((path) => ({ ...error, path }))));
  return fits ? { ...answer, errors: placed } : { extensions: answer.extensions, errors: placed };
}
