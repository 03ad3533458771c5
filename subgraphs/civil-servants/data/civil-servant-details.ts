import { monthlySalary, RANKS, type RankSpec } from '../../../lib/domain';
import { Random, WeightedTable, type SyntheticCivilServantBase } from '../../../lib/synthetic';
import type { CivilServantRecord } from './civil-servant.repository';
import type { EducationLevel, EmploymentType, PerformanceRating } from './vocabulary';
import { fullYearsBetween } from './years-of-service';

/**
 * What the civil-servants database knows about a person beyond who they are and where they
 * work: the stored row's own columns, with the whole rank where the row keeps its code.
 */
export interface CivilServantDetails extends Omit<CivilServantRecord, 'personalId' | 'agencyCode' | 'provinceCode' | 'rankCode'> {
  rank: RankSpec;
}

const GRADE_SHARES = { A1: 70, A2: 25, A3: 5 } as const;
const RANK_TABLE = new WeightedTable(RANKS.map((rank) => [rank, GRADE_SHARES[rank.grade]] as const));

const EMPLOYMENT_TYPES = new WeightedTable<EmploymentType>([['CADRE', 10], ['CIVIL_SERVANT', 60], ['PUBLIC_EMPLOYEE', 30]]);

const POSITIONS: Record<EmploymentType, WeightedTable<string>> = {
  CADRE: new WeightedTable([
    ['Bí thư Chi bộ', 30], ['Chủ tịch Công đoàn', 25], ['Bí thư Đoàn Thanh niên', 25], ['Phó Chủ tịch Ủy ban nhân dân', 14], ['Chủ tịch Ủy ban nhân dân', 6],
  ]),
  CIVIL_SERVANT: new WeightedTable([
    ['Chuyên viên', 55], ['Thanh tra viên', 8], ['Kế toán viên', 8], ['Văn thư', 7], ['Phó Trưởng phòng', 14], ['Trưởng phòng', 8],
  ]),
  PUBLIC_EMPLOYEE: new WeightedTable([
    ['Giáo viên', 40], ['Bác sĩ', 15], ['Điều dưỡng', 15], ['Kỹ sư', 15], ['Nghiên cứu viên', 10], ['Thư viện viên', 5],
  ]),
};

const RATINGS = new WeightedTable<PerformanceRating>([['EXCELLENT', 15], ['GOOD', 55], ['COMPLETED', 27], ['NOT_COMPLETED', 3]]);

const EDUCATION: Record<RankSpec['grade'], WeightedTable<EducationLevel>> = {
  A1: new WeightedTable([['BACHELOR', 80], ['MASTER', 18], ['DOCTORATE', 2]]),
  A2: new WeightedTable([['BACHELOR', 45], ['MASTER', 45], ['DOCTORATE', 10]]),
  A3: new WeightedTable([['BACHELOR', 15], ['MASTER', 50], ['DOCTORATE', 35]]),
};

const PARTY_SHARE: Record<RankSpec['grade'], number> = { A1: 0.4, A2: 0.8, A3: 0.95 };
const CADRE_PARTY_SHARE = 0.97;

/** Health classes of the periodic check-up (Circular 14/2013/TT-BYT); null when none is on file. */
const HEALTH = new WeightedTable<string | null>([
  [null, 10], ['Loại I (rất khỏe)', 35], ['Loại II (khỏe)', 40], ['Loại III (trung bình)', 12], ['Loại IV (yếu)', 3],
]);

/** A salary step every three years of service (Decree 204/2004), up to the rank's last step. */
const YEARS_PER_STEP = 3;
/** Starting on 1 January of the year one turns 23 makes a recruit at least 22 whatever their birthday. */
const FIRST_SERVICE_AGE = 23;
/** Recruitment happens within this many years of the earliest possible start, mostly early. */
const RECRUITMENT_WINDOW_DAYS = 15 * 365;
const DAY_MS = 86_400_000;
const THOUSAND = 1000;

/**
 * Draws deterministic details for civil servants picked by `selectCivilServants`: the same
 * seed, asOf and order of people give the same details, from a stream of its own.
 */
export function civilServantDetailsDrawer(seed: number, asOf: Date): (person: SyntheticCivilServantBase) => CivilServantDetails {
  const random = new Random(seed, 'civil-servant-details');
  const asOfDay = asOf.toISOString().slice(0, 10);
  const asOfMs = Date.parse(`${asOfDay}T00:00:00Z`);

  return (person) => {
    const employmentType = EMPLOYMENT_TYPES.draw(random);
    const rank = RANK_TABLE.draw(random);
    const earliestMs = Date.UTC(person.birthYear + FIRST_SERVICE_AGE, 0, 1);
    const windowDays = Math.min(Math.floor((asOfMs - earliestMs) / DAY_MS), RECRUITMENT_WINDOW_DAYS);
    const startDate = new Date(earliestMs + Math.floor(random.next() ** 2 * (windowDays + 1)) * DAY_MS).toISOString().slice(0, 10);
    const salaryStep = Math.min(rank.coefficients.length, 1 + Math.floor(fullYearsBetween(startDate, asOfDay) / YEARS_PER_STEP));
    const salaryCoefficient = rank.coefficients[salaryStep - 1]!;
    const annualSalary = monthlySalary(salaryCoefficient) * 12;
    return {
      employmentType,
      rank,
      salaryStep,
      salaryCoefficient,
      position: POSITIONS[employmentType].draw(random),
      startDate,
      performanceRating: RATINGS.draw(random),
      educationLevel: EDUCATION[rank.grade].draw(random),
      partyMember: random.chance(employmentType === 'CADRE' ? CADRE_PARTY_SHARE : PARTY_SHARE[rank.grade]),
      // Salary plus declared other income (allowances, savings, rent), to the thousand đồng.
      declaredAnnualIncome: Math.round((annualSalary * (1.1 + random.next() * 1.4)) / THOUSAND) * THOUSAND,
      healthStatus: HEALTH.draw(random),
    };
  };
}
