/**
 * A key read from our own rows must lead to a record. When one does not, the database is
 * inconsistent: that is our fault, not the caller's, so it surfaces as an internal error.
 */
export function stored<T>(found: T | null, what: string, key: string): T {
  if (found === null) throw new Error(`Dangling ${what} ${key} in the population database`);
  return found;
}
