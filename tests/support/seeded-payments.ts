import { generateDossiers, generatePayments, type SyntheticDossier, type SyntheticPayment } from '../../lib/synthetic';
import type { TestGraph } from './test-graph';
import { testSeed } from './test-subgraph';

/** The seed the payments tests (and the whole-graph mutation tests) run on. */
export const SEEDED = testSeed(2_000);

/** What the seed must have written, recomputed from the same generators the seed uses. */
export const DOSSIERS: readonly SyntheticDossier[] = [...generateDossiers(SEEDED.seed, SEEDED.scale, SEEDED.asOf)];
export const PAYMENTS: readonly SyntheticPayment[] = [...generatePayments(DOSSIERS, SEEDED.seed)];

/** Seeded dossiers with a fee and no payment pending or paid: each can be paid once, so every test takes its own. */
const unpaid = DOSSIERS.filter((d) => d.fee > 0 && !PAYMENTS.some((p) => p.dossierCode === d.code && (p.status === 'PENDING' || p.status === 'PAID')));

/** An unpaid dossier (of a province, or matching a test) no other test of this file has taken. */
export function takeUnpaidDossier(matches: (d: SyntheticDossier) => boolean = () => true): SyntheticDossier {
  const index = unpaid.findIndex(matches);
  if (index < 0) throw new Error('The test seed has no more unpaid dossiers of that kind');
  return unpaid.splice(index, 1)[0]!;
}

/** Files a new dossier (DVC02, which charges a fee) through the graph's gateway for a seeded resident of a province: unpaid, of course. */
export async function submittedDossier(graph: TestGraph, provinceCode: string): Promise<string> {
  const applicantId = DOSSIERS.find((d) => d.provinceCode === provinceCode)!.applicantId;
  const { body } = await graph.query<{ submitDossier: { code: string } }>(
    'mutation ($applicantId: PersonalId!, $provinceCode: ProvinceCode!) { submitDossier(input: { procedureCode: "DVC02", applicantId: $applicantId, provinceCode: $provinceCode, channel: ONLINE }) { code } }',
    { applicantId, provinceCode },
  );
  return body.data!.submitDossier.code;
}
