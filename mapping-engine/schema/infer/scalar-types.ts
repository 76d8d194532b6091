/**
 * Types of single scalar values. JSON values carry their own type; text values
 * (CSV cells, XML text and attributes) are only ever strings, so their type is
 * read from what the text looks like. Both kinds of string are refined into
 * ISO dates and date-times, and get a format hint (email, uri, uuid).
 */
import type { FieldType } from '../model';

/** The type (and format hint) one scalar value gives evidence for. */
export interface ScalarEvidence {
  type: FieldType;
  format?: string;
}

/**
 * Integers as they are written by systems that mean numbers: no leading '+',
 * no leading zero (`007` and `01234` are codes and postcodes, not numbers).
 */
const INTEGER_TEXT = /^-?(?:0|[1-9]\d*)$/;
/** Decimals with a '.' point and digits on both sides; no exponent, no decimal comma. */
const DECIMAL_TEXT = /^-?(?:0|[1-9]\d*)\.\d+$/;
/**
 * Longer digit runs are identifiers (card numbers, EANs, account numbers):
 * above 15 digits a double can no longer hold them exactly.
 */
const MAX_INTEGER_DIGITS = 15;
const BOOLEAN_TEXT = /^(?:true|false)$/i;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})?$/;
const TIME = /^(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})?$/;

const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;
const URI = /^(?:(?:https?|ftp|ftps|file|wss?):\/\/\S+|urn:[a-z0-9][a-z0-9-]*:\S+|mailto:\S+@\S+)$/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Days in `month` (1-12) of `year`, Gregorian. */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** A real calendar day: `2023-02-30` looks like a date but is a code or a typo. */
function isCalendarDay(year: string, month: string, day: string): boolean {
  const m = Number(month);
  const d = Number(day);
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(Number(year), m);
}

function isClock(hour: string, minute: string, second: string): boolean {
  // 60 allows a leap second, as ISO 8601 and xs:time do.
  return Number(hour) <= 23 && Number(minute) <= 59 && Number(second) <= 60;
}

/** Refines a string: ISO date / date-time / time, else a string with an optional format hint. */
export function stringEvidence(text: string): ScalarEvidence {
  const date = DATE.exec(text);
  if (date && isCalendarDay(date[1]!, date[2]!, date[3]!)) return { type: 'date', format: 'date' };
  const dateTime = DATE_TIME.exec(text);
  if (dateTime && isCalendarDay(dateTime[1]!, dateTime[2]!, dateTime[3]!) && isClock(dateTime[4]!, dateTime[5]!, dateTime[6]!)) {
    return { type: 'datetime', format: 'date-time' };
  }
  const time = TIME.exec(text);
  if (time && isClock(time[1]!, time[2]!, time[3]!)) return { type: 'time', format: 'time' };
  const format = formatHint(text);
  return format ? { type: 'string', format } : { type: 'string' };
}

/** The format hint a string matches (`email`, `uri`, `uuid`), if any. */
export function formatHint(text: string): string | undefined {
  if (UUID.test(text)) return 'uuid';
  if (EMAIL.test(text)) return 'email';
  if (URI.test(text)) return 'uri';
  return undefined;
}

/**
 * Type of a text value (CSV cell, XML text or attribute). Returns undefined for
 * the empty string: an empty cell says nothing about the column's type.
 */
export function textEvidence(text: string): ScalarEvidence | undefined {
  if (text === '') return undefined;
  if (INTEGER_TEXT.test(text)) {
    const digits = text.startsWith('-') ? text.length - 1 : text.length;
    return digits <= MAX_INTEGER_DIGITS ? { type: 'integer' } : { type: 'string' };
  }
  if (DECIMAL_TEXT.test(text)) return { type: 'number' };
  if (BOOLEAN_TEXT.test(text)) return { type: 'boolean' };
  return stringEvidence(text);
}

/** Type of a JSON scalar; strings are refined but never turned into numbers or booleans. */
export function jsonEvidence(value: string | number | boolean): ScalarEvidence {
  if (typeof value === 'boolean') return { type: 'boolean' };
  if (typeof value === 'number') return { type: Number.isInteger(value) ? 'integer' : 'number' };
  return stringEvidence(value);
}
