import validator from 'validator';
import type { Detector } from '../../src/types.js';
import { daysInMonth } from '../date-of-birth/dates.js';

/**
 * National identity and social-security numbers. Each format is checked by its own rules
 * (embedded birth date, check digits); the score says how unlikely a random value of that
 * shape is to pass: a dashed Danish CPR or a Finnish HETU is near-certain, a bare 9-digit
 * number that passes the Dutch 11-test is one in eleven.
 */

const DIGITS_6_4 = /^(\d{6})([-+]?)(\d{4})$/;
const DIGITS_8_4 = /^((?:18|19|20)\d{6})-?(\d{4})$/;
const DIGITS_11 = /^(\d{6}) ?(\d{5})$/;
const HETU = /^(\d{6})[-+A-FU-Y](\d{3})([\dA-Y])$/i;
const SSN = /^(\d{3})-(\d{2})-(\d{4})$/;
const SSN_BARE = /^(\d{3})(\d{2})(\d{4})$/;
const NINO = /^([A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]) ?\d{2} ?\d{2} ?\d{2} ?[A-D]$/i;
const BSN = /^(\d{4})\.?(\d{2})\.?(\d{3})$/;
const NIR = /^([12])\s?(\d{2})\s?(\d{2})\s?(\d{2}|2A|2B)\s?(\d{3})\s?(\d{3})\s?(\d{2})$/i;
const ES_DNI = /^(?:\d{8}|[XYZ]\d{7})-?[A-Z]$/i;
const IT_CF = /^[A-Z]{6}\d{2}[A-EHLMPRST]\d{2}[A-Z]\d{3}[A-Z]$/i;
const BR_CPF = /^\d{3}\.\d{3}\.\d{3}-\d{2}$/;
const BE_NRN = /^\d{2}\.\d{2}\.\d{2}-\d{3}\.\d{2}$/;
/**
 * German Sozialversicherungsnummer (Rentenversicherungsnummer): area (2 digits), birth date
 * DDMMYY, the initial of the birth name, a serial (2 digits) and a check digit: `12 150380 M 012`.
 */
const DE_SV_NUMMER = /^(\d{2}) ?(\d{2})(\d{2})(\d{2}) ?([A-Z]) ?(\d{2})(\d)$/i;
/** German Steuer-ID: 11 digits, often written `12 345 678 901`. */
const DE_STEUER_ID = /^[1-9]\d(?: ?\d{3}){3}$/;

export function isValidDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Danish CPR: DDMMYY-SSSS, the century from the first serial digit. No modulus-11 (dropped 2007). */
export function cprScore(value: string): number {
  const m = DIGITS_6_4.exec(value);
  if (!m || m[2] === '+') return 0;
  const dmy = m[1] ?? '';
  const serial = m[3] ?? '';
  const day = Number(dmy.slice(0, 2));
  const month = Number(dmy.slice(2, 4));
  const yy = Number(dmy.slice(4, 6));
  const s = Number(serial[0]);
  let year: number;
  if (s <= 3) year = 1900 + yy;
  else if (s === 4 || s === 9) year = yy <= 36 ? 2000 + yy : 1900 + yy;
  else year = yy <= 57 ? 2000 + yy : 1800 + yy;
  if (!isValidDate(year, month, day)) return 0;
  if (year > new Date().getUTCFullYear()) return 0;
  return m[2] === '-' ? 0.9 : 0.35;
}

/** Swedish personnummer / samordningsnummer: (YY)YYMMDD-NNNC with Luhn over the last ten digits. */
export function personnummerScore(value: string): number {
  let ten: string;
  let dashed: boolean;
  let long = false;
  const m = DIGITS_6_4.exec(value);
  if (m) {
    ten = (m[1] ?? '') + (m[3] ?? '');
    dashed = m[2] !== '';
  } else {
    const l = DIGITS_8_4.exec(value);
    if (!l) return 0;
    ten = (l[1] ?? '').slice(2) + (l[2] ?? '');
    dashed = value.includes('-');
    long = true;
  }
  const month = Number(ten.slice(2, 4));
  let day = Number(ten.slice(4, 6));
  if (day > 60) day -= 60; // samordningsnummer
  // The century is unknown for the 10-digit form: 29 February needs a leap year in some century.
  if (!isValidDate(2000, month, day)) return 0;
  if (!luhn(ten)) return 0;
  if (dashed) return 0.95;
  return long ? 0.6 : 0.4;
}

