import { PROVINCES } from '../domain/provinces';
import { Random, WeightedTable } from './random';

/**
 * Approximate population of each 2025 unit in thousands (merged from 2024 provincial
 * figures). Only the proportions matter: they weight where synthetic people live.
 */
const POPULATION_THOUSANDS: Record<string, number> = {
  'Hà Nội': 8700, 'Cao Bằng': 570, 'Tuyên Quang': 1900, 'Điện Biên': 640, 'Lai Châu': 480, 'Sơn La': 1300,
  'Lào Cai': 1800, 'Thái Nguyên': 1800, 'Lạng Sơn': 800, 'Quảng Ninh': 1400, 'Bắc Ninh': 3600, 'Phú Thọ': 4000,
  'Hải Phòng': 4700, 'Hưng Yên': 3600, 'Ninh Bình': 4400, 'Thanh Hóa': 4300, 'Nghệ An': 3800, 'Hà Tĩnh': 1600,
  'Quảng Trị': 1900, 'Huế': 1400, 'Đà Nẵng': 3100, 'Quảng Ngãi': 2200, 'Gia Lai': 3600, 'Khánh Hòa': 2200,
  'Đắk Lắk': 3300, 'Lâm Đồng': 3900, 'Đồng Nai': 4500, 'Tây Ninh': 3300, 'Hồ Chí Minh': 14000, 'Đồng Tháp': 4400,
  'An Giang': 4900, 'Vĩnh Long': 4300, 'Cần Thơ': 4200, 'Cà Mau': 2600,
};

const weightOf = (name: string): number => POPULATION_THOUSANDS[name] ?? 1000;

export const PROVINCE_WEIGHTS = new WeightedTable(PROVINCES.map((p) => [p.code, weightOf(p.name)] as const));

export type CommuneKind = 'XA' | 'PHUONG' | 'DAC_KHU';

export interface Commune {
  /** 5-digit commune code, unique nationally. */
  readonly code: string;
  readonly name: string;
  readonly kind: CommuneKind;
  readonly provinceCode: string;
}

/** 3,321 communes nationally after the 2025 reform: 2,621 xã, 687 phường, 13 đặc khu. */
const TOTAL_COMMUNES = 3321;
const KINDS = new WeightedTable<CommuneKind>([['XA', 2621], ['PHUONG', 687], ['DAC_KHU', 13]]);
const KIND_PREFIX: Record<CommuneKind, string> = { XA: 'Xã', PHUONG: 'Phường', DAC_KHU: 'Đặc khu' };
const NAME_PARTS = ['An', 'Bình', 'Hòa', 'Phú', 'Tân', 'Thạnh', 'Long', 'Phước', 'Hưng', 'Thịnh', 'Đông', 'Tây', 'Nam', 'Bắc', 'Trung', 'Mỹ', 'Xuân', 'Vĩnh', 'Lộc', 'Quang', 'Minh', 'Hải', 'Sơn', 'Thuận'];

function buildCommunes(): Commune[] {
  const totalWeight = PROVINCES.reduce((sum, p) => sum + weightOf(p.name), 0);
  const random = new Random(1, 'communes');
  const communes: Commune[] = [];
  let allotted = 0;
  PROVINCES.forEach((province, index) => {
    const last = index === PROVINCES.length - 1;
    const share = last ? TOTAL_COMMUNES - allotted : Math.max(20, Math.round((TOTAL_COMMUNES * weightOf(province.name)) / totalWeight));
    allotted += share;
    const used = new Set<string>();
    for (let i = 0; i < share; i += 1) {
      let base = `${random.pick(NAME_PARTS)} ${random.pick(NAME_PARTS)}`;
      while (used.has(base)) base = `${base} ${used.size % 9 + 1}`;
      used.add(base);
      const kind = KINDS.draw(random);
      communes.push({ code: String(communes.length + 1).padStart(5, '0'), name: `${KIND_PREFIX[kind]} ${base}`, kind, provinceCode: province.code });
    }
  });
  return communes;
}

/** The synthetic commune map: fixed for every seed, so commune codes are stable reference data. */
export const COMMUNES: readonly Commune[] = buildCommunes();

const communesByProvince = new Map<string, Commune[]>();
for (const commune of COMMUNES) {
  const list = communesByProvince.get(commune.provinceCode) ?? [];
  list.push(commune);
  communesByProvince.set(commune.provinceCode, list);
}

export const communesOf = (provinceCode: string): readonly Commune[] => communesByProvince.get(provinceCode) ?? [];
