import type { Detector } from '../../src/types.js';
import { currentYear, daysInMonth, parseDate } from './dates.js';

/**
 * Value evidence for a birth date: 1 for a date whose year a living person can be born in,
 * less for dates that carry a clock time (`14:23:11` is a moment, not a birthday), for bare
 * 8-digit numbers and for the very young. A date alone never proves a birth date: the
 * detector needs a name hint (order dates and created_at look the same).
 */
export function birthDateScore(value: string): number {
  const d = parseDate(value);
  if (!d) return birthYearScore(value);
  const now = currentYear();
  let s: number;
  if (d.year < 1890 || d.year > now) s = 0;
  else if (d.year < 1900) s = 0.5;
  else if (d.year <= now - 14) s = 1;
  else s = 0.7; // children and infants have birth dates too (schools, maternity wards)
  if (d.clockTime) s *= 0.3;
  if (d.compact) s *= 0.7;
  return s;
}

/** `18-02`, `02/18`, `--02-18` (ISO 8601 without a year): a birthday kept without the year. */
const DAY_MONTH = /^(?:--)?(\d{1,2})[-/.](\d{1,2})\.?$/;

/** `birth_year` columns hold a bare year; `birthday` columns sometimes only day and month. */
function birthYearScore(value: string): number {
  const dm = value.length <= 7 ? DAY_MONTH.exec(value) : null;
  if (dm) {
    const a = Number(dm[1]);
    const b = Number(dm[2]);
    // Leap year 2000, so that 29 February counts.
    return isDayMonth(a, b) || isDayMonth(b, a) ? 0.6 : 0;
  }
  if (value.length !== 4 || !/^(?:18|19|20)\d\d$/.test(value)) return 0;
  const y = Number(value);
  return y >= 1900 && y <= currentYear() ? 0.8 : 0;
}

function isDayMonth(day: number, month: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(2000, month);
}

export const dateOfBirth: Detector = {
  id: 'date-of-birth',
  category: 'date_of_birth',
  description: 'dates of birth',
  requiresName: true,
  valueWeight: 0.3,
  match: birthDateScore,
  names: [
    { pattern: 'birth date', weight: 0.95, lang: 'en' },
    { pattern: 'birth dt', weight: 0.95, lang: 'en' },
    { pattern: 'bdate', weight: 0.8, lang: 'en', when: 'person-context' },
    { pattern: 'b date', weight: 0.8, lang: 'en', when: 'person-context' },
    { pattern: 'date of birth', weight: 0.95, lang: 'en' },
    { pattern: 'birthdate*', weight: 0.9, lang: 'en' },
    { pattern: 'birth day', weight: 0.9, lang: 'en' },
    { pattern: 'birthday', weight: 0.9, lang: 'en' },
    { pattern: 'birth', weight: 0.8, lang: 'en' },
    { pattern: 'birth year', weight: 0.85, lang: 'en' },
    { pattern: 'year of birth', weight: 0.85, lang: 'en' },
    { pattern: 'born', weight: 0.8, lang: 'en' },
    { pattern: 'born on', weight: 0.9, lang: 'en' },
    { pattern: 'dob', weight: 0.9, lang: 'en' },
    { pattern: 'd o b', weight: 0.9, lang: 'en' },
    { pattern: 'bday', weight: 0.85, lang: 'en' },
    // da, no: fødselsdato, født, fødselsdag, fødselsår
    { pattern: 'foedselsdato', weight: 0.95, lang: 'da' },
    { pattern: 'foedselsdag', weight: 0.9, lang: 'da' },
    { pattern: 'foedselsaar', weight: 0.85, lang: 'da' },
    { pattern: 'foedt', weight: 0.85, lang: 'da' },
    { pattern: 'foedt den', weight: 0.9, lang: 'da' },
    { pattern: 'foed dato', weight: 0.9, lang: 'da' },
    { pattern: 'fdato', weight: 0.8, lang: 'da' },
    // de
    { pattern: 'geburtsdatum', weight: 0.95, lang: 'de' },
    { pattern: 'geburtstag', weight: 0.9, lang: 'de' },
    { pattern: 'geburtsjahr', weight: 0.85, lang: 'de' },
    { pattern: 'geb datum', weight: 0.9, lang: 'de' },
    { pattern: 'gebdatum', weight: 0.9, lang: 'de' },
    { pattern: 'geboren', weight: 0.85, lang: 'de' },
    { pattern: 'geboren am', weight: 0.9, lang: 'de' },
    // sv: födelsedatum, födelsedag, född
    { pattern: 'fodelsedatum', weight: 0.95, lang: 'sv' },
    { pattern: 'fodelsedag', weight: 0.9, lang: 'sv' },
    { pattern: 'födelseår', weight: 0.85, lang: 'sv' },
    { pattern: 'fodd', weight: 0.85, lang: 'sv' },
    // nl
    { pattern: 'geboortedatum', weight: 0.95, lang: 'nl' },
    { pattern: 'geboortedag', weight: 0.9, lang: 'nl' },
    { pattern: 'geboortejaar', weight: 0.85, lang: 'nl' },
    // fr
    { pattern: 'date de naissance', weight: 0.95, lang: 'fr' },
    { pattern: 'date naissance', weight: 0.95, lang: 'fr' },
    { pattern: 'naissance', weight: 0.85, lang: 'fr' },
    { pattern: 'ne le', weight: 0.85, lang: 'fr' },
    { pattern: 'anniversaire', weight: 0.8, lang: 'fr' },
    // es, it, pt
    { pattern: 'fecha de nacimiento', weight: 0.95, lang: 'es' },
    { pattern: 'fecha nacimiento', weight: 0.95, lang: 'es' },
    { pattern: 'fec nac', weight: 0.9, lang: 'es' },
    { pattern: 'nacimiento', weight: 0.85, lang: 'es' },
    { pattern: 'cumpleanos', weight: 0.85, lang: 'es' },
    { pattern: 'data di nascita', weight: 0.95, lang: 'it' },
    { pattern: 'data nascita', weight: 0.95, lang: 'it' },
    { pattern: 'data de nascimento', weight: 0.95, lang: 'pt' },
    { pattern: 'nascimento', weight: 0.85, lang: 'pt' },
    // A place, country or name of birth is not a date; nor is anything about an order or a record.
    { pattern: 'place', weight: -0.9 },
    { pattern: 'city', weight: -0.9 },
    { pattern: 'country', weight: -0.9 },
    { pattern: 'name', weight: -0.9 },
    { pattern: 'sted', weight: -0.9, lang: 'da' },
    { pattern: 'ort', weight: -0.9, lang: 'de' },
    { pattern: 'lieu', weight: -0.9, lang: 'fr' },
    { pattern: 'lugar', weight: -0.9, lang: 'es' },
    { pattern: 'weight', weight: -0.9 },
    { pattern: 'rate', weight: -0.9 },
    { pattern: 'hire', weight: -0.9 },
    { pattern: 'order', weight: -0.9 },
    { pattern: 'created', weight: -0.9 },
    { pattern: 'updated', weight: -0.9 },
    { pattern: 'modified', weight: -0.9 },
  ],
};
