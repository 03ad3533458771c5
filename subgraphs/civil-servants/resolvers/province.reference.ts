import { isProvinceCode } from '../../../lib/domain';
import type { Province } from '../types/province.type';

/** Residents owns provinces: the key is all this subgraph needs, and `staffing` batches on its own. */
export const resolveProvinceReference = (reference: { code: string }): Province | null =>
  typeof reference.code === 'string' && isProvinceCode(reference.code) ? { code: reference.code } : null;
