import { tallyPopulation } from '../../../subgraphs/residents/domain/population';

describe('residents: tallyPopulation', () => {
  it('adds counts up by sex and by band, listing every band in age order', () => {
    expect(
      tallyPopulation([
        { sex: 'MALE', band: '60+', count: 4 },
        { sex: 'FEMALE', band: '0-14', count: 7 },
        { sex: 'MALE', band: '0-14', count: 5 },
        { sex: 'FEMALE', band: '60+', count: 6 },
      ]),
    ).toEqual({
      total: 22,
      male: 9,
      female: 13,
      byAgeBand: [
        { band: '0-14', male: 5, female: 7, total: 12 },
        { band: '15-24', male: 0, female: 0, total: 0 },
        { band: '25-39', male: 0, female: 0, total: 0 },
        { band: '40-59', male: 0, female: 0, total: 0 },
        { band: '60+', male: 4, female: 6, total: 10 },
      ],
    });
  });

  it('gives zeros for a province with nobody living in it', () => {
    const empty = tallyPopulation([]);
    expect({ total: empty.total, male: empty.male, female: empty.female }).toEqual({ total: 0, male: 0, female: 0 });
    expect(empty.byAgeBand.every((b) => b.total === 0)).toBe(true);
  });
});
