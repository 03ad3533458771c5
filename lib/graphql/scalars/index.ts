import { Kind } from 'graphql';
import { checkPersonalId } from '../../domain/personal-id';
import { isProvinceCode } from '../../domain/provinces';
import { defineScalar } from './define-scalar';

export const PersonalIdScalar = defineScalar<string, string>({
  name: 'PersonalId',
  description:
    'A 12-digit personal identification number (số định danh cá nhân): 3-digit legacy province of birth registration, sex/century digit, 2-digit birth year, 6 random digits.',
  code: 'INVALID_PERSONAL_ID',
  literalKinds: [Kind.STRING],
  parse: (input) => {
    if (typeof input !== 'string') return { reason: 'a personal ID is a string of 12 digits' };
    const check = checkPersonalId(input);
    return check.ok ? { value: input } : { reason: check.reason };
  },
  serialize: (value) => value,
});

export const ProvinceCodeScalar = defineScalar<string, string>({
  name: 'ProvinceCode',
  description: 'The 2-digit code of one of the 34 provincial units in force from 1 July 2025, e.g. "01" for Hà Nội.',
  code: 'UNKNOWN_PROVINCE',
  literalKinds: [Kind.STRING],
  parse: (input) =>
    typeof input === 'string' && isProvinceCode(input) ? { value: input } : { reason: 'not one of the 34 provincial units of 2025' },
  serialize: (value) => value,
});

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const isCalendarDate = (value: string): boolean => {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() + 1 === Number(m[2]) && d.getUTCDate() === Number(m[3]);
};

export const DateScalar = defineScalar<string, string>({
  name: 'Date',
  description: 'A calendar date in ISO-8601, YYYY-MM-DD, with no time zone.',
  code: 'BAD_USER_INPUT',
  literalKinds: [Kind.STRING],
  parse: (input) => (typeof input === 'string' && isCalendarDate(input) ? { value: input } : { reason: 'expected YYYY-MM-DD' }),
  serialize: (value) => value,
});

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Vietnam keeps one offset all year; times are shown in it so clients see local wall-clock time. */
const VIETNAM_OFFSET_MINUTES = 7 * 60;

export function formatVietnamTime(date: Date): string {
  const local = new Date(date.getTime() + VIETNAM_OFFSET_MINUTES * 60_000);
  return `${local.toISOString().slice(0, 19)}+07:00`;
}

export const DateTimeScalar = defineScalar<Date, string>({
  name: 'DateTime',
  description: 'An instant in ISO-8601 with its UTC offset, shown in Vietnam time, e.g. 2025-07-01T08:30:00+07:00.',
  code: 'BAD_USER_INPUT',
  literalKinds: [Kind.STRING],
  parse: (input) => {
    if (typeof input !== 'string' || !ISO_DATE_TIME.test(input)) return { reason: 'expected an ISO-8601 date-time with offset' };
    const date = new Date(input);
    return Number.isNaN(date.getTime()) ? { reason: 'not a real instant' } : { value: date };
  },
  serialize: (value) => formatVietnamTime(value instanceof Date ? value : new Date(value as unknown as string)),
});

export const VndScalar = defineScalar<number, number>({
  name: 'VND',
  description: 'An amount of Vietnamese đồng: a whole, non-negative number (the đồng has no minor unit).',
  code: 'INVALID_AMOUNT',
  literalKinds: [Kind.INT, Kind.FLOAT],
  parse: (input) =>
    typeof input === 'number' && Number.isSafeInteger(input) && input >= 0
      ? { value: input }
      : { reason: 'an amount is a whole, non-negative number of đồng' },
  serialize: (value) => value,
});
