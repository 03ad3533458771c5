import type { PathStep } from './path-step';

type ResponseObject = Record<string, unknown>;

const isObject = (value: unknown): value is ResponseObject => typeof value === 'object' && value !== null;

/** Every object the response holds at `steps`, through lists at any depth. */
function* objectsAt(value: unknown, steps: readonly PathStep[]): Generator<ResponseObject> {
  if (Array.isArray(value)) {
    for (const item of value) yield* objectsAt(item, steps);
    return;
  }
  if (!isObject(value)) return;
  const [step, ...rest] = steps;
  if (!step) yield value;
  else yield* objectsAt(value[step.key], rest);
}

/**
 * Puts `null` where a removed field would have been. Returns true when `object` itself must
 * become null instead: the removed field (or a non-null field on the way to it) cannot be null,
 * so the null moves up to the nearest nullable ancestor, as GraphQL execution would move it.
 */
function nullInObject(object: ResponseObject, steps: readonly PathStep[]): boolean {
  const [step, ...rest] = steps as [PathStep, ...PathStep[]];
  if (rest.length === 0 || nullInValue(object[step.key], step.items, rest)) {
    if (!step.nullable) return true;
    object[step.key] = null;
  }
  return false;
}

function nullInValue(value: unknown, items: readonly boolean[], steps: readonly PathStep[]): boolean {
  if (!Array.isArray(value)) return isObject(value) && nullInObject(value, steps);
  const [itemNullable, ...inner] = items;
  for (const [index, item] of value.entries()) {
    if (!nullInValue(item, inner, steps)) continue;
    if (!itemNullable) return true;
    value[index] = null;
  }
  return false;
}

/**
 * Shapes a response to the operation the client sent: the `__typename`s that stood in for
 * emptied selections leave, and every removed field reads `null` (or nulls its nearest nullable
 * ancestor). The data is changed in place; the result is the data, or null when the null
 * reached the root.
 */
export function restoreRemovedFields(
  data: ResponseObject | null | undefined,
  removed: readonly (readonly PathStep[])[],
  placeholders: readonly (readonly PathStep[])[],
): ResponseObject | null | undefined {
  if (!data) return data;
  for (const steps of placeholders) for (const object of objectsAt(data, steps)) delete object.__typename;
  for (const steps of removed) if (nullInObject(data, steps)) return null;
  return data;
}