/** Norwegian fødselsnummer (and D/H-numbers): DDMMYYIIIKK, two mod-11 check digits. */
export function fodselsnummerScore(value: string): number {
  const m = DIGITS_11.exec(value);
  if (!m) return 0;
  const d = (m[1] ?? '') + (m[2] ?? '');
  let day = Number(d.slice(0, 2));
  let month = Number(d.slice(2, 4));
  if (day > 40) day -= 40; // D-number
  if (month > 40) month -= 40; // H-number
  if (!isValidDate(2000, month, day)) return 0;
  const k1w = [3, 7, 6, 1, 8, 9, 4, 5, 2];
  const k2w = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
  const digit = (i: number): number => d.charCodeAt(i) - 48;
  let s1 = 0;
  for (let i = 0; i < 9; i++) s1 += digit(i) * (k1w[i] ?? 0);
  let k1 = 11 - (s1 % 11);
  if (k1 === 11) k1 = 0;
  if (k1 === 10 || k1 !== digit(9)) return 0;
  let s2 = 0;
  for (let i = 0; i < 10; i++) s2 += digit(i) * (k2w[i] ?? 0);
  let k2 = 11 - (s2 % 11);
  if (k2 === 11) k2 = 0;
  if (k2 === 10 || k2 !== digit(10)) return 0;
  return value.includes(' ') ? 0.9 : 0.7;
}

const HETU_CHECK = '0123456789ABCDEFHJKLMNPRSTUVWXY';

/** Finnish henkilötunnus: DDMMYY, century sign, 3 digits, a mod-31 check character. */
export function hetuScore(value: string): number {
  const m = HETU.exec(value);
  if (!m) return 0;
  const dmy = m[1] ?? '';
  if (!isValidDate(2000, Number(dmy.slice(2, 4)), Number(dmy.slice(0, 2)))) return 0;
  const n = Number(dmy + (m[2] ?? ''));
  return HETU_CHECK[n % 31] === (m[3] ?? '').toUpperCase() ? 1 : 0;
}

/** Dutch burgerservicenummer: the 11-test. One random 9-digit number in eleven passes. */
export function bsnScore(value: string): number {
  const m = BSN.exec(value);
  if (!m) return 0;
  const d = (m[1] ?? '') + (m[2] ?? '') + (m[3] ?? '');
  if (/^0+$/.test(d)) return 0;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (d.charCodeAt(i) - 48) * (9 - i);
  sum -= d.charCodeAt(8) - 48;
  if (sum % 11 !== 0) return 0;
  return value.includes('.') ? 0.5 : 0.25;
}

/** US social security number, written AAA-GG-SSSS; bare 9 digits are almost anything, and count little. */
export function ssnScore(value: string): number {
  const m = SSN.exec(value) ?? SSN_BARE.exec(value);
  if (!m) return 0;
  const area = Number(m[1]);
  if (area === 0 || area === 666 || area >= 900 || m[2] === '00' || m[3] === '0000') return 0;
  return value.length === 9 ? 0.3 : 0.85;
}

/** UK National Insurance number: AB 12 34 56 C, with the prefixes HMRC never issues left out. */
export function ninoScore(value: string): number {
  const m = NINO.exec(value);
  if (!m) return 0;
  const prefix = (m[1] ?? '').toUpperCase();
  if (['BG', 'GB', 'NK', 'KN', 'TN', 'NT', 'ZZ'].includes(prefix)) return 0;
  return 1;
}

