import { COMMUNES } from '../../../lib/synthetic';
import { allProvinces, findCommune, findLegacyProvince, findProvince } from '../../../subgraphs/residents/data/places';

describe('residents: places', () => {
  it('shows a 2025 province with its kind in upper case and its legacy codes', () => {
    expect(findProvince('24')).toEqual({ code: '24', name: 'Bắc Ninh', kind: 'PROVINCE', legacyCodes: ['027', '024'] });
    expect(findProvince('99')).toBeNull();
    expect(allProvinces()).toHaveLength(34);
  });

  it('names legacy provinces, including those merged away in 2025', () => {
    expect(findLegacyProvince('002')).toEqual({ code: '002', name: 'Hà Giang' });
    expect(findLegacyProvince('003')).toBeNull();
  });

  it('finds communes by their national code', () => {
    const commune = COMMUNES[100]!;
    expect(findCommune(commune.code)).toEqual({ code: commune.code, name: commune.name, kind: commune.kind });
    expect(findCommune('99999')).toBeNull();
  });
});
