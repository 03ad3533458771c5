/** A GraphQL name: what an operation name must be to become a label value. */
const NAME = /^[_A-Za-z][_0-9A-Za-z]{0,99}$/;

/**
 * Operation names as metric labels, bounded: the first `max` distinct names are kept, anything
 * later (or not a GraphQL name) is `other`, and an unnamed operation is `anonymous`. Clients
 * choose operation names; unbounded, they would grow the metrics (and Prometheus) without end.
 */
export class OperationNames {
  private readonly seen = new Set<string>();

  constructor(private readonly max: number) {}

  label(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (this.seen.has(name)) return name;
    if (this.seen.size >= this.max || !NAME.test(name)) return 'other';
    this.seen.add(name);
    return name;
  }
}

/** What a request came to, as one label: `ok`, or the first error code of its answer. */
export const outcomeOf = (errorCodes: readonly string[]): string => errorCodes[0] ?? 'ok';
