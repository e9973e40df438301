import validator from 'validator';
import type { Detector } from '../../src/types.js';
import { countryIndex } from '../_shared/address/countries.js';
import { usernameScore } from '../username/username.js';

/** Quick gate before validator's full check: one `@`, a dot after it, no spaces. */
const SHAPE = /^[^\s@]{1,64}@[^\s@]{1,255}\.[a-z]{2,63}$/i;

/** A mailbox name without its domain (`SKING` in Oracle's HR schema, where the domain is implied). */
const LOCAL_PART = /^[a-z][\w.+-]{1,63}$/i;

/**
 * 1 for an e-mail address; 0.4 for what can only be the local part of one: a column called
 * `email` that holds `SKING` still holds e-mail addresses, with the domain left out. Tokens
 * that look more like codes than mailboxes get 0.1 (see `localPartCredit`).
 */
export function emailScore(value: string): number {
  if (value.length > 320) return 0;
  if (value.includes('@')) return SHAPE.test(value) && validator.isEmail(value, { allow_utf8_local_part: true, require_tld: true }) ? 1 : 0;
  return LOCAL_PART.test(value) && usernameScore(value) > 0 ? localPartCredit(value) : 0;
}

const LOG_LEVELS: ReadonlySet<string> = new Set(['trace', 'debug', 'info', 'notice', 'warn', 'warning', 'error', 'err', 'fatal', 'critical', 'crit', 'alert', 'emerg', 'severe', 'fine', 'finer', 'finest', 'verbose']);
/** Last labels of host names: `db01.internal`, `mx.example.com`. */
const HOST_SUFFIXES: ReadonlySet<string> = new Set(['com', 'net', 'org', 'io', 'info', 'biz', 'local', 'localdomain', 'internal', 'intra', 'intranet', 'lan', 'corp', 'home', 'arpa', 'cloud', 'dev', 'app', 'prod', 'test']);
/** SWIFT/BIC: bank (4 letters), country (2), location (2), optional branch (3). */
const BIC = /^[A-Z]{4}([A-Z]{2})[A-Z0-9]{2}(?:[A-Z0-9]{3})?$/;

/**
 * How much a bare token says "mailbox name". Mailbox names are mostly letters (`sking`,
 * `anna.k`, `jhansen2`); keys and codes are not: `d001`, `S10_1678` (as many digits as letters),
 * `EUR`, `DKK` (three capitals), `INFO`, `error` (log levels), `DEUTDEFF` (a BIC),
 * `web-01.prod.internal` (a host name). Those get 0.1, so a column of them stays far from a
 * verdict on values alone; an `email` column of mailbox names still gets 0.4 a value.
 */
function localPartCredit(value: string): number {
  const CODE_LIKE = 0.1;
  let letters = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c === 46) dots++;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 127) letters++;
  }
  if (digits >= letters) return CODE_LIKE;
  if (letters <= 3 && value === value.toUpperCase()) return CODE_LIKE;
  if (LOG_LEVELS.has(value.toLowerCase())) return CODE_LIKE;
  if (dots >= 2 || (dots === 1 && HOST_SUFFIXES.has(value.slice(value.lastIndexOf('.') + 1).toLowerCase()))) return CODE_LIKE;
  const bic = BIC.exec(value);
  if (bic && countryIndex().alpha2.has(bic[1] as string)) return CODE_LIKE;
  return 0.4;
}

export const email: Detector = {
  id: 'email',
  category: 'email',
  description: 'e-mail addresses',
  // An address proves itself; a column of bare local parts (0.4 each) stays below the threshold without a name.
  valueWeight: 0.97,
  match: emailScore,
  names: [
    { pattern: 'email', weight: 0.9, lang: 'en' },
    { pattern: 'e mail', weight: 0.9, lang: 'en' },
    { pattern: '*email', weight: 0.85, lang: 'en' },
    { pattern: 'email*', weight: 0.85, lang: 'en' },
    { pattern: 'mail', weight: 0.7, lang: 'en' },
    { pattern: 'mail address', weight: 0.9, lang: 'en' },
    { pattern: 'mailadresse', weight: 0.9, lang: 'da' },
    { pattern: 'mailadresse*', weight: 0.9, lang: 'de' },
    { pattern: 'epost', weight: 0.9, lang: 'no' },
    { pattern: 'e post', weight: 0.9, lang: 'sv' },
    { pattern: 'epost*', weight: 0.9, lang: 'sv' },
    { pattern: 'epostadress', weight: 0.9, lang: 'sv' },
    { pattern: 'mailadres', weight: 0.9, lang: 'nl' },
    { pattern: 'courriel', weight: 0.9, lang: 'fr' },
    { pattern: 'adresse electronique', weight: 0.9, lang: 'fr' },
    { pattern: 'adresse mail', weight: 0.9, lang: 'fr' },
    { pattern: 'correo', weight: 0.8, lang: 'es' },
    { pattern: 'correo electronico', weight: 0.9, lang: 'es' },
    { pattern: 'correo*', weight: 0.8, lang: 'es' },
    // Mail servers, mailing flags and message ids are not addresses.
    { pattern: 'mail server', weight: -0.8 },
    { pattern: 'mailing list', weight: -0.5 },
    { pattern: 'message id', weight: -0.9 },
    { pattern: 'verified', weight: -0.9 },
    { pattern: 'opt in', weight: -0.9 },
    { pattern: 'template', weight: -0.9 },
    { pattern: 'subject', weight: -0.9 },
    { pattern: 'body', weight: -0.9 },
    { pattern: 'bounced', weight: -0.9 },
    { pattern: 'type', weight: -0.9 },
    { pattern: 'confirmed', weight: -0.9 },
    { pattern: 'count', weight: -0.9 },
    // Facts about mail or a mailbox: its delivery status, provider, format, when it was sent.
    // Only words that do not also name a person whose address it is (`provider_email`, `host_email`
    // and `sent_to` hold addresses): those are written as `email provider`, `mail host`, `sent at`.
    { pattern: 'status', weight: -0.9 },
    { pattern: 'state', weight: -0.9 },
    { pattern: 'method', weight: -0.9 },
    { pattern: 'email provider', weight: -0.9 },
    { pattern: 'mail provider', weight: -0.9 },
    { pattern: 'bounce*', weight: -0.9 },
    { pattern: 'sent at', weight: -0.9 },
    { pattern: 'sent on', weight: -0.9 },
    { pattern: 'sent date', weight: -0.9 },
    { pattern: 'date sent', weight: -0.9 },
    { pattern: 'sent count', weight: -0.9 },
    { pattern: 'is sent', weight: -0.9 },
    { pattern: 'attempts', weight: -0.9 },
    { pattern: 'frequency', weight: -0.9 },
    { pattern: 'format', weight: -0.9 },
    { pattern: 'domain', weight: -0.9 },
    { pattern: 'email server', weight: -0.8 },
    { pattern: 'mail host', weight: -0.9 },
    { pattern: 'email host', weight: -0.9 },
    { pattern: 'smtp*', weight: -0.9 },
    { pattern: 'imap*', weight: -0.9 },
    { pattern: 'flag', weight: -0.9 },
    { pattern: 'at', weight: -0.8 },
    { pattern: 'date', weight: -0.9 },
    { pattern: 'time', weight: -0.9 },
    { pattern: 'timestamp', weight: -0.9 },
  ],
};
