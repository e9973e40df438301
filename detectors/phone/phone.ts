import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import type { Detector, MatchContext, NameSignal } from '../../src/types.js';

/** Characters a written phone number is made of, with an optional extension at the end. */
const PHONE_CHARS = /^\+?[\d\s()./-]{6,24}$/;
/** `+1 (555) 123-4567 x89`: the number, then an extension keyword and digits. */
const WITH_EXTENSION = /^([+\d\s()./-]{6,30})(?:x|ext|extn|lokal|durchwahl)\.?\s*\d{1,6}$/i;
const ISO_DATE = /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$/;
const DMY_DATE = /^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}$/;
const DECIMAL = /^\d+[.,]\d{1,2}$/;
const YEAR_RANGE = /^(?:19|20)\d\d\s*-\s*(?:19|20)\d\d$/;

/**
 * Value evidence for phone and fax numbers: 1 for a number written the way people write
 * phones (`+45 33 12 34 56`, `(555) 123-4567`, `0045…`) that libphonenumber-js accepts;
 * 0.5 for bare digits that are valid for the default country (`33123456` may be a CVR number);
 * 0 for dates, prices, years and numbers no country uses.
 */
export function phoneScore(value: string, ctx: MatchContext): number {
  const v = (WITH_EXTENSION.exec(value)?.[1] ?? value).trim();
  if (!PHONE_CHARS.test(v)) return 0;
  if (ISO_DATE.test(v) || DMY_DATE.test(v) || DECIMAL.test(v) || YEAR_RANGE.test(v)) return 0;
  const digits = v.replace(/\D/g, '');
  if (digits.length < 6 || digits.length > 15) return 0;
  const bare = /^\d+$/.test(v);
  const international = v.startsWith('+') || v.startsWith('00');
  const text = v.startsWith('00') ? `+${v.slice(2)}` : v;
  const n = parsePhoneNumberFromString(text, toCountry(ctx.defaultCountry));
  if (n?.isValid()) return bare && !international ? 0.5 : 1;
  // Older or fictional numbers in sample data are still written as phones: a formatted,
  // plausibly long international number counts a little.
  if (!bare && international && n?.isPossible()) return 0.5;
  if (!bare && !international && digits.length >= 7 && /[\s().-]/.test(v) && n?.isPossible()) return 0.5;
  return 0;
}

function toCountry(code: string): CountryCode | undefined {
  return /^[A-Z]{2}$/.test(code) ? (code as CountryCode) : undefined;
}

/** Field-name hints shared by phone and fax: the words for "number to call". */
export const CALL_NUMBER_NAMES: readonly NameSignal[] = [
  { pattern: 'phone', weight: 0.9, lang: 'en' },
  { pattern: '*phone', weight: 0.85, lang: 'en' },
  { pattern: 'phone*', weight: 0.85, lang: 'en' },
  { pattern: 'telephone', weight: 0.9, lang: 'en' },
  { pattern: 'tel', weight: 0.8, lang: 'en' },
  { pattern: 'tel no', weight: 0.9, lang: 'en' },
  { pattern: 'mobile', weight: 0.9, lang: 'en' },
  { pattern: 'cell', weight: 0.6, lang: 'en' },
  { pattern: 'cellphone', weight: 0.9, lang: 'en' },
  { pattern: 'contact number', weight: 0.8, lang: 'en' },
  { pattern: 'extension', weight: 0.7, lang: 'en' },
  { pattern: 'tlf', weight: 0.9, lang: 'da' },
  { pattern: 'tlf*', weight: 0.85, lang: 'da' },
  { pattern: 'telefon', weight: 0.9, lang: 'da' },
  { pattern: 'telefon*', weight: 0.85, lang: 'da' },
  { pattern: '*telefon', weight: 0.85, lang: 'da' },
  { pattern: 'mobil', weight: 0.9, lang: 'da' },
  { pattern: 'mobil*', weight: 0.85, lang: 'da' },
  { pattern: 'handy', weight: 0.8, lang: 'de' },
  { pattern: 'rufnummer', weight: 0.9, lang: 'de' },
  { pattern: 'telefoon', weight: 0.9, lang: 'nl' },
  { pattern: 'telefoonnummer', weight: 0.9, lang: 'nl' },
  { pattern: 'gsm', weight: 0.8, lang: 'nl' },
  { pattern: 'telephone*', weight: 0.85, lang: 'fr' },
  { pattern: 'portable', weight: 0.6, lang: 'fr' },
  { pattern: 'telefono', weight: 0.9, lang: 'es' },
  { pattern: 'movil', weight: 0.8, lang: 'es' },
  { pattern: 'celular', weight: 0.8, lang: 'es' },
  { pattern: 'msisdn', weight: 0.9 },
];

export const phone: Detector = {
  id: 'phone',
  category: 'phone',
  description: 'phone numbers',
  valueWeight: 0.85,
  match: phoneScore,
  names: [
    ...CALL_NUMBER_NAMES,
    // A fax number has a category of its own; a phone's type or country code is not a number to call.
    { pattern: 'fax', weight: -0.95 },
    { pattern: '*fax', weight: -0.95 },
    { pattern: 'fax*', weight: -0.95 },
    { pattern: 'type', weight: -0.9 },
    { pattern: 'country code', weight: -0.8 },
    { pattern: 'verified', weight: -0.9 },
    { pattern: 'cvr', weight: -0.9, lang: 'da' },
    { pattern: 'vat', weight: -0.9 },
    { pattern: 'order', weight: -0.6 },
    { pattern: 'invoice', weight: -0.6 },
    { pattern: 'zip', weight: -0.9 },
    { pattern: 'postal', weight: -0.9 },
  ],
};
