import type { Period } from '../../../lib/graphql/period';

/** What `Province.dossierStatistics` returns: the raw counts of a period and their ratios. */
export interface DossierStatisticsRecord {
  from: string;
  to: string;
  received: number;
  online: number;
  onlineShare: number | null;
  completed: number;
  completedOnTime: number;
  onTimeRate: number | null;
  overdue: number;
}

export interface DossierCounts {
  received: number;
  online: number;
  completed: number;
  completedOnTime: number;
  overdue: number;
}

/** A ratio of nothing is unknown, not zero: dashboards must not show 0% for an empty period. */
const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

/** The figures of a period (or of one point of a series) from its counts. */
export const toStatistics = ({ from, to }: Pick<Period, 'from' | 'to'>, { received, online, completed, completedOnTime, overdue }: DossierCounts): DossierStatisticsRecord => ({
  from,
  to,
  received,
  online,
  onlineShare: ratio(online, received),
  completed,
  completedOnTime,
  onTimeRate: ratio(completedOnTime, completed),
  overdue,
});
