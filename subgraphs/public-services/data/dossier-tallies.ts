import type { TallySpec } from '../../../lib/db';

/** Vietnam's calendar day of an instant, as the portal's reports count days. */
export const vietnamDaySql = (column: string): string => `(${column} AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`;

/**
 * Dossiers by province and day of submission: the counts behind `dossierStatistics` and
 * `dossierSeries`, kept by a trigger. `completed_late` is the overdue count of completed
 * dossiers, which never changes; an open dossier becomes overdue as time passes, so those are
 * counted live (`OPEN_OVERDUE` in overdue.ts, over a small partial index).
 */
export const DOSSIER_DAYS: TallySpec = {
  source: 'dossiers',
  tally: 'dossier_days',
  keys: [
    { name: 'province_code', type: 'char(2)', expression: '$row.province_code' },
    { name: 'day', type: 'date', expression: vietnamDaySql('$row.submitted_at') },
  ],
  counters: [
    { name: 'received', type: 'integer', expression: '1' },
    { name: 'online', type: 'integer', expression: "($row.channel = 'ONLINE')::int" },
    { name: 'completed', type: 'integer', expression: '($row.completed_at IS NOT NULL)::int' },
    { name: 'completed_on_time', type: 'integer', expression: 'coalesce(($row.completed_at <= $row.due_at)::int, 0)' },
    { name: 'completed_late', type: 'integer', expression: 'coalesce(($row.completed_at > $row.due_at)::int, 0)' },
  ],
  watched: ['province_code', 'submitted_at', 'channel', 'completed_at', 'due_at'],
};
