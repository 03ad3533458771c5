import DataLoader from 'dataloader';
import { KEY_RULES, type KeyKind } from './well-formed';
import type { ReferenceHealth } from './health.type';

/** A reference as the database it points into describes it. */
export interface ReferenceSpec {
  /** The reference as a coordinate of the graph, e.g. "Dossier.applicant". */
  reference: string;
  holder: string;
  target: string;
  key: KeyKind;
}

/**
 * Checks references another database holds against this one's keys: malformed ones are counted
 * and not looked up; the well-formed ones are looked up once each (`missing` answers which of
 * the distinct keys it was given the database does not hold), and every reference to a missing
 * key is dangling. Only counts leave: the references themselves never do.
 */
export async function checkReferences(
  spec: ReferenceSpec,
  references: readonly string[] | null | undefined,
  missing: (keys: readonly string[]) => Promise<ReadonlySet<string>>,
): Promise<ReferenceHealth> {
  const held = references ?? [];
  const wellFormed = held.filter(KEY_RULES[spec.key]);
  const absent = wellFormed.length > 0 ? await missing([...new Set(wellFormed)]) : new Set<string>();
  return {
    reference: spec.reference,
    holder: spec.holder,
    target: spec.target,
    held: held.length,
    malformed: held.length - wellFormed.length,
    dangling: wellFormed.filter((key) => absent.has(key)).length,
  };
}

/**
 * Look-ups of many provinces' references batched into one statement: each load gives distinct
 * keys, the batch asks the database once for the keys of all of them it does not hold. Not
 * cached: the lists are large and asked once.
 */
export function missingKeysLoader(findMissing: (keys: readonly string[]) => Promise<readonly string[]>): DataLoader<readonly string[], ReadonlySet<string>> {
  return new DataLoader(
    async (lists) => {
      const missing = new Set(await findMissing([...new Set(lists.flat())]));
      return lists.map(() => missing);
    },
    { cache: false },
  );
}
