import { checkPersonalId, isProvinceCode, nextStatus, personalIdMatches, type DossierAction, type DossierStatusName } from '../../../lib/domain';
import { COMMUNES, generateCitizens, generateDossiers, generatePayments, generateHouseholds } from '../../../lib/synthetic';

const asOf = new Date('2026-11-01T03:00:00Z');
const citizens = (seed: number, scale: number) => [...generateCitizens(seed, scale, asOf)];

describe('Synthetic population', () => {
  const people = citizens(6, 5_000);

  it('is the same for the same seed and different for another', () => {
    expect(citizens(6, 5_000)).toEqual(people);
    expect(citizens(7, 5_000).map((c) => c.personalId)).not.toEqual(people.map((c) => c.personalId));
  });

  it('has exactly as many citizens as the scale, each with a unique, structurally valid ID', () => {
    expect(people).toHaveLength(5_000);
    expect(new Set(people.map((c) => c.personalId)).size).toBe(5_000);
    for (const c of people) {
      expect(checkPersonalId(c.personalId).ok).toBe(true);
      expect(personalIdMatches(c.personalId, c.sex, Number(c.birthDate.slice(0, 4)))).toBe(true);
      expect(isProvinceCode(c.provinceCode)).toBe(true);
    }
  });

  it('has realistic surname frequencies: Nguyễn about 38%', () => {
    const share = people.filter((c) => c.surname === 'Nguyễn').length / people.length;
    expect(share).toBeGreaterThan(0.3);
    expect(share).toBeLessThan(0.46);
  });

  it('links families both ways and keeps households in one commune of their province', () => {
    const byId = new Map(people.map((c) => [c.personalId, c]));
    for (const c of people) {
      if (c.spouseId && byId.has(c.spouseId)) expect(byId.get(c.spouseId)!.spouseId).toBe(c.personalId);
      if (c.fatherId && byId.has(c.fatherId)) expect(byId.get(c.fatherId)!.sex).toBe('MALE');
      if (c.motherId && byId.has(c.motherId)) expect(byId.get(c.motherId)!.sex).toBe('FEMALE');
    }
    for (const household of generateHouseholds(6, 2_000, asOf)) {
      expect(household.members[0]!.relationshipToHead).toBe('HEAD');
      const commune = COMMUNES.find((x) => x.code === household.communeCode)!;
      expect(commune.provinceCode).toBe(household.provinceCode);
      for (const m of household.members) expect(m.householdId).toBe(household.id);
    }
  });

  it('has 3,321 communes as after the 2025 reform', () => {
    expect(COMMUNES).toHaveLength(3_321);
  });
});

describe('Synthetic dossiers and payments', () => {
  const dossiers = [...generateDossiers(6, 3_000, asOf)];

  it('replay move by move through the lifecycle state machine', () => {
    for (const d of dossiers) {
      let status: DossierStatusName = 'NEW';
      for (const event of d.history.slice(1)) {
        status = nextStatus(status, event.action as DossierAction)!;
        expect(status).toBe(event.status);
        expect(event.at.getTime()).toBeLessThanOrEqual(asOf.getTime());
      }
      expect(d.status).toBe(status);
    }
  });

  it('meet the national on-time rate of about 91% among completed dossiers', () => {
    const completed = dossiers.filter((d) => d.completedAt);
    const onTime = completed.filter((d) => d.completedAt! <= d.dueAt).length / completed.length;
    expect(onTime).toBeGreaterThan(0.85);
    expect(onTime).toBeLessThan(0.96);
  });

  it('are mostly filed online', () => {
    const online = dossiers.filter((d) => d.channel === 'ONLINE').length / dossiers.length;
    expect(online).toBeGreaterThan(0.75);
  });

  it('charge payments only for fee-bearing dossiers, mostly paid', () => {
    const payments = [...generatePayments(dossiers, 6)];
    const feeOf = new Map(dossiers.map((d) => [d.code, d.fee]));
    for (const p of payments) expect(p.amount).toBe(feeOf.get(p.dossierCode));
    expect(payments.every((p) => p.amount > 0)).toBe(true);
    expect(payments.filter((p) => p.status === 'PAID').length / payments.length).toBeGreaterThan(0.8);
    const statuses = new Set(payments.map((p) => p.status));
    expect([...statuses].every((status) => ['PAID', 'PENDING', 'FAILED', 'CANCELLED', 'REFUNDED'].includes(status))).toBe(true);
    expect(statuses.has('FAILED') && statuses.has('REFUNDED')).toBe(true);
  });
});

describe('Synthetic dates', () => {
  it('put no birth or death after the day the data is generated as of', () => {
    const day = asOf.toISOString().slice(0, 10);
    for (const c of generateCitizens(3, 20_000, asOf)) {
      expect(c.birthDate <= day).toBe(true);
      if (c.deathDate) expect(c.deathDate <= day && c.deathDate >= c.birthDate).toBe(true);
    }
  });
});
