import { formatDossierCode, parseDossierCode } from '../domain/dossier-lifecycle';
import { formatPersonalId } from '../domain/personal-id';
import { Random } from './random';

/**
 * The faults the synthetic seed plants, so the data-health report has something true to find.
 * Each subgraph plants its own, row by row, in the rows it seeds: whether a row carries a fault
 * depends only on the seed, the fault and the row's key, so every process (and every test)
 * knows the same faulty rows without asking another database, and a rate of 0 plants nothing.
 */
export const FAULTS = {
  /** residents: a citizen's father is a well-formed personal ID nobody holds. */
  danglingFather: 'dangling-father',
  /** residents: a citizen's mother is not a well-formed personal ID. */
  malformedMother: 'malformed-mother',
  /** residents: a citizen's address is blank. */
  blankAddress: 'blank-address',
  /** residents: a citizen's record was last updated years ago. */
  staleCitizen: 'stale-citizen',
  /** civil-servants: a servant's position is blank. */
  blankPosition: 'blank-position',
  /** civil-servants: a servant's e-dossier was last updated years ago. */
  staleServant: 'stale-servant',
  /** public-services: a dossier's applicant is a well-formed personal ID nobody holds. */
  danglingApplicant: 'dangling-applicant',
  /** public-services: a dossier's applicant is not a well-formed personal ID. */
  malformedApplicant: 'malformed-applicant',
  /** public-services: a dossier's handler is a well-formed personal ID of no civil servant. */
  danglingHandler: 'dangling-handler',
  /** public-services: a dossier has no commune. */
  missingCommune: 'missing-commune',
  /** public-services: a fee-free dossier stopped moving after START_PROCESSING months ago. */
  stuckDossier: 'stuck-dossier',
  /** payments: a payment's payer is a well-formed personal ID nobody holds. */
  danglingPayer: 'dangling-payer',
  /** payments: a payment's payer is not a well-formed personal ID. */
  malformedPayer: 'malformed-payer',
  /** payments: a payment names a well-formed dossier code the portal never issued. */
  danglingDossier: 'dangling-dossier',
  /** payments: a payment's intermediary is blank. */
  blankIntermediary: 'blank-intermediary',
} as const;

export type Fault = (typeof FAULTS)[keyof typeof FAULTS];

const DAY_MS = 86_400_000;

/** Nobody the synthetic population holds was born in 1900 (ages are at most 100 in 2026). */
const NOBODYS_BIRTH_YEAR = 1900;

/** Which rows carry which planted faults, for one seed and rate. */
export class Faults {
  constructor(
    private readonly seed: number,
    /** Share of the rows that may carry each fault, from 0 (none) to 1. */
    readonly rate: number,
  ) {}

  /** Whether the row known by `key` carries `fault`. */
  has(fault: Fault, key: string): boolean {
    return this.rate > 0 && this.draw(fault, key).next() < this.rate;
  }

  /** A well-formed personal ID that nobody holds, the same for the same row. */
  private danglingPersonalId(fault: Fault, key: string): string {
    const random = this.draw(fault, key);
    return formatPersonalId({ legacyProvinceCode: '001', sex: random.chance(0.5) ? 'MALE' : 'FEMALE', birthYear: NOBODYS_BIRTH_YEAR, serial: random.digits(6) });
  }

  /**
   * A personal ID a row holds, with a planted fault when it carries one: a well-formed ID nobody
   * holds (`dangling`), else twelve digits that are no ID (`malformed`), else the ID unchanged.
   */
  personalId<V extends string | null>(faults: { dangling?: Fault; malformed?: Fault }, key: string, value: V): string | V {
    if (faults.dangling && this.has(faults.dangling, key)) return this.danglingPersonalId(faults.dangling, key);
    if (faults.malformed && this.has(faults.malformed, key)) return this.malformedPersonalId(faults.malformed, key);
    return value;
  }

  /** Twelve digits that are no personal ID: 000 is no province of birth registration. */
  private malformedPersonalId(fault: Fault, key: string): string {
    return `000${this.draw(fault, key).digits(9)}`;
  }

  /**
   * A well-formed code of the same province, procedure and day that the portal never issued:
   * seeded serials run from 1 up to 0.6 per citizen, submitted ones from 9,000,001.
   */
  danglingDossierCode(code: string): string {
    const parts = parseDossierCode(code)!;
    return formatDossierCode({ ...parts, serial: String(8_000_000 + (Number(parts.serial) % 1_000_000)) });
  }

  /**
   * When a row was last updated: six to seven years before the seed's day when it carries the
   * staleness `fault`, else within the year before it.
   */
  lastUpdated(fault: Fault, key: string, asOf: Date): Date {
    const days = this.has(fault, key) ? 6 * 365 + this.draw(fault, key).int(0, 364) : new Random(this.seed, `updated:${key}`).int(0, 364);
    return new Date(asOf.getTime() - days * DAY_MS);
  }

  private draw(fault: Fault, key: string): Random {
    return new Random(this.seed, `fault:${fault}:${key}`);
  }
}
