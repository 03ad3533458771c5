import { checkPersonalId, isFinalStatus, parseDossierCode, PROVINCES } from '../../lib/domain';
import { formatVietnamTime } from '../../lib/graphql/scalars';
import type { SeedOptions } from '../../lib/subgraph';
import { FAULTS, Faults, generateDossiers, generateHouseholds, generatePayments, selectCivilServants, generateCitizens, type Fault } from '../../lib/synthetic';
import type { ReportedHealth } from '../../bin/data-health-report';
import { civilServantDetailsDrawer } from '../../subgraphs/civil-servants/data/civil-servant-details';
import { seededCitizen } from '../../subgraphs/residents/data/seed';
import { seededDossier } from '../../subgraphs/public-services/data/seed';
import { seededPayment } from '../../subgraphs/payments/data/seed';

/*
 * What every database's data health must say, restated in TypeScript from the rows the seed
 * writes (the synthetic generators with the seed's planted faults), independently of the SQL,
 * the reference look-ups and the gateway that produce the real figures.
 */

const DAY_MS = 86_400_000;
const wellFormed = (id: string) => checkPersonalId(id).ok;
const blank = (value: string | null) => value === null || value.trim() === '';
const latest = (times: Date[]) => (times.length === 0 ? null : formatVietnamTime(new Date(Math.max(...times.map((t) => t.getTime())))));
const olderThan = (at: Date, days: number, now: Date) => at.getTime() < now.getTime() - days * DAY_MS;

/** The seeded rows of every database, faults planted. */
export function seededRows(options: SeedOptions) {
  const { seed, scale, asOf, faultRate } = options;
  const faults = new Faults(seed, faultRate);
  const citizens = [...generateHouseholds(seed, scale, asOf)].flatMap((h) => h.members).map((c) => seededCitizen(c, faults, asOf));
  const draw = civilServantDetailsDrawer(seed, asOf);
  const servants = [...selectCivilServants(generateCitizens(seed, scale, asOf), seed, asOf)].map((person) => ({
    ...person,
    position: faults.has(FAULTS.blankPosition, person.personalId) ? '' : draw(person).position,
    updatedAt: faults.lastUpdated(FAULTS.staleServant, person.personalId, asOf),
  }));
  const clean = [...generateDossiers(seed, scale, asOf)];
  const dossiers = clean.map((d) => seededDossier(d, faults, asOf));
  const payments = [...generatePayments(clean, seed)].map((p) => seededPayment(p, faults));
  return { faults, asOf, citizens, servants, clean, dossiers, payments };
}

type Rows = ReturnType<typeof seededRows>;

interface Held {
  held: string[];
  exists: (key: string) => boolean;
  key: 'personalId' | 'dossierCode';
}

function referenceFigures(reference: string, holder: string, target: string, { held, exists, key }: Held) {
  const isWellFormed = key === 'personalId' ? wellFormed : (code: string) => parseDossierCode(code) !== null;
  const good = held.filter(isWellFormed);
  return { reference, holder, target, held: held.length, malformed: held.length - good.length, dangling: good.filter((k) => !exists(k)).length };
}

const invalidAmong = (ids: (string | null)[]) => ids.filter((id) => id !== null && !wellFormed(id)).length;

