import { formatPersonalId, type Sex } from '../domain/personal-id';
import { LEGACY_PROVINCES, provinceByCode } from '../domain/provinces';
import { communesOf, PROVINCE_WEIGHTS } from './geography';
import { drawName, SURNAMES, type PersonName } from './names';
import { Random, WeightedTable } from './random';

export type MaritalStatus = 'SINGLE' | 'MARRIED' | 'DIVORCED' | 'WIDOWED';
export type Relationship = 'HEAD' | 'SPOUSE' | 'CHILD' | 'PARENT';

export interface SyntheticCitizen extends PersonName {
  personalId: string;
  sex: Sex;
  /** YYYY-MM-DD */
  birthDate: string;
  /** Legacy 3-digit province of birth registration (the ID's prefix). */
  birthRegistrationCode: string;
  /** Legacy 3-digit province of origin (quê quán). */
  hometownCode: string;
  /** 2025 province of current residence. */
  provinceCode: string;
  communeCode: string;
  address: string;
  ethnicity: string;
  religion: string | null;
  bloodType: string;
  maritalStatus: MaritalStatus;
  /** YYYY-MM-DD, for the few who have died. */
  deathDate: string | null;
  householdId: string;
  relationshipToHead: Relationship;
  fatherId: string | null;
  motherId: string | null;
  spouseId: string | null;
  phone: string | null;
  email: string | null;
}

export interface SyntheticHousehold {
  id: string;
  headId: string;
  provinceCode: string;
  communeCode: string;
  address: string;
  members: SyntheticCitizen[];
}

/** Shares from the 2019 census (ethnicity) and official religion statistics. */
const ETHNICITIES = new WeightedTable<string>([
  ['Kinh', 85.3], ['Tày', 1.9], ['Thái', 1.9], ['Mường', 1.5], ['Hmông', 1.4], ['Khmer', 1.4], ['Nùng', 1.1],
  ['Dao', 0.9], ['Hoa', 0.8], ['Gia Rai', 0.5], ['Ê Đê', 0.4], ['Ba Na', 0.3], ['Sán Chay', 0.2], ['Chăm', 0.2],
]);
const RELIGIONS = new WeightedTable<string | null>([
  [null, 86], ['Phật giáo', 4.8], ['Công giáo', 6.1], ['Tin Lành', 1], ['Phật giáo Hòa Hảo', 1.1], ['Cao Đài', 0.6], ['Hồi giáo', 0.1],
]);
const BLOOD_TYPES = new WeightedTable<string>([['O', 42], ['B', 31], ['A', 21], ['AB', 6]]);
const STREETS = ['Lê Lợi', 'Trần Hưng Đạo', 'Nguyễn Huệ', 'Hai Bà Trưng', 'Lý Thường Kiệt', 'Quang Trung', 'Hùng Vương', 'Phan Chu Trinh', 'Điện Biên Phủ', 'Nguyễn Trãi'];

const LEGACY_CODES = Object.keys(LEGACY_PROVINCES);

const pad2 = (n: number) => String(n).padStart(2, '0');
/** A day of `year` that is not after `asOf`: nobody is born or dies in the future. */
function dayInYear(random: Random, year: number, asOf: Date): string {
  const lastMonth = year === asOf.getUTCFullYear() ? asOf.getUTCMonth() + 1 : 12;
  const month = random.int(1, lastMonth);
  const lastDay = month === lastMonth && year === asOf.getUTCFullYear() ? Math.min(28, asOf.getUTCDate()) : 28;
  return `${year}-${pad2(month)}-${pad2(random.int(1, lastDay))}`;
}

const opposite = (sex: Sex): Sex => (sex === 'MALE' ? 'FEMALE' : 'MALE');

/** The latest year the synthetic population's ages are drawn in. */
export const POPULATION_YEAR = 2026;

/**
 * The year ages are drawn in, and so birth years: personal IDs encode the birth year, so ages
 * drawn against `asOf`'s own year would give everyone a new ID each January. Against a fixed
 * year, the same seed and scale give the same people, IDs and families (and so the same civil
 * servants and applicants) whatever day the seed is made; they have simply aged since. A seed
 * made as of an earlier year draws in that year, so nobody is born after `asOf`.
 */
export const populationYear = (asOf: Date): number => Math.min(asOf.getUTCFullYear(), POPULATION_YEAR);

interface Draft {
  sex: Sex;
  birthYear: number;
  relationship: Relationship;
  surname?: string;
}

/**
 * Deterministic population: the same seed and scale give the same people, households and
 * family links in every process, which is how four separate databases agree on who exists
 * without ever reading each other.
 */
