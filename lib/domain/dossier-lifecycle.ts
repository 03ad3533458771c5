/**
 * The dossier lifecycle used by one-stop systems that sync to the national portal. Status
 * numbers are the portal's; overdue is a metric (due date passed before completion), not a status.
 */
export const DossierStatus = {
  NEW: 1,
  RECEIVED: 2,
  REJECTED: 3,
  PROCESSING: 4,
  ADDITIONAL_DOCUMENTS_REQUESTED: 5,
  PAYMENT_REQUESTED: 6,
  WITHDRAWN: 7,
  STOPPED: 8,
  COMPLETED: 9,
  RESULT_RETURNED: 10,
} as const;

export type DossierStatusName = keyof typeof DossierStatus;

export const DOSSIER_ACTIONS = [
  'RECEIVE',
  'REJECT',
  'START_PROCESSING',
  'REQUEST_DOCUMENTS',
  'SUPPLEMENT_DOCUMENTS',
  'REQUEST_PAYMENT',
  'CONFIRM_PAYMENT',
  'WITHDRAW',
  'STOP',
  'COMPLETE',
  'RETURN_RESULT',
] as const;

export type DossierAction = (typeof DOSSIER_ACTIONS)[number];

/** For each action, the statuses it may start from and the status it leads to. */
const MOVES: Record<DossierAction, { from: readonly DossierStatusName[]; to: DossierStatusName }> = {
  RECEIVE: { from: ['NEW'], to: 'RECEIVED' },
  REJECT: { from: ['NEW', 'RECEIVED'], to: 'REJECTED' },
  START_PROCESSING: { from: ['RECEIVED'], to: 'PROCESSING' },
  REQUEST_DOCUMENTS: { from: ['PROCESSING'], to: 'ADDITIONAL_DOCUMENTS_REQUESTED' },
  SUPPLEMENT_DOCUMENTS: { from: ['ADDITIONAL_DOCUMENTS_REQUESTED'], to: 'PROCESSING' },
  REQUEST_PAYMENT: { from: ['PROCESSING'], to: 'PAYMENT_REQUESTED' },
  CONFIRM_PAYMENT: { from: ['PAYMENT_REQUESTED'], to: 'PROCESSING' },
  WITHDRAW: { from: ['NEW', 'RECEIVED', 'PROCESSING', 'ADDITIONAL_DOCUMENTS_REQUESTED', 'PAYMENT_REQUESTED'], to: 'WITHDRAWN' },
  STOP: { from: ['PROCESSING', 'ADDITIONAL_DOCUMENTS_REQUESTED', 'PAYMENT_REQUESTED'], to: 'STOPPED' },
  COMPLETE: { from: ['PROCESSING'], to: 'COMPLETED' },
  RETURN_RESULT: { from: ['COMPLETED'], to: 'RESULT_RETURNED' },
};

/** The status an action leads to from `current`, or `null` when the move is not allowed. */
export function nextStatus(current: DossierStatusName, action: DossierAction): DossierStatusName | null {
  const move = MOVES[action];
  return move.from.includes(current) ? move.to : null;
}

/** Actions allowed from a status (empty for final statuses). */
export const allowedActions = (current: DossierStatusName): DossierAction[] =>
  DOSSIER_ACTIONS.filter((action) => MOVES[action].from.includes(current));

export const isFinalStatus = (status: DossierStatusName): boolean => allowedActions(status).length === 0;

/** Statuses that count as "handled" for the on-time KPI. */
export const isCompletedStatus = (status: DossierStatusName): boolean => status === 'COMPLETED' || status === 'RESULT_RETURNED';

export const statusName = (code: number): DossierStatusName => {
  const found = (Object.keys(DossierStatus) as DossierStatusName[]).find((name) => DossierStatus[name] === code);
  if (!found) throw new RangeError(`Unknown dossier status ${code}`);
  return found;
};

export const CHANNELS = ['ONLINE', 'IN_PERSON', 'POSTAL'] as const;
export type Channel = (typeof CHANNELS)[number];

/**
 * Dossier codes carry their province and procedure: `46-DVC02-251123-000042` is the 42nd
 * dossier of that day's series for procedure DVC02 in Huế. Payments reads the fee from it.
 */
export interface DossierCodeParts {
  provinceCode: string;
  procedureCode: string;
  /** YYMMDD of submission. */
  day: string;
  serial: string;
}

const DOSSIER_CODE = /^(\d{2})-(DVC\d{2})-(\d{6})-(\d{6,9})$/;

export function parseDossierCode(code: string): DossierCodeParts | null {
  const m = DOSSIER_CODE.exec(code);
  return m ? { provinceCode: m[1]!, procedureCode: m[2]!, day: m[3]!, serial: m[4]! } : null;
}

export function formatDossierCode({ provinceCode, procedureCode, day, serial }: DossierCodeParts): string {
  return `${provinceCode}-${procedureCode}-${day}-${serial}`;
}

/** YYMMDD in Vietnam time, for dossier codes. */
export function dossierDay(at: Date): string {
  const local = new Date(at.getTime() + 7 * 3_600_000);
  return local.toISOString().slice(2, 10).replace(/-/g, '');
}

/** Adds working days (Monday–Friday) to an instant, as legal processing times count them. */
export function addWorkingDays(start: Date, days: number): Date {
  const result = new Date(start);
  let left = days;
  while (left > 0) {
    result.setUTCDate(result.getUTCDate() + 1);
    const weekday = result.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return result;
}
