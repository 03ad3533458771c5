/** Civil-service ranks (ngạch) and their salary coefficient steps, per DOMAIN.md. */
export interface RankSpec {
  readonly code: string;
  readonly name: string;
  readonly grade: 'A1' | 'A2' | 'A3';
  readonly coefficients: readonly number[];
}

const steps = (first: number, last: number, count: number): number[] =>
  Array.from({ length: count }, (_, i) => Math.round((first + ((last - first) * i) / (count - 1)) * 100) / 100);

export const RANKS: readonly RankSpec[] = [
  { code: '01.001', name: 'Chuyên viên cao cấp', grade: 'A3', coefficients: steps(6.2, 8.0, 6) },
  { code: '01.002', name: 'Chuyên viên chính', grade: 'A2', coefficients: steps(4.4, 6.78, 8) },
  { code: '01.003', name: 'Chuyên viên', grade: 'A1', coefficients: steps(2.34, 4.98, 9) },
];

/** Base salary (lương cơ sở) in VND from 1 July 2024; salary = coefficient × base. */
export const BASE_SALARY_VND = 2_340_000;

export const rankByCode = (code: string): RankSpec | undefined => RANKS.find((r) => r.code === code);

export const monthlySalary = (coefficient: number): number => Math.round(coefficient * BASE_SALARY_VND);

export const AGENCY_LEVELS = ['CENTRAL', 'PROVINCE', 'COMMUNE'] as const;
export type AgencyLevel = (typeof AGENCY_LEVELS)[number];