/** Every province's four databases as `Province.dataHealth` must report them, at `now`. */
export function expectedDataHealth(rows: Rows, now: Date): Map<string, ReportedHealth[]> {
  const citizenIds = new Set(rows.citizens.map((c) => c.personalId));
  const servantIds = new Set(rows.servants.map((s) => s.personalId));
  const dossierCodes = new Set(rows.dossiers.map((d) => d.code));
  const person = (ids: Set<string>) => (id: string) => ids.has(id);
  return new Map(
    PROVINCES.map(({ code }) => {
      const citizens = rows.citizens.filter((c) => c.provinceCode === code);
      const servants = rows.servants.filter((s) => s.provinceCode === code);
      const dossiers = rows.dossiers.filter((d) => d.provinceCode === code);
      const payments = rows.payments.filter((p) => p.provinceCode === code);
      const nonNull = <T>(values: (T | null)[]) => values.filter((v): v is T => v !== null);
      const residents: ReportedHealth = {
        database: 'residents',
        records: citizens.length,
        invalidIds: invalidAmong(citizens.flatMap((c) => [c.personalId, c.fatherId, c.motherId, c.spouseId])),
        fields: [
          ['Citizen.fullName', (c: (typeof citizens)[number]) => c.fullName],
          ['Citizen.address', (c: (typeof citizens)[number]) => c.address],
          ['Citizen.ethnicity', (c: (typeof citizens)[number]) => c.ethnicity],
        ].map(([field, value]) => {
          const empty = citizens.filter((c) => blank((value as (c: (typeof citizens)[number]) => string)(c))).length;
          return { field: field as string, filled: citizens.length - empty, empty };
        }),
        lastUpdatedAt: latest(citizens.map((c) => c.updatedAt)),
        staleRecords: citizens.filter((c) => olderThan(c.updatedAt, 5 * 365, now)).length,
        staleAfterDays: 5 * 365,
        staleRule: 'A resident record not updated for five years.',
        references: [
          referenceFigures('Dossier.applicant', 'public-services', 'residents', { held: dossiers.map((d) => d.applicantId), exists: person(citizenIds), key: 'personalId' }),
          referenceFigures('Payment.payer', 'payments', 'residents', { held: nonNull(payments.map((p) => p.payerId)), exists: person(citizenIds), key: 'personalId' }),
          referenceFigures('CivilServant.personalId', 'civil-servants', 'residents', { held: servants.map((s) => s.personalId), exists: person(citizenIds), key: 'personalId' }),
          ...(['father', 'mother', 'spouse'] as const).map((relative) =>
            referenceFigures(`Citizen.${relative}`, 'residents', 'residents', {
              held: nonNull(citizens.map((c) => c[`${relative}Id`])),
              exists: person(citizenIds),
              key: 'personalId',
            }),
          ),
        ],
      };
      const civilServants: ReportedHealth = {
        database: 'civil-servants',
        records: servants.length,
        invalidIds: invalidAmong(servants.map((s) => s.personalId)),
        fields: [
          { field: 'CivilServant.position', filled: servants.filter((s) => !blank(s.position)).length, empty: servants.filter((s) => blank(s.position)).length },
          { field: 'CivilServant.rank', filled: servants.length, empty: 0 },
        ],
        lastUpdatedAt: latest(servants.map((s) => s.updatedAt)),
        staleRecords: servants.filter((s) => olderThan(s.updatedAt, 2 * 365, now)).length,
        staleAfterDays: 2 * 365,
        staleRule: "A servant's e-dossier not updated for two years (ratings are yearly).",
        references: [
          referenceFigures('Dossier.handler', 'public-services', 'civil-servants', { held: nonNull(dossiers.map((d) => d.handlerId)), exists: person(servantIds), key: 'personalId' }),
          { reference: 'CivilServant.agency', holder: 'civil-servants', target: 'civil-servants', held: servants.length, malformed: 0, dangling: 0 },
        ],
      };
      const lastMove = (d: (typeof dossiers)[number]) => d.history.at(-1)!.at;
      const publicServices: ReportedHealth = {
        database: 'public-services',
        records: dossiers.length,
        invalidIds: invalidAmong(dossiers.flatMap((d) => [d.applicantId, d.handlerId])) + dossiers.filter((d) => parseDossierCode(d.code) === null).length,
        fields: [{ field: 'Dossier.communeCode', filled: dossiers.filter((d) => !blank(d.communeCode)).length, empty: dossiers.filter((d) => blank(d.communeCode)).length }],
        lastUpdatedAt: latest(dossiers.map(lastMove)),
        staleRecords: dossiers.filter((d) => d.completedAt === null && !isFinalStatus(d.status) && olderThan(lastMove(d), 60, now)).length,
        staleAfterDays: 60,
        staleRule: 'A dossier still owed an answer that nobody has moved for 60 days.',
        references: [referenceFigures('Payment.dossier', 'payments', 'public-services', { held: payments.map((p) => p.dossierCode), exists: (c) => dossierCodes.has(c), key: 'dossierCode' })],
      };
      const changed = (p: (typeof payments)[number]) => new Date(Math.max(...[p.createdAt, p.paidAt, p.refundedAt].filter((t): t is Date => t !== null).map((t) => t.getTime())));
      const paymentsHealth: ReportedHealth = {
        database: 'payments',
        records: payments.length,
        invalidIds: invalidAmong(payments.map((p) => p.payerId)) + payments.filter((p) => parseDossierCode(p.dossierCode) === null).length,
        fields: [{ field: 'Payment.intermediary', filled: payments.filter((p) => !blank(p.intermediary)).length, empty: payments.filter((p) => blank(p.intermediary)).length }],
        lastUpdatedAt: latest(payments.map(changed)),
        staleRecords: payments.filter((p) => p.status === 'PENDING' && olderThan(p.createdAt, 30, now)).length,
        staleAfterDays: 30,
        staleRule: 'A payment still pending 30 days after it started.',
        references: [],
      };
      return [code, [residents, civilServants, publicServices, paymentsHealth]];
    }),
  );
}

