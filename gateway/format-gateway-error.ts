import type { GraphQLFormattedError } from 'graphql';
import { formatClientError } from '../lib/errors';

/**
 * The client-facing form of every gateway error: lib's masking, and no `serviceName`.
 * @apollo/gateway tags each subgraph error with the subgraph that raised it; which database
 * answers a field is the graph's internal layout, free to change, so clients never see it.
 */
export function formatGatewayError(formatted: GraphQLFormattedError, error?: unknown): GraphQLFormattedError {
  const masked = formatClientError(formatted, error);
  if (!masked.extensions || !('serviceName' in masked.extensions)) return masked;
  const { serviceName: _serviceName, ...extensions } = masked.extensions;
  return { ...masked, extensions };
}
