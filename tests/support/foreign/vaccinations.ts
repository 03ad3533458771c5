import type { Caller } from '../../../lib/auth';
import type { Gate } from './gate';

/*
 * A vaccination register, as a ministry outside LiênThông would write it: plain SDL and
 * resolvers for @apollo/subgraph, no LiênThông code. It declares the federation access rules,
 * verifies the gateway's signature (served by serveForeign with the gateway's public key), keeps
 * each caller to their province, and reports whose personal data it served.
 */

export const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@authenticated", "@requiresScopes", "@policy", "@cost", "@listSize"])';

/** Basic personal data under LiênThông's own scope: the only scopes its tokens carry. */
export const PERSONAL = '@requiresScopes(scopes: [["residents:read"]]) @policy(policies: [["personal-data"]])';

export interface VaccinationsSdlOptions {
  /** The rule of Citizen.vaccinations. */
  vaccinationsRule?: string;
  /** Its weight for demand control. */
  vaccinationsCost?: number;
}

export const vaccinationsSdl = ({ vaccinationsRule = PERSONAL, vaccinationsCost = 5 }: VaccinationsSdlOptions = {}): string => `${FEDERATION_LINK}
type Query {
  citizen(personalId: ID!): Citizen ${PERSONAL}
  vaccinationCentres: [VaccinationCentre!]! @authenticated @listSize(assumedSize: 3)
}
type Citizen @key(fields: "personalId") {
  personalId: ID! ${PERSONAL}
  vaccinations: [Vaccination!] ${vaccinationsRule} @cost(weight: ${vaccinationsCost})
}
type Vaccination { vaccine: String! dose: Int! centre: VaccinationCentre! }
type VaccinationCentre @key(fields: "id") {
  id: ID! @authenticated
  name: String! @authenticated
  provinceCode: String! @authenticated
}`;

const CENTRES = [
  { id: 'c-01', name: 'Trung tâm Y tế Ba Đình', provinceCode: '01' },
  { id: 'c-46', name: 'Trung tâm Y tế Thuận Hóa', provinceCode: '46' },
];

const VACCINATIONS: Record<string, { vaccine: string; dose: number; centreId: string }[]> = {
  '001090000001': [
    { vaccine: 'Sởi', dose: 1, centreId: 'c-01' },
    { vaccine: 'Viêm gan B', dose: 2, centreId: 'c-01' },
  ],
  '046200000003': [{ vaccine: 'Sởi', dose: 1, centreId: 'c-46' }],
};

/** What each request carries: the caller the gateway signed, and whose personal data was served. */
export interface ForeignContext {
  caller: Caller | null;
  accessedCitizens: Set<string>;
}

const centreOf = (id: string) => CENTRES.find((centre) => centre.id === id);

/** The resolvers of the register; `gate` holds one citizen's vaccinations back until opened. */
export const vaccinationsResolvers = (gate?: Gate) => ({
  Query: {
    citizen: (_: unknown, { personalId }: { personalId: string }) => (personalId in VACCINATIONS ? { personalId } : null),
    // A province's caller sees that province's centres only; national callers see all.
    vaccinationCentres: (_: unknown, __: unknown, { caller }: ForeignContext) =>
      CENTRES.filter((centre) => caller?.jurisdiction.kind !== 'province' || centre.provinceCode === caller.jurisdiction.provinceCode),
  },
  Citizen: {
    __resolveReference: (reference: { personalId: string }) => reference,
    vaccinations: async ({ personalId }: { personalId: string }, _: unknown, context: ForeignContext) => {
      if (gate?.personalId === personalId) await gate.pass();
      context.accessedCitizens.add(personalId);
      return (VACCINATIONS[personalId] ?? []).map(({ centreId, ...rest }) => ({ ...rest, centre: centreOf(centreId) }));
    },
  },
  VaccinationCentre: { __resolveReference: ({ id }: { id: string }) => centreOf(id) },
});
