import { PROVINCE_DATA_HEALTH } from '../gateway/pages/operations';
import type { DatabaseHealth } from '../lib/data-health';
import { PROVINCES } from '../lib/domain';

/** The databases in the order the report lists them, by the field that answers each. */
const DATABASES = ['residents', 'civilServants', 'publicServices', 'payments'] as const;

/** A database's figures as the gateway answers them: times as text (ISO-8601 with offset). */
export type ReportedHealth = Omit<DatabaseHealth, 'lastUpdatedAt'> & { lastUpdatedAt: string | null };

/** One province's figures: each database's, or why it could not be had. */
export interface ProvinceHealth {
  code: string;
  name: string;
  databases: ReportedHealth[];
  /** Messages of what failed (a database down, a refusal); the rest of the province still counts. */
  errors: string[];
}

/** What `npm run data-health` writes as JSON, and renders as Markdown. */
export interface DataHealthReport {
  generatedAt: string;
  provinces: ProvinceHealth[];
}

interface Answer {
  data?: { province: { code: string; name: string; dataHealth: Record<(typeof DATABASES)[number], ReportedHealth | null> | null } | null } | null;
  errors?: { message: string }[];
}

/**
 * Asks the gateway for every province's data health, one province per request (a request carries
 * the references of one province's records from database to database, so the largest stays a few
 * megabytes at a million citizens), a few at a time.
 */
export async function collectDataHealth({ gatewayUrl, token, concurrency = 4 }: { gatewayUrl: string; token: string; concurrency?: number }): Promise<DataHealthReport> {
  const ask = async (code: string): Promise<ProvinceHealth> => {
    const name = PROVINCES.find((p) => p.code === code)!.name;
    try {
      const response = await fetch(gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: PROVINCE_DATA_HEALTH, variables: { code } }),
      });
      const answer = (await response.json()) as Answer;
      const health = answer.data?.province?.dataHealth;
      const databases = DATABASES.map((field) => health?.[field]).filter((d): d is ReportedHealth => !!d);
      return { code, name, databases, errors: (answer.errors ?? []).map((e) => e.message) };
    } catch (error) {
      return { code, name, databases: [], errors: [`The gateway did not answer: ${(error as Error).message}`] };
    }
  };
  const codes = PROVINCES.map((p) => p.code);
  const provinces: ProvinceHealth[] = [];
  for (let i = 0; i < codes.length; i += concurrency) provinces.push(...(await Promise.all(codes.slice(i, i + concurrency).map(ask))));
  return { generatedAt: new Date().toISOString(), provinces };
}

/** Whether any figure of a database is a problem: a reference to nothing, an invalid ID, an empty field, a stale record. */
export const problemsOf = (d: ReportedHealth): number =>
  d.invalidIds + d.staleRecords + d.fields.reduce((n, f) => n + f.empty, 0) + d.references.reduce((n, r) => n + r.malformed + r.dangling, 0);

const n = (value: number) => value.toLocaleString('en-US');
const row = (cells: (string | number)[]) => `| ${cells.map((c) => (typeof c === 'number' ? n(c) : c)).join(' | ')} |`;

/** Every database's figures added up over the provinces. */
function nationalTotals(report: DataHealthReport): ReportedHealth[] {
  const byDatabase = new Map<string, ReportedHealth[]>();
  for (const d of report.provinces.flatMap((p) => p.databases)) byDatabase.set(d.database, [...(byDatabase.get(d.database) ?? []), d]);
  return [...byDatabase.values()].map((all) => {
    const sum = (pick: (d: ReportedHealth) => number) => all.reduce((total, d) => total + pick(d), 0);
    const first = all[0]!;
    // Every time is written with the same offset (+07:00), so the text sorts as the instants do.
    const latest = all.map((d) => d.lastUpdatedAt).filter((at): at is string => at !== null).sort().at(-1) ?? null;
    return {
      ...first,
      records: sum((d) => d.records),
      invalidIds: sum((d) => d.invalidIds),
      staleRecords: sum((d) => d.staleRecords),
      lastUpdatedAt: latest,
      fields: first.fields.map((f, i) => ({ field: f.field, filled: sum((d) => d.fields[i]!.filled), empty: sum((d) => d.fields[i]!.empty) })),
      references: first.references.map((r, i) => ({
        ...r,
        held: sum((d) => d.references[i]!.held),
        malformed: sum((d) => d.references[i]!.malformed),
        dangling: sum((d) => d.references[i]!.dangling),
      })),
    };
  });
}

/** The report as Markdown: national figures per database, then every province with a problem. */
export function markdownReport(report: DataHealthReport): string {
  const totals = nationalTotals(report);
  const lines = [
    `# Data health, ${report.generatedAt}`,
    '',
    'Each database checks its own records and the references other databases hold into it; counts only, no record is named.',
    '',
    '## Each database, all provinces',
    '',
    row(['database', 'records', 'invalid IDs', 'empty fields', 'stale records', 'stale after', 'last update']),
    row(['---', '--:', '--:', '--:', '--:', '--:', '---']),
    ...totals.map((d) =>
      row([d.database, d.records, d.invalidIds, d.fields.reduce((sum, f) => sum + f.empty, 0), d.staleRecords, `${n(d.staleAfterDays)} days`, d.lastUpdatedAt ?? '—']),
    ),
    '',
    '## References, all provinces',
    '',
    row(['reference', 'held by', 'points into', 'held', 'malformed', 'point at nothing']),
    row(['---', '---', '---', '--:', '--:', '--:']),
    ...totals.flatMap((d) => d.references.map((r) => row([r.reference, r.holder, r.target, r.held, r.malformed, r.dangling]))),
    '',
    '## Empty fields, all provinces',
    '',
    row(['field', 'filled', 'empty']),
    row(['---', '--:', '--:']),
    ...totals.flatMap((d) => d.fields.map((f) => row([f.field, f.filled, f.empty]))),
    '',
    '## Provinces with problems',
    '',
    row(['province', 'database', 'invalid IDs', 'empty fields', 'stale', 'references to nothing', 'malformed references']),
    row(['---', '---', '--:', '--:', '--:', '--:', '--:']),
    ...report.provinces.flatMap((p) =>
      p.databases
        .filter((d) => problemsOf(d) > 0)
        .map((d) =>
          row([
            `${p.code} ${p.name}`,
            d.database,
            d.invalidIds,
            d.fields.reduce((sum, f) => sum + f.empty, 0),
            d.staleRecords,
            d.references.reduce((sum, r) => sum + r.dangling, 0),
            d.references.reduce((sum, r) => sum + r.malformed, 0),
          ]),
        ),
    ),
    '',
    '## Rules',
    '',
    ...totals.map((d) => `- **${d.database}**: stale — ${d.staleRule}`),
  ];
  const failed = report.provinces.filter((p) => p.errors.length > 0);
  if (failed.length > 0) lines.push('', '## Not checked', '', ...failed.map((p) => `- ${p.code} ${p.name}: ${p.errors.join('; ')}`));
  return `${lines.join('\n')}\n`;
}
