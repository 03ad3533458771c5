import type { OperationDefinitionNode } from 'graphql';
import { AppError } from '../../lib/errors';

/**
 * The operation a request runs, or a client error saying why there is none: a document with
 * several operations needs an operationName, and it must name one of them.
 */
export function resolvedOperation(operation: OperationDefinitionNode | undefined, operationName: string | undefined | null): OperationDefinitionNode {
  if (operation) return operation;
  throw operationResolutionFailure(operationName);
}

/** Why a request has no operation to run. */
export function operationResolutionFailure(operationName: string | undefined | null): AppError {
  const message = operationName
    ? `The document has no operation named "${operationName}".`
    : 'The document has several operations: choose one with operationName.';
  return new AppError('OPERATION_RESOLUTION_FAILURE', message, { http: { status: 400 } });
}