/** How many rows carry each planted fault: what the report must find, fault by fault. */
export function plantedFaults(rows: Rows): Record<Fault, number> {
  const { faults } = rows;
  const count = (fault: Fault, keys: string[]) => keys.filter((key) => faults.has(fault, key)).length;
  const citizenKeys = rows.citizens.map((c) => c.personalId);
  const servantKeys = rows.servants.map((s) => s.personalId);
  const dossierCodes = rows.dossiers.map((d) => d.code);
  const paymentKeys = rows.payments.map((p) => p.idempotencyKey);
  return {
    [FAULTS.danglingFather]: count(FAULTS.danglingFather, citizenKeys),
    [FAULTS.malformedMother]: count(FAULTS.malformedMother, citizenKeys),
    [FAULTS.blankAddress]: count(FAULTS.blankAddress, citizenKeys),
    [FAULTS.staleCitizen]: count(FAULTS.staleCitizen, citizenKeys),
    [FAULTS.blankPosition]: count(FAULTS.blankPosition, servantKeys),
    [FAULTS.staleServant]: count(FAULTS.staleServant, servantKeys),
    [FAULTS.danglingApplicant]: count(FAULTS.danglingApplicant, dossierCodes),
    [FAULTS.malformedApplicant]: dossierCodes.filter((key) => !faults.has(FAULTS.danglingApplicant, key) && faults.has(FAULTS.malformedApplicant, key)).length,
    [FAULTS.danglingHandler]: count(FAULTS.danglingHandler, dossierCodes),
    [FAULTS.missingCommune]: count(FAULTS.missingCommune, dossierCodes),
    // Planted only in fee-free dossiers over 120 days old that reached processing.
    [FAULTS.stuckDossier]: rows.clean.filter(
      (d) =>
        faults.has(FAULTS.stuckDossier, d.code) &&
        d.fee === 0 &&
        olderThan(d.submittedAt, 120, rows.asOf) &&
        d.history.some((h) => h.action === 'START_PROCESSING'),
    ).length,
    [FAULTS.danglingPayer]: count(FAULTS.danglingPayer, paymentKeys),
    [FAULTS.malformedPayer]: paymentKeys.filter((key) => !faults.has(FAULTS.danglingPayer, key) && faults.has(FAULTS.malformedPayer, key)).length,
    [FAULTS.danglingDossier]: count(FAULTS.danglingDossier, paymentKeys),
    [FAULTS.blankIntermediary]: count(FAULTS.blankIntermediary, paymentKeys),
  };
}
