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
/** `2021-000123`, `2019/4711`: a year, then a serial — case and invoice numbers. */
const YEAR_SERIAL = /^(?:19|20)\d\d[-/]\d{3,8}$/;
/** US ZIP+4. */
const ZIP4 = /^\d{5}-\d{4}$/;
/** Digits in groups as people write phones: `(5) 555-4729`, `030-0074321`, `88.60.15.31`, `0921-12 34 65`. */
const GROUPED = /^(?:\(\d{1,5}\)\s?|\d{1,5}[\s./-])(?:\d{1,8}[\s./-])*\d{2,8}$/;
const HAS_SEPARATOR = /[\s().-]/;
const TRUNK_ZERO = /^\(?0[1-9]/;
/** `(415) 994-7163`, `213-984-9307`, `213.984.9307` */
const NANP = /^(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}$/;

/**
 * Value evidence for phone and fax numbers:
 * - 1 for a number written the way people write phones (`+45 33 12 34 56`, `(555) 123-4567`,
 *   `0045…`) that libphonenumber-js accepts for its country or the default country;
 * - 0.8 for a valid North American number written the US way (`(415) 994-7163`);
 * - 0.5 for bare digits valid for the default country (`33123456` may be a CVR number), for
 *   formatted numbers that are possible but not valid, and for trunk-0 national numbers of another
 *   country (`030 0438602` in a DK scan);
 * - 0.4 for other phone-like groupings (`(171) 555-7788`), 0.3 for other bare digits of a phone's length;
 * - 0 for dates, prices, years, year-serial case numbers, ZIP+4 and anything else.
 */
export function phoneScore(value: string, ctx: MatchContext): number {
  if (value.length < 6 || value.length > 40) return 0;
  const v = (WITH_EXTENSION.exec(value)?.[1] ?? value).trim();
  if (!PHONE_CHARS.test(v)) return 0;
  if (ISO_DATE.test(v) || DMY_DATE.test(v) || DECIMAL.test(v) || YEAR_RANGE.test(v) || YEAR_SERIAL.test(v) || ZIP4.test(v)) return 0;
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
  if (!bare && !international && digits.length >= 7 && HAS_SEPARATOR.test(v) && n?.isPossible()) return 0.5;
  if (international) return 0;
  // Bare digits of a phone's length that the default country does not know (`5551234567` in a
  // DK scan, Sakila's `28303384290`): a phone only if the field name says so.
  if (bare) return digits.length >= 7 && digits[0] !== '0' ? 0.3 : 0;
  // North American numbers are written in one recognisable way: check them as US numbers.
  if (NANP.test(v) && parsePhoneNumberFromString(v, 'US')?.isValid()) return 0.8;
  // A national number from another country: grouped like a phone, but no country to check it
  // against. A leading trunk `0` (`030 0438602`, `07920 709821`) is how most of Europe writes them.
  if (digits.length >= 7 && digits.length <= 12 && GROUPED.test(v)) return digits.length >= 9 && TRUNK_ZERO.test(v) ? 0.5 : 0.4;
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
  { pattern: 'tel nr', weight: 0.9 },
  { pattern: 'mobile', weight: 0.9, lang: 'en' },
  { pattern: 'mobile*', weight: 0.85, lang: 'en' },
  { pattern: 'cell', weight: 0.6, lang: 'en' },
  { pattern: 'cellphone', weight: 0.9, lang: 'en' },
  { pattern: 'cell number', weight: 0.9, lang: 'en' },
  { pattern: 'contact number', weight: 0.8, lang: 'en' },
  { pattern: 'msisdn', weight: 0.9 },
  // da, no, sv: telefon, tlf, mobil, mobilnummer, telefonnummer, fastnet
  { pattern: 'tlf', weight: 0.9, lang: 'da' },
  { pattern: 'tlf*', weight: 0.85, lang: 'da' },
  { pattern: 'telefon', weight: 0.9, lang: 'da' },
  { pattern: 'telefon*', weight: 0.85, lang: 'da' },
  { pattern: '*telefon', weight: 0.85, lang: 'da' },
  { pattern: 'mobil', weight: 0.9, lang: 'da' },
  { pattern: 'mobil*', weight: 0.85, lang: 'da' },
  { pattern: '*mobil', weight: 0.8, lang: 'da' },
  { pattern: 'fastnet', weight: 0.8, lang: 'da' },
  { pattern: 'mobilnr', weight: 0.9, lang: 'sv' },
  // de
  { pattern: 'handy', weight: 0.8, lang: 'de' },
  { pattern: 'handy*', weight: 0.8, lang: 'de' },
  { pattern: 'rufnummer', weight: 0.9, lang: 'de' },
  { pattern: '*rufnummer', weight: 0.85, lang: 'de' },
  { pattern: 'festnetz*', weight: 0.85, lang: 'de' },
  { pattern: 'fernsprecher', weight: 0.85, lang: 'de' },
  // nl
  { pattern: 'telefoon', weight: 0.9, lang: 'nl' },
  { pattern: 'telefoon*', weight: 0.85, lang: 'nl' },
  { pattern: 'mobiel', weight: 0.9, lang: 'nl' },
  { pattern: 'mobiel*', weight: 0.85, lang: 'nl' },
  { pattern: 'gsm', weight: 0.8, lang: 'nl' },
  // fr
  { pattern: 'telephone*', weight: 0.85, lang: 'fr' },
  { pattern: 'portable', weight: 0.6, lang: 'fr' },
  { pattern: 'numero de telephone', weight: 0.9, lang: 'fr' },
  // es
  { pattern: 'telefono', weight: 0.9, lang: 'es' },
  { pattern: 'telefono*', weight: 0.85, lang: 'es' },
  { pattern: 'movil', weight: 0.8, lang: 'es' },
  { pattern: 'celular', weight: 0.8, lang: 'es' },
];

/** The words for a fax number: the fax detector's hints, and the phone detector's counter-hints. */
export const FAX_NAMES: readonly NameSignal[] = [
  { pattern: 'fax', weight: 0.95, lang: 'en' },
  { pattern: '*fax', weight: 0.9, lang: 'en' },
  { pattern: 'fax*', weight: 0.9, lang: 'en' },
  { pattern: 'telefax', weight: 0.95, lang: 'da' },
  { pattern: 'facsimile', weight: 0.95, lang: 'en' },
  { pattern: 'faks', weight: 0.95, lang: 'no' },
  { pattern: 'faks*', weight: 0.9, lang: 'no' },
  { pattern: 'telefaks', weight: 0.95, lang: 'no' },
  { pattern: 'télécopie', weight: 0.95, lang: 'fr' },
  { pattern: 'télécopieur', weight: 0.95, lang: 'fr' },
];

/**
 * Organisation-only tables (shippers, offices, stores, warehouses) hold company phones, which are
 * not personal data (labelling rule 4); the engine drops their verdicts. Outside a container about
 * people a phone word in the name is therefore a weaker hint: the positive weight shrinks by
 * `factor`, and with `against` > 0 the verdict is also scaled by `1 − against`, so only a column
 * whose numbers prove themselves survives. Columns without a phone word (`info`, `col6`)
 * are judged by their values alone, as before. Counter-hints keep their weight.
 */
export function weakerOutsidePersonContext(signals: readonly NameSignal[], factor = 0.4, against = 0): NameSignal[] {
  return signals.flatMap((s): NameSignal[] =>
    s.weight <= 0 || s.when !== undefined
      ? [s]
      : [
          { ...s, when: 'person-context' },
          { ...s, weight: Math.round(s.weight * factor * 100) / 100, when: 'no-person-context' },
          ...(against > 0 ? [{ ...s, weight: -against, when: 'no-person-context' as const }] : []),
        ],
  );
}

/** What a phone-like column is not: a fax, a phone's type, a country code, a consent flag, an id. */
const NOT_A_PHONE: readonly NameSignal[] = [
  // A fax number has a category of its own; a phone's type or country code is not a number to call.
  ...FAX_NAMES.map((s): NameSignal => ({ pattern: s.pattern, weight: -0.95 })),
  { pattern: 'type', weight: -0.9 },
  { pattern: 'country code', weight: -0.8 },
  { pattern: 'prefix', weight: -0.8 },
  { pattern: 'verified', weight: -0.9 },
  { pattern: 'confirmed', weight: -0.9 },
  { pattern: 'opt in', weight: -0.9 },
  { pattern: 'consent', weight: -0.9 },
  { pattern: 'cvr', weight: -0.9, lang: 'da' },
  { pattern: 'vat', weight: -0.9 },
  { pattern: 'ean', weight: -0.9 },
  { pattern: 'order', weight: -0.6 },
  { pattern: 'invoice', weight: -0.6 },
  { pattern: 'zip', weight: -0.9 },
  { pattern: 'postal', weight: -0.9 },
  { pattern: 'postnr', weight: -0.9, lang: 'da' },
  { pattern: 'plz', weight: -0.9, lang: 'de' },
];

export const phone: Detector = {
  id: 'phone',
  category: 'phone',
  description: 'phone numbers',
  valueWeight: 0.85,
  match: phoneScore,
  names: [...weakerOutsidePersonContext(CALL_NUMBER_NAMES), ...NOT_A_PHONE],
};

/** Words that say whose number it is: a person's, wherever the table is. */
const PERSON_QUALIFIERS = [
  // en
  'recipient', 'receiver', 'ship', 'shipping', 'delivery', 'billing', 'customer', 'client', 'contact', 'home', 'private',
  'personal', 'emergency', 'guardian', 'parent', 'patient', 'member', 'employee', 'user', 'owner', 'driver', 'guest',
  'buyer', 'sender', 'student', 'applicant', 'candidate', 'passenger', 'tenant', 'resident', 'subscriber', 'next of kin',
  // da, no, sv, de, nl, fr, es
  'privat', 'kunde', 'modtager', 'hjem', 'kontaktperson', 'pårørende', 'medlem', 'bruger', 'kund', 'mottagare',
  'hem', 'anhörig', 'empfänger', 'mitglied', 'prive', 'klant', 'ontvanger', 'thuis', 'domicile', 'destinataire',
  'cliente', 'destinatario', 'particular',
];
const PHONE_WORDS = ['phone', 'tel', 'telephone', 'tlf', 'telefon', 'telefoon', 'telefono', 'phone number', 'telefonnummer'];
/** Phones that are personal by nature. */
const MOBILE_WORDS = ['mobile', 'mobile*', 'cell', 'cellphone', 'cell phone', 'mobil', 'mobil*', '*mobil', 'handy', 'handy*', 'mobiel', 'mobiel*', 'movil', 'celular', 'gsm'];

/**
 * Phones whose field name says they belong to a person (`recipient_phone`, `home_phone`,
 * `kunde_tlf`, `Telefon privat`, `mobile`): personal even in a table that is not about people
 * (a delivery, an order), where the `phone` detector doubts a bare `phone` column.
 */
export const personPhone: Detector = {
  id: 'person-phone',
  category: 'phone',
  description: "people's phone numbers",
  requiresName: true,
  valueWeight: 0.85,
  match: phoneScore,
  names: [
    ...PERSON_QUALIFIERS.flatMap((q) =>
      PHONE_WORDS.flatMap((w): NameSignal[] => [
        { pattern: `${q} ${w}`, weight: 0.9 },
        { pattern: `${w} ${q}`, weight: 0.9 },
      ]),
    ),
    ...MOBILE_WORDS.map((pattern): NameSignal => ({ pattern, weight: 0.85 })),
    ...NOT_A_PHONE,
  ],
};

/** `5467`, `x123`, `ext. 12`, `-112` (the digits after a switchboard number), `#22` */
const EXTENSION_VALUE = /^(?:(?:x|ext|extn|lokal|durchwahl)\.?\s?|[-#])?\d{1,6}$/i;

/**
 * Phone extensions (`5467`, `x123`, `-16`): a few digits that mean nothing without the field name.
 * Labelled `phone` (an extension reaches a person's desk).
 */
export const phoneExtension: Detector = {
  id: 'phone-extension',
  category: 'phone',
  description: 'phone extensions',
  requiresName: true,
  valueWeight: 0.1,
  // Some rows hold the whole direct-dial number (`+49 40 063238-16`) instead of the extension.
  match: (value, ctx) => (value.length <= 16 && EXTENSION_VALUE.test(value.trim())) || phoneScore(value, ctx) >= 0.5,
  names: [
    { pattern: 'extension', weight: 0.9, lang: 'en', when: 'person-context' },
    { pattern: 'ext', weight: 0.8, lang: 'en', when: 'person-context' },
    { pattern: 'phone ext', weight: 0.95, lang: 'en' },
    { pattern: 'phone extension', weight: 0.95, lang: 'en' },
    { pattern: 'tel ext', weight: 0.95, lang: 'en' },
    { pattern: 'lokalnummer', weight: 0.9, lang: 'da' },
    { pattern: 'lokal', weight: 0.7, lang: 'da', when: 'person-context' },
    { pattern: 'durchwahl', weight: 0.95, lang: 'de' },
    { pattern: 'nebenstelle', weight: 0.9, lang: 'de' },
    { pattern: 'anknytning', weight: 0.9, lang: 'sv' },
    { pattern: 'toestel', weight: 0.8, lang: 'nl', when: 'person-context' },
    { pattern: 'interno', weight: 0.6, lang: 'es', when: 'person-context' },
    { pattern: 'anexo', weight: 0.6, lang: 'es', when: 'person-context' },
    { pattern: 'file', weight: -0.95 },
    { pattern: 'mime', weight: -0.95 },
    { pattern: 'type', weight: -0.9 },
    { pattern: 'date', weight: -0.95 },
    { pattern: 'contract', weight: -0.9 },
    { pattern: 'deadline', weight: -0.95 },
  ],
};
