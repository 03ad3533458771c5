import {
  addWorkingDays,
  dossierDay,
  formatDossierCode,
  nextStatus,
  type Channel,
  type DossierAction,
  type DossierStatusName,
} from '../domain/dossier-lifecycle';
import { ESSENTIAL_PROCEDURES, type ProcedureSpec } from '../domain/procedures';
import { selectCivilServants } from './civil-servants';
import { generateCitizens, populationYear, type SyntheticCitizen } from './population';
import { Random, WeightedTable } from './random';

export interface SyntheticHistoryEntry {
  action: DossierAction | 'SUBMIT';
  status: DossierStatusName;
  at: Date;
  /** Personal ID of whoever made the move: the applicant or a civil servant. */
  actorId: string | null;
}

export interface SyntheticDossier {
  code: string;
  procedureCode: string;
  applicantId: string;
  provinceCode: string;
  communeCode: string;
  channel: Channel;
  fee: number;
  submittedAt: Date;
  dueAt: Date;
  status: DossierStatusName;
  completedAt: Date | null;
  handlerId: string | null;
  history: SyntheticHistoryEntry[];
}

/** About 0.57 dossiers a person a year nationally; the synthetic year holds 0.6. */
const DOSSIERS_PER_CITIZEN = 0.6;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** The national on-time rate was 91% (July 2025 – January 2026). */
const ON_TIME_RATE = 0.91;

const PROCEDURES = new WeightedTable<ProcedureSpec>(ESSENTIAL_PROCEDURES.map((p) => [p, p.weight] as const));
/** 24 of 29.4 million dossiers in six months were filed online. */
const CHANNELS = new WeightedTable<Channel>([['ONLINE', 81], ['IN_PERSON', 16], ['POSTAL', 3]]);

interface Applicant {
  personalId: string;
  provinceCode: string;
  communeCode: string;
}

/** Adults alive in the population's year who can file dossiers, and the civil servants who handle them, by province. */
function collectPeople(seed: number, scale: number, asOf: Date) {
  const applicants: Applicant[] = [];
  const year = populationYear(asOf);
  // One pass over the population feeds both lists.
  function* collectApplicants(citizens: Iterable<SyntheticCitizen>): Generator<SyntheticCitizen> {
    for (const citizen of citizens) {
      if (!citizen.deathDate && year - Number(citizen.birthDate.slice(0, 4)) >= 18) {
        applicants.push({ personalId: citizen.personalId, provinceCode: citizen.provinceCode, communeCode: citizen.communeCode });
      }
      yield citizen;
    }
  }
  const handlers = new Map<string, string[]>();
  for (const servant of selectCivilServants(collectApplicants(generateCitizens(seed, scale, asOf)), seed, asOf)) {
    const list = handlers.get(servant.provinceCode) ?? [];
    list.push(servant.personalId);
    handlers.set(servant.provinceCode, list);
  }
  return { applicants, handlers };
}

/**
 * A year of dossiers before `asOf`, each with a lifecycle history that the state machine
 * accepts move by move; moves that would fall after `asOf` have not happened yet.
 */
export function* generateDossiers(seed: number, scale: number, asOf: Date): Generator<SyntheticDossier> {
  const { applicants, handlers } = collectPeople(seed, scale, asOf);
  if (applicants.length === 0) return;
  const count = Math.round(scale * DOSSIERS_PER_CITIZEN);
  const yearMs = 365 * DAY;
  for (let i = 0; i < count; i += 1) {
    // A stream per dossier: how far a lifecycle got by `asOf` (working days move with the
    // calendar) changes how much it draws, and must not change who filed every later dossier.
    const random = new Random(seed, `dossier:${i}`);
    const applicant = random.pick(applicants);
    const procedure = PROCEDURES.draw(random);
    const channel = CHANNELS.draw(random);
    const submittedAt = new Date(asOf.getTime() - Math.floor(random.next() * yearMs));
    const dueAt = addWorkingDays(submittedAt, procedure.processingDays);
    const staff = handlers.get(applicant.provinceCode);
    const handlerId = staff && staff.length > 0 ? random.pick(staff) : null;
    const history = simulateLifecycle(random, { submittedAt, dueAt, fee: procedure.fee, applicantId: applicant.personalId, handlerId, asOf });
    const last = history.at(-1)!;
    const completed = history.find((h) => h.status === 'COMPLETED');
    yield {
      code: formatDossierCode({ provinceCode: applicant.provinceCode, procedureCode: procedure.code, day: dossierDay(submittedAt), serial: String(i + 1).padStart(6, '0') }),
      procedureCode: procedure.code,
      applicantId: applicant.personalId,
      provinceCode: applicant.provinceCode,
      communeCode: applicant.communeCode,
      channel,
      fee: procedure.fee,
      submittedAt,
      dueAt,
      status: last.status,
      completedAt: completed?.at ?? null,
      handlerId,
      history,
    };
  }
}

interface LifecycleInput {
  submittedAt: Date;
  dueAt: Date;
  fee: number;
  applicantId: string;
  handlerId: string | null;
  asOf: Date;
}

function simulateLifecycle(random: Random, { submittedAt, dueAt, fee, applicantId, handlerId, asOf }: LifecycleInput): SyntheticHistoryEntry[] {
  const history: SyntheticHistoryEntry[] = [{ action: 'SUBMIT', status: 'NEW', at: submittedAt, actorId: applicantId }];
  let clock = submittedAt.getTime();
  let status: DossierStatusName = 'NEW';
  const move = (action: DossierAction, afterMs: number, byApplicant = false): boolean => {
    clock += Math.max(60_000, Math.floor(afterMs));
    if (clock > asOf.getTime()) return false;
    const next = nextStatus(status, action);
    if (!next) throw new Error(`Synthetic lifecycle made an illegal move ${action} from ${status}`);
    status = next;
    history.push({ action, status, at: new Date(clock), actorId: byApplicant ? applicantId : handlerId });
    return true;
  };

  // Steps before completion take a share of the legal processing window, so a dossier meant
  // to finish on time can; a late one overruns by days.
  const onTime = random.chance(ON_TIME_RATE);
  const window = Math.max(HOUR, dueAt.getTime() - submittedAt.getTime());
  const step = (share: number) => random.next() * share * window;
  if (random.chance(0.03)) {
    move('REJECT', step(0.1));
    return history;
  }
  if (!move('RECEIVE', step(0.1)) || !move('START_PROCESSING', step(0.1))) return history;
  if (random.chance(0.02)) {
    move('WITHDRAW', random.next() * 2 * DAY, true);
    return history;
  }
  if (random.chance(0.08)) {
    if (!move('REQUEST_DOCUMENTS', step(0.1)) || !move('SUPPLEMENT_DOCUMENTS', step(0.15), true)) return history;
  }
  if (fee > 0) {
    if (!move('REQUEST_PAYMENT', step(0.05))) return history;
    if (random.chance(0.01)) {
      move('STOP', random.next() * 3 * DAY);
      return history;
    }
    if (!move('CONFIRM_PAYMENT', step(0.15), true)) return history;
  }
  if (random.chance(0.01)) {
    move('STOP', random.next() * 3 * DAY);
    return history;
  }
  const remaining = dueAt.getTime() - clock;
  const completeIn = onTime ? random.next() * remaining : remaining + (0.1 + random.next()) * 10 * DAY;
  if (!move('COMPLETE', completeIn)) return history;
  if (random.chance(0.92)) move('RETURN_RESULT', random.next() * 3 * DAY);
  return history;
}