export function* generateHouseholds(seed: number, scale: number, asOf: Date): Generator<SyntheticHousehold> {
  const random = new Random(seed, 'population');
  const usedIds = new Set<string>();
  const year = populationYear(asOf);
  let made = 0;
  let householdNo = 0;

  const newId = (legacy: string, sex: Sex, birthYear: number): string => {
    for (;;) {
      const id = formatPersonalId({ legacyProvinceCode: legacy, sex, birthYear, serial: random.digits(6) });
      if (!usedIds.has(id)) {
        usedIds.add(id);
        return id;
      }
    }
  };

  while (made < scale) {
    householdNo += 1;
    const provinceCode = PROVINCE_WEIGHTS.draw(random);
    const province = provinceByCode(provinceCode)!;
    const commune = random.pick(communesOf(provinceCode));
    const address = `Số ${random.int(1, 300)} ${random.pick(STREETS)}, ${commune.name}, ${province.name}`;
    const headAge = random.int(22, 85);
    const headSex: Sex = random.chance(0.72) ? 'MALE' : 'FEMALE';
    const drafts: Draft[] = [{ sex: headSex, birthYear: year - headAge, relationship: 'HEAD' }];
    const married = headAge >= 24 && random.chance(0.72);
    if (married) drafts.push({ sex: opposite(headSex), birthYear: year - Math.max(20, headAge + random.int(-6, 4)), relationship: 'SPOUSE' });
    const children = married || random.chance(0.15) ? random.int(0, headAge < 30 ? 1 : 3) : 0;
    for (let c = 0; c < children; c += 1) {
      const childAge = headAge - random.int(20, 40);
      if (childAge >= 0) drafts.push({ sex: random.chance(0.51) ? 'MALE' : 'FEMALE', birthYear: year - childAge, relationship: 'CHILD' });
    }
    if (headAge < 55 && random.chance(0.15)) {
      const parentAge = headAge + random.int(20, 35);
      if (parentAge <= 100) drafts.push({ sex: random.chance(0.6) ? 'FEMALE' : 'MALE', birthYear: year - parentAge, relationship: 'PARENT' });
    }

    const householdId = `HK${String(householdNo).padStart(9, '0')}`;
    const familySurname = SURNAMES.draw(random);
    const ethnicity = ETHNICITIES.draw(random);
    const religion = RELIGIONS.draw(random);
    const localBirth = random.chance(0.85);
    const members: SyntheticCitizen[] = drafts.slice(0, scale - made).map((draft) => {
      const surname = draft.relationship === 'HEAD' || draft.relationship === 'CHILD' ? familySurname : SURNAMES.draw(random);
      const birthRegistrationCode = localBirth && draft.relationship !== 'SPOUSE' ? random.pick(province.legacyCodes) : random.pick(LEGACY_CODES);
      const personalId = newId(birthRegistrationCode, draft.sex, draft.birthYear);
      const age = year - draft.birthYear;
      const adult = age >= 18;
      const dies = age >= 60 && random.chance(0.02 + (age - 60) * 0.002);
      // Fields are spelled out: spreading the name object made generation seven times slower.
      const name = drawName(random, draft.sex, surname);
      return {
        surname: name.surname,
        middleName: name.middleName,
        givenName: name.givenName,
        fullName: name.fullName,
        personalId,
        sex: draft.sex,
        birthDate: dayInYear(random, draft.birthYear, asOf),
        birthRegistrationCode,
        hometownCode: random.chance(0.8) ? birthRegistrationCode : random.pick(LEGACY_CODES),
        provinceCode,
        communeCode: commune.code,
        address,
        ethnicity,
        religion,
        bloodType: BLOOD_TYPES.draw(random),
        maritalStatus: 'SINGLE' as MaritalStatus,
        deathDate: dies ? dayInYear(random, year - random.int(0, 4), asOf) : null,
        householdId,
        relationshipToHead: draft.relationship,
        fatherId: null,
        motherId: null,
        spouseId: null,
        phone: adult && random.chance(0.92) ? `0${random.pick(['9', '8', '3', '7'])}${random.digits(8)}` : null,
        email: adult && random.chance(0.4) ? `${personalId.slice(-6)}.${drawEmailUser(random)}@${random.pick(['gmail.com', 'yahoo.com.vn', 'outlook.com'])}` : null,
      };
    });
    linkFamily(members, random);
    made += members.length;
    yield { id: householdId, headId: members[0]!.personalId, provinceCode, communeCode: commune.code, address, members };
  }
}

/** Flattens households into citizens, in the same deterministic order. */
export function* generateCitizens(seed: number, scale: number, asOf: Date): Generator<SyntheticCitizen> {
  for (const household of generateHouseholds(seed, scale, asOf)) yield* household.members;
}


function drawEmailUser(random: Random): string {
  return random.pick(['an', 'binh', 'linh', 'minh', 'hoa', 'nam', 'lan', 'tuan', 'trang', 'hung']);
}

function linkFamily(members: SyntheticCitizen[], random: Random): void {
  const head = members[0]!;
  const spouse = members.find((m) => m.relationshipToHead === 'SPOUSE');
  if (spouse) {
    head.spouseId = spouse.personalId;
    spouse.spouseId = head.personalId;
    head.maritalStatus = 'MARRIED';
    spouse.maritalStatus = 'MARRIED';
  } else if (members.some((m) => m.relationshipToHead === 'CHILD')) {
    // A parent living with children and no spouse was married once.
    head.maritalStatus = random.chance(0.5) ? 'DIVORCED' : 'WIDOWED';
  }
  const father = head.sex === 'MALE' ? head : spouse;
  const mother = head.sex === 'FEMALE' ? head : spouse;
  for (const child of members.filter((m) => m.relationshipToHead === 'CHILD')) {
    child.fatherId = father?.personalId ?? null;
    child.motherId = mother?.personalId ?? null;
  }
  const parent = members.find((m) => m.relationshipToHead === 'PARENT');
  if (parent) {
    if (parent.sex === 'MALE') head.fatherId = parent.personalId;
    else head.motherId = parent.personalId;
    parent.maritalStatus = 'WIDOWED';
  }
}
