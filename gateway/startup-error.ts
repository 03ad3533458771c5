/** A problem the operator fixes (a missing file, a missing key): main.ts prints its message alone and exits 1. */
export class StartupError extends Error {
  override readonly name = 'StartupError';
}
