import { isProvinceCode } from '../../../lib/domain';
import type { Province } from '../types/province.type';

/** Any of the 34 units of 2025; other codes resolve to null. */
export const resolveProvinceReference = ({ code }: { code: string }): Province | null => (isProvinceCode(code) ? { code } : null);