/** French NIR (numéro de sécurité sociale): sex, YYMM, department, commune, order, key = 97 − n mod 97. */
export function nirScore(value: string): number {
  const m = NIR.exec(value);
  if (!m) return 0;
  const month = Number(m[3]);
  if (!((month >= 1 && month <= 12) || (month >= 20 && month <= 42) || month >= 50)) return 0;
  const dept = (m[4] ?? '').toUpperCase();
  // Corsica: 2A and 2B count as 19 and 18 in the key.
  const deptNum = dept === '2A' ? '19' : dept === '2B' ? '18' : dept;
  const body = `${m[1] ?? ''}${m[2] ?? ''}${m[3] ?? ''}${deptNum}${m[5] ?? ''}${m[6] ?? ''}`;
  const key = Number(m[7]);
  const mod = Number(BigInt(body) % 97n);
  return 97 - mod === key ? 0.9 : 0;
}

/** Formats validator knows well: Spanish DNI/NIE, Italian codice fiscale, Brazilian CPF, German Steuer-ID; and the Belgian register number. */
export function otherIdScore(value: string): number {
  const n = value.length;
  if (n === 9 || n === 10) {
    if (ES_DNI.test(value)) return validator.isIdentityCard(value.replace('-', '').toUpperCase(), 'ES') ? 0.9 : 0;
  }
  if (n === 16 && IT_CF.test(value)) return validator.isTaxID(value.toUpperCase(), 'it-IT') ? 1 : 0;
  if (n === 14 && BR_CPF.test(value)) return validator.isTaxID(value, 'pt-BR') ? 0.9 : 0;
  if (n === 15 && BE_NRN.test(value)) return belgianScore(value.replace(/\D/g, ''));
  if ((n === 11 || n === 14) && DE_STEUER_ID.test(value)) {
    // One random number in ten passes the check digit: a written-out grouping says more.
    return steuerIdCheck(value.replace(/ /g, '')) ? (n === 14 ? 0.6 : 0.3) : 0;
  }
  return 0;
}

/**
 * German Steuer-ID check digit (ISO 7064 MOD 11,10). The digit-repetition rule of issued numbers
 * is not enforced: it changed in 2016, and test data often ignores it.
 */
function steuerIdCheck(d: string): boolean {
  let product = 10;
  for (let i = 0; i < 10; i++) {
    let sum = (d.charCodeAt(i) - 48 + product) % 10;
    if (sum === 0) sum = 10;
    product = (sum * 2) % 11;
  }
  return (11 - product) % 10 === d.charCodeAt(10) - 48;
}

/**
 * A German SV-Nummer with a real birth date and a valid check digit. The letter becomes its
 * two-digit place in the alphabet; the 12 digits are weighted 2 1 2 5 7 1 2 1 2 1 2 1, the digit
 * sums of the products added up, and the last digit of the sum is the check digit.
 */
export function svNummerScore(value: string): number {
  if (value.length < 12 || value.length > 15) return 0;
  const m = DE_SV_NUMMER.exec(value);
  if (!m) return 0;
  const area = Number(m[1]);
  const day = Number(m[2]);
  const month = Number(m[3]);
  if (area === 0 || month < 1 || month > 12 || day < 1 || day > 31) return 0;
  const letter = (m[5] ?? 'A').toUpperCase().charCodeAt(0) - 64;
  const digits = `${m[1] ?? ''}${m[2] ?? ''}${m[3] ?? ''}${m[4] ?? ''}${String(letter).padStart(2, '0')}${m[6] ?? ''}`;
  let sum = 0;
  for (let i = 0; i < 12; i++) {
    const product = (digits.charCodeAt(i) - 48) * (SV_WEIGHTS[i] ?? 0);
    sum += Math.floor(product / 10) + (product % 10);
  }
  return sum % 10 === Number(m[7]) ? 0.9 : 0;
}
const SV_WEIGHTS: readonly number[] = [2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1];

