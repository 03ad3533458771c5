import { BASE_SALARY_VND, rankByCode } from '../../../lib/domain';
import { civilServantsSubgraph } from '../../../subgraphs/civil-servants';
import { fullYearsBetween, vietnamToday } from '../../../subgraphs/civil-servants/data/years-of-service';
import { postGraphQL } from '../../support/graphql-client';
import { testSeed, useTestSubgraph } from '../../support/test-subgraph';
import { accessed } from '../../support/access-fixtures';
import { agencyByCode, expectedCivilServants, leaksInternals, nonServantIds } from './synthetic';

const options = testSeed();
const expected = expectedCivilServants(options);
const subgraph = useTestSubgraph(civilServantsSubgraph, options);

const FULL = `query ($id: PersonalId!) {
  civilServant(personalId: $id) {
    personalId citizen { personalId } agency { code name level } province { code }
    employmentType rank { code name grade } salaryStep salaryCoefficient monthlySalary position startDate yearsOfService
    performanceRating educationLevel partyMember declaredAnnualIncome healthStatus
  }
}`;

describe('civil-servants: the civilServant root field', () => {
  test('returns the whole e-dossier the seed wrote for a civil servant', async () => {
    const { person, details } = expected[0]!;
    const agency = agencyByCode.get(person.agencyCode)!;
    const response = await postGraphQL(subgraph.url, FULL, { id: person.personalId });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      data: {
        civilServant: {
          personalId: person.personalId,
          citizen: { personalId: person.personalId },
          agency: { code: agency.code, name: agency.name, level: agency.level },
          province: { code: person.provinceCode },
          employmentType: details.employmentType,
          rank: { code: details.rank.code, name: details.rank.name, grade: details.rank.grade },
          salaryStep: details.salaryStep,
          salaryCoefficient: details.salaryCoefficient,
          monthlySalary: Math.round(details.salaryCoefficient * BASE_SALARY_VND),
          position: details.position,
          startDate: details.startDate,
          yearsOfService: fullYearsBetween(details.startDate, vietnamToday()),
          performanceRating: details.performanceRating,
          educationLevel: details.educationLevel,
          partyMember: details.partyMember,
          declaredAnnualIncome: details.declaredAnnualIncome,
          healthStatus: details.healthStatus,
        },
      },
      extensions: accessed(person.personalId),
    });
  });

  test('pays every civil servant coefficient × 2,340,000 VND, with the coefficient of their step in their rank', async () => {
    const representations = expected.map(({ person }) => ({ __typename: 'CivilServant', personalId: person.personalId }));
    const response = await postGraphQL<{ _entities: { rank: { code: string }; salaryStep: number; salaryCoefficient: number; monthlySalary: number }[] }>(
      subgraph.url,
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on CivilServant { rank { code } salaryStep salaryCoefficient monthlySalary } } }`,
      { r: representations },
    );
    const servants = response.body.data!._entities;
    expect(servants).toHaveLength(expected.length);
    for (const servant of servants) {
      const rank = rankByCode(servant.rank.code)!;
      expect(servant.salaryStep).toBeGreaterThanOrEqual(1);
      expect(servant.salaryStep).toBeLessThanOrEqual(rank.coefficients.length);
      expect(servant.salaryCoefficient).toBe(rank.coefficients[servant.salaryStep - 1]);
      expect(servant.monthlySalary).toBe(Math.round(servant.salaryCoefficient * 2_340_000));
    }
  });

  test('answers null and NOT_FOUND for a citizen who is not a civil servant', async () => {
    const [citizen] = nonServantIds(options, 1);
    const response = await postGraphQL(subgraph.url, '{ civilServant(personalId: "' + citizen + '") { personalId } }');
    expect(response.body).toEqual({
      data: { civilServant: null },
      errors: [expect.objectContaining({ message: `No civil servant with key ${citizen}.`, path: ['civilServant'], extensions: { code: 'NOT_FOUND' } })],
    });
  });

  test('rejects a malformed personal ID, as a literal or a variable, with INVALID_PERSONAL_ID and no internals', async () => {
    const literal = await postGraphQL(subgraph.url, '{ civilServant(personalId: "12345") { personalId } }');
    const variable = await postGraphQL(subgraph.url, 'query ($id: PersonalId!) { civilServant(personalId: $id) { personalId } }', { id: '999100000001' });
    for (const response of [literal, variable]) {
      expect(response.body.data ?? null).toBeNull();
      expect(response.body.errors?.map((e) => e.extensions?.code)).toEqual(['INVALID_PERSONAL_ID']);
      expect(leaksInternals(response.body)).toBe(false);
    }
  });
});
