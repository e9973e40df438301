/**
 * Calendar dates as databases, spreadsheets and people write them. Shared by the date-of-birth
 * and employment detectors, which both need "is this a real date, and which year".
 */

export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  /** A time of day was written and it is not midnight (or a whole-hour time-zone shift of it). */
  readonly clockTime: boolean;
  /** Only digits (`19620218`): a date shape, but also any 8-digit number. */
  readonly compact: boolean;
}

/** `1962-02-18`, `1962/2/18`, `1962.02.18`, optionally followed by a time and zone. */
const YMD = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[T\s](.{1,40}))?$/;
/** `18-02-1962`, `18.02.62`, `02/18/1962`, optionally followed by a time. */
const DMY = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{2}|\d{4})(?:[T\s](.{1,40}))?$/;
/** `19620218` */
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
/** `00:00`, `00:00:00`, `00:00:00.000Z`, `23:00:00+01:00`, `00:00:00 UTC` */
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?\s?(?:Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;

/** Month names and abbreviations in the languages pdmap reads field names in. */
const MONTHS: ReadonlyMap<string, number> = buildMonths([
  // en
  ['january jan', 1], ['february feb', 2], ['march mar', 3], ['april apr', 4], ['may', 5], ['june jun', 6],
  ['july jul', 7], ['august aug', 8], ['september sep sept', 9], ['october oct', 10], ['november nov', 11], ['december dec', 12],
  // da, no, sv, de, nl
  ['januar januari janvier jan', 1], ['februar februari fevrier fev', 2], ['marts mars maerz marz maart', 3],
  ['mai maj mei', 5], ['juni', 6], ['juli', 7], ['augusti', 8], ['oktober okt', 10], ['dezember desember', 12],
  // fr, es
  ['avril avr', 4], ['juin', 6], ['juillet juil', 7], ['aout', 8], ['septembre', 9], ['octobre', 10], ['novembre', 11], ['decembre', 12],
  ['enero ene', 1], ['febrero', 2], ['marzo', 3], ['abril abr', 4], ['mayo', 5], ['junio', 6], ['julio', 7], ['agosto ago', 8],
  ['septiembre setiembre', 9], ['octubre', 10], ['noviembre', 11], ['diciembre dic', 12],
]);

function buildMonths(rows: readonly (readonly [string, number])[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const [words, n] of rows) for (const w of words.split(' ')) m.set(w, n);
  return m;
}

const MAX_DATE_LENGTH = 48;

/** Parses a date written in one of the common forms; undefined for anything else. */
export function parseDate(raw: string): CalendarDate | undefined {
  const value = raw.trim();
  if (value.length < 6 || value.length > MAX_DATE_LENGTH) return undefined;
  const first = value.charCodeAt(0);
  if (first >= 48 && first <= 57) return parseNumeric(value) ?? parseWords(value);
  return parseWords(value);
}

function parseNumeric(value: string): CalendarDate | undefined {
  let m = YMD.exec(value);
  if (m) return build(Number(m[1]), Number(m[3]), Number(m[4]), m[5], false);
  m = DMY.exec(value);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const year = expandYear(m[4] ?? '');
    // Day first in most of Europe, month first in the US: accept whichever is a real date.
    return build(year, b, a, m[5], false) ?? build(year, a, b, m[5], false);
  }
  m = COMPACT.exec(value);
  if (m) return build(Number(m[1]), Number(m[2]), Number(m[3]), undefined, true);
  return undefined;
}

/** `18 Feb 1962`, `February 18, 1962`, `18. februar 1962`, `18 de febrero de 1962`. */
function parseWords(value: string): CalendarDate | undefined {
  const words = value
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .split(/[\s,./-]+/)
    .filter((w) => w.length > 0 && w !== 'de' && w !== 'del');
  if (words.length !== 3) return undefined;
  let day: number | undefined;
  let month: number | undefined;
  let year: number | undefined;
  for (const w of words) {
    const n = /^\d{1,4}$/.test(w) ? Number(w) : undefined;
    if (n === undefined) {
      const mo = MONTHS.get(w);
      if (mo === undefined || month !== undefined) return undefined;
      month = mo;
    } else if (w.length === 4) {
      if (year !== undefined) return undefined;
      year = n;
    } else if (w.length <= 2) {
      if (day !== undefined) return undefined;
      day = n;
    } else return undefined;
  }
  if (day === undefined || month === undefined || year === undefined) return undefined;
  return build(year, month, day, undefined, false);
}

function expandYear(y: string): number {
  if (y.length === 4) return Number(y);
  const n = Number(y);
  // Two-digit years: the most recent past century (`62` → 1962, `05` → 2005 in 2025).
  const now = new Date().getUTCFullYear();
  return n <= now % 100 ? 2000 + n : 1900 + n;
}

function build(year: number, month: number, day: number, time: string | undefined, compact: boolean): CalendarDate | undefined {
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  let clockTime = false;
  if (time !== undefined) {
    const t = TIME.exec(time.trim());
    if (!t) return undefined;
    const hours = Number(t[1]);
    const minutes = Number(t[2]);
    const seconds = t[3] === undefined ? 0 : Number(t[3]);
    if (hours > 23 || minutes > 59 || seconds > 60) return undefined;
    // A stored date read through a time zone becomes `T23:00:00.000Z` or `T05:30:00Z`:
    // whole or half hours with zero seconds are still "a date"; `14:23:11` is a moment.
    clockTime = seconds !== 0 || (minutes !== 0 && minutes !== 30 && minutes !== 45);
  }
  return { year, month, day, clockTime, compact };
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The current year, read once per call site so tests and long scans agree. */
export function currentYear(): number {
  // Asked once per value: a Date is made only when the clock leaves the year last seen.
  const now = Date.now();
  if (now < yearStarts || now >= yearEnds) {
    year = new Date(now).getUTCFullYear();
    yearStarts = Date.UTC(year, 0, 1);
    yearEnds = Date.UTC(year + 1, 0, 1);
  }
  return year;
}

let year = 0;
let yearStarts = 0;
let yearEnds = 0;
