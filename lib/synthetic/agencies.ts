import type { AgencyLevel } from '../domain/civil-service';
import { PROVINCES, provinceByCode } from '../domain/provinces';
import { COMMUNES } from './geography';

export interface SyntheticAgency {
  code: string;
  name: string;
  level: AgencyLevel;
  provinceCode: string;
  parentCode: string | null;
}

const CAPITAL = '01';

const MINISTRIES: readonly [string, string][] = [
  ['BCA', 'Bộ Công an'], ['BNV', 'Bộ Nội vụ'], ['BTP', 'Bộ Tư pháp'], ['BTC', 'Bộ Tài chính'],
  ['VPCP', 'Văn phòng Chính phủ'], ['BYT', 'Bộ Y tế'], ['BGDDT', 'Bộ Giáo dục và Đào tạo'],
];

const DEPARTMENTS: readonly [string, string][] = [
  ['UBND', 'Ủy ban nhân dân'], ['SNV', 'Sở Nội vụ'], ['STP', 'Sở Tư pháp'], ['STC', 'Sở Tài chính'], ['SYT', 'Sở Y tế'],
  ['SGDDT', 'Sở Giáo dục và Đào tạo'], ['SXD', 'Sở Xây dựng'], ['CA', 'Công an'], ['TTPVHCC', 'Trung tâm Phục vụ hành chính công'],
];

export const provinceAgencyCode = (provinceCode: string, department: string): string => `${provinceCode}.${department}`;
export const communeAgencyCode = (communeCode: string): string => `X${communeCode}`;
export const PROVINCE_DEPARTMENTS = DEPARTMENTS.map(([code]) => code);
export const CENTRAL_AGENCIES = MINISTRIES.map(([code]) => code);

/** Agencies at the three levels of the 2025 two-tier local government, plus the central ministries. */
export function generateAgencies(): SyntheticAgency[] {
  const central = MINISTRIES.map(([code, name]) => ({ code, name, level: 'CENTRAL' as const, provinceCode: CAPITAL, parentCode: null }));
  const provincial = PROVINCES.flatMap((p) =>
    DEPARTMENTS.map(([dept, name]) => ({
      code: provinceAgencyCode(p.code, dept),
      name: `${name} ${p.kind === 'city' ? 'thành phố' : 'tỉnh'} ${p.name}`,
      level: 'PROVINCE' as const,
      provinceCode: p.code,
      parentCode: dept === 'UBND' ? null : provinceAgencyCode(p.code, 'UBND'),
    })),
  );
  const communal = COMMUNES.map((c) => ({
    code: communeAgencyCode(c.code),
    name: `Ủy ban nhân dân ${c.name}, ${provinceByCode(c.provinceCode)!.name}`,
    level: 'COMMUNE' as const,
    provinceCode: c.provinceCode,
    parentCode: provinceAgencyCode(c.provinceCode, 'UBND'),
  }));
  return [...central, ...provincial, ...communal];
}
