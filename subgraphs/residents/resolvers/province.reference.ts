import { findProvince } from '../data/places';
import type { Province } from '../types/province.type';

/**
 * `{ code }` becomes the province straight from the reference data: there is no row to batch.
 * Its population, the one part that reads the database, goes through a loader.
 */
export function resolveProvinceReference(reference: { code: string }): Province | null {
  return findProvince(reference.code);
}
