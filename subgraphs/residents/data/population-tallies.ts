import type { TallySpec } from '../../../lib/db';

/**
 * Living residents by province and sex, kept by a trigger: `Province.population`'s totals and
 * the last point of every population series read it instead of counting a million rows (90 ms
 * with the best index at a million citizens; the tally holds 68 rows).
 */
export const LIVING_COUNTS: TallySpec = {
  source: 'citizens',
  tally: 'living_counts',
  keys: [
    { name: 'province_code', type: 'char(2)', expression: '$row.province_code' },
    { name: 'sex', type: 'text', expression: '$row.sex' },
  ],
  counters: [{ name: 'living', type: 'integer', expression: '($row.death_date IS NULL)::int' }],
  watched: ['province_code', 'sex', 'death_date'],
};
