import type { Sex } from '../../../lib/domain';
import { AGE_BANDS, type AgeBandLabel } from './age';

/** How many living residents of one sex fall in one age band. */
export interface PopulationCount {
  sex: Sex;
  band: AgeBandLabel;
  count: number;
}

export interface AgeBandTally {
  band: AgeBandLabel;
  male: number;
  female: number;
  total: number;
}

export interface PopulationTotals {
  total: number;
  male: number;
  female: number;
}

export interface PopulationTally extends PopulationTotals {
  /** Every band, in age order, zeros included, so reports line up across provinces. */
  byAgeBand: AgeBandTally[];
}

/** Adds up grouped counts of one province into totals by sex and by age band. */
export function tallyPopulation(counts: readonly PopulationCount[]): PopulationTally {
  const byAgeBand = AGE_BANDS.map(({ band }) => {
    const inBand = counts.filter((c) => c.band === band);
    const male = sum(inBand.filter((c) => c.sex === 'MALE'));
    const female = sum(inBand.filter((c) => c.sex === 'FEMALE'));
    return { band, male, female, total: male + female };
  });
  const male = byAgeBand.reduce((n, b) => n + b.male, 0);
  const female = byAgeBand.reduce((n, b) => n + b.female, 0);
  return { total: male + female, male, female, byAgeBand };
}

const sum = (counts: readonly PopulationCount[]): number => counts.reduce((n, c) => n + c.count, 0);