function belgianScore(d: string): number {
  const body = BigInt(d.slice(0, 9));
  const key = Number(d.slice(9));
  // Born in 2000 or later: the key is computed with a leading 2.
  const ok = 97 - Number(body % 97n) === key || 97 - Number((2_000_000_000n + body) % 97n) === key;
  return ok ? 0.9 : 0;
}

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** The best score any national format gives the value. */
export function nationalIdScore(raw: string): number {
  const n = raw.length;
  if (n < 9 || n > 21) return 0;
  const value = raw.trim();
  const c = value.charCodeAt(0);
  if (c < 48 || c > 57) {
    // Starts with a letter: NINO, Spanish NIE, Italian codice fiscale.
    return Math.max(ninoScore(value), otherIdScore(value));
  }
  let best = 0;
  for (const f of NUMERIC_FORMATS) {
    const s = f(value);
    if (s > best) best = s;
    if (best >= 0.9) break;
  }
  return best;
}

const NUMERIC_FORMATS: readonly ((v: string) => number)[] = [
  cprScore,
  personnummerScore,
  hetuScore,
  ssnScore,
  fodselsnummerScore,
  nirScore,
  otherIdScore,
  svNummerScore,
  bsnScore,
];

export const nationalId: Detector = {
  id: 'national-id',
  category: 'national_id',
  description: 'national identity and social security numbers',
  valueWeight: 0.9,
  match: nationalIdScore,
  names: [
    { pattern: 'cpr', weight: 0.95, lang: 'da' },
    { pattern: 'cpr*', weight: 0.9, lang: 'da' },
    { pattern: 'cpr nr', weight: 0.95, lang: 'da' },
    { pattern: 'cpr nummer', weight: 0.95, lang: 'da' },
    { pattern: 'personnummer', weight: 0.95, lang: 'sv' },
    { pattern: 'personnr', weight: 0.95, lang: 'sv' },
    { pattern: 'person nr', weight: 0.9, lang: 'sv' },
    { pattern: 'pnr', weight: 0.7, lang: 'sv', when: 'person-context' },
    { pattern: 'samordningsnummer', weight: 0.95, lang: 'sv' },
    { pattern: 'foedselsnummer', weight: 0.95, lang: 'no' },
    { pattern: 'fodselsnummer', weight: 0.95, lang: 'no' },
    { pattern: 'fnr', weight: 0.7, lang: 'no', when: 'person-context' },
    { pattern: 'personnummer*', weight: 0.9, lang: 'no' },
    { pattern: 'henkilotunnus', weight: 0.95, lang: 'fi' },
    { pattern: 'hetu', weight: 0.95, lang: 'fi' },
    { pattern: 'ssn', weight: 0.95, lang: 'en' },
    { pattern: 'social security', weight: 0.95, lang: 'en' },
    { pattern: 'social security number', weight: 0.95, lang: 'en' },
    { pattern: 'social insurance number', weight: 0.95, lang: 'en' },
    { pattern: 'sin', weight: 0.6, lang: 'en', when: 'person-context' },
    { pattern: 'national id', weight: 0.95, lang: 'en' },
    { pattern: 'national id*', weight: 0.9, lang: 'en' },
    { pattern: 'ssn*', weight: 0.85, lang: 'en' },
    { pattern: 'social security*', weight: 0.9, lang: 'en' },
    { pattern: 'national identity', weight: 0.95, lang: 'en' },
    { pattern: 'national insurance', weight: 0.95, lang: 'en' },
    { pattern: 'national number', weight: 0.9, lang: 'en' },
    { pattern: 'nino', weight: 0.95, lang: 'en' },
    { pattern: 'ni number', weight: 0.9, lang: 'en' },
    { pattern: 'nin', weight: 0.8, lang: 'en', when: 'person-context' },
    { pattern: 'personal id', weight: 0.85, lang: 'en', when: 'person-context' },
    { pattern: 'personal number', weight: 0.85, lang: 'en', when: 'person-context' },
    { pattern: 'personal identification number', weight: 0.95, lang: 'en' },
    { pattern: 'identity number', weight: 0.85, lang: 'en', when: 'person-context' },
    { pattern: 'id number', weight: 0.7, lang: 'en', when: 'person-context' },
    { pattern: 'id card number', weight: 0.85, lang: 'en' },
    { pattern: 'passport*', weight: 0.85, lang: 'en', when: 'person-context' },
    { pattern: 'tax id', weight: 0.8, lang: 'en', when: 'person-context' },
    { pattern: 'taxid', weight: 0.8, lang: 'en', when: 'person-context' },
    { pattern: 'tin', weight: 0.7, lang: 'en', when: 'person-context' },
    { pattern: 'bsn', weight: 0.95, lang: 'nl' },
    { pattern: 'burgerservicenummer', weight: 0.95, lang: 'nl' },
    { pattern: 'sofinummer', weight: 0.95, lang: 'nl' },
    { pattern: 'sofi nummer', weight: 0.95, lang: 'nl' },
    { pattern: 'steuer id', weight: 0.9, lang: 'de' },
    { pattern: 'steueridentifikationsnummer', weight: 0.95, lang: 'de' },
    { pattern: 'steuernummer', weight: 0.7, lang: 'de', when: 'person-context' },
    { pattern: 'sozialversicherungsnummer', weight: 0.95, lang: 'de' },
    { pattern: 'svnr', weight: 0.85, lang: 'de' },
    { pattern: 'sv nummer', weight: 0.9, lang: 'de' },
    { pattern: 'sv nr', weight: 0.85, lang: 'de' },
    { pattern: 'rentenversicherungsnummer', weight: 0.95, lang: 'de' },
    { pattern: 'rvnr', weight: 0.85, lang: 'de' },
    { pattern: 'ausweisnummer', weight: 0.9, lang: 'de' },
    { pattern: 'personalausweis*', weight: 0.9, lang: 'de' },
    { pattern: 'numero de securite sociale', weight: 0.95, lang: 'fr' },
    { pattern: 'securite sociale', weight: 0.9, lang: 'fr' },
    { pattern: 'nir', weight: 0.85, lang: 'fr', when: 'person-context' },
    { pattern: 'insee', weight: 0.7, lang: 'fr', when: 'person-context' },
    { pattern: 'dni', weight: 0.9, lang: 'es' },
    { pattern: 'nie', weight: 0.8, lang: 'es', when: 'person-context' },
    { pattern: 'nif', weight: 0.8, lang: 'es', when: 'person-context' },
    { pattern: 'documento de identidad', weight: 0.9, lang: 'es' },
    { pattern: 'numero de documento', weight: 0.8, lang: 'es', when: 'person-context' },
    { pattern: 'codice fiscale', weight: 0.95, lang: 'it' },
    { pattern: 'cpf', weight: 0.9, lang: 'pt' },
    { pattern: 'pesel', weight: 0.95, lang: 'pl' },
    // Organisation numbers and tax rates are not people's identities.
    { pattern: 'cvr', weight: -0.95, lang: 'da' },
    { pattern: 'vat', weight: -0.95 },
    { pattern: 'moms', weight: -0.9, lang: 'da' },
    { pattern: 'org nr', weight: -0.95 },
    { pattern: 'orgnr', weight: -0.95 },
    { pattern: 'organisationsnummer', weight: -0.95, lang: 'sv' },
    { pattern: 'organisasjonsnummer', weight: -0.95, lang: 'no' },
    { pattern: 'kvk', weight: -0.95, lang: 'nl' },
    { pattern: 'ein', weight: -0.9 },
    { pattern: 'company', weight: -0.9 },
    { pattern: 'tax rate', weight: -0.95 },
    { pattern: 'expiry', weight: -0.9 },
    { pattern: 'expiration', weight: -0.9 },
    { pattern: 'country', weight: -0.9 },
    { pattern: 'type', weight: -0.9 },
    { pattern: 'phone', weight: -0.95 },
    { pattern: 'telefon*', weight: -0.95 },
    { pattern: 'order', weight: -0.8 },
    { pattern: 'invoice', weight: -0.8 },
  ],
};
