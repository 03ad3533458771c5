import { generateDossiers, generatePayments, type SyntheticDossier, type SyntheticPayment } from '../../../lib/synthetic';
import { shownDateTime } from '../../support/response-checks';
import type { TestGraph } from '../../support/test-graph';
import { testSeed } from '../../support/test-subgraph';

export const OPTIONS = testSeed(2_000);

/** What the seed must have written, recomputed from the same generators the seed uses. */
export const DOSSIERS: readonly SyntheticDossier[] = [...generateDossiers(OPTIONS.seed, OPTIONS.scale, OPTIONS.asOf)];
export const PAYMENTS: readonly SyntheticPayment[] = [...generatePayments(DOSSIERS, OPTIONS.seed)];

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

/** The root list's order: (createdAt, id). */
export const PAYMENTS_IN_ORDER = [...PAYMENTS].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1));

export const PAYMENT_FIELDS = `id dossier { code } payer { personalId } province { code } amount method intermediary status
  createdAt paidAt refundedAt transactionRef refundReason`;

/** A seeded payment as the graph must show it with PAYMENT_FIELDS. */
export const paymentJson = (p: SyntheticPayment) => ({
  id: p.id,
  dossier: { code: p.dossierCode },
  payer: { personalId: p.payerId },
  province: { code: p.provinceCode },
  amount: p.amount,
  method: p.method,
  intermediary: p.intermediary,
  status: p.status,
  createdAt: shownDateTime(p.createdAt),
  paidAt: shownDateTime(p.paidAt),
  refundedAt: shownDateTime(p.refundedAt),
  transactionRef: null,
  refundReason: null,
});

/** Response text must never leak internals: stack traces, SQL, table names, server details. */
export const leaksInternals = (body: unknown): boolean =>
  /stacktrace|exception|\b(SELECT|INSERT|UPDATE) |\bidempotency_key\b|fee_schedule|postgres|at .+\.ts:\d+/i.test(JSON.stringify(body));
