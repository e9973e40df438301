import validator from 'validator';
import type { Detector } from '../../src/types.js';
import { usernameScore } from '../username/username.js';

/** Quick gate before validator's full check: one `@`, a dot after it, no spaces. */
const SHAPE = /^[^\s@]{1,64}@[^\s@]{1,255}\.[a-z]{2,63}$/i;

/** A mailbox name without its domain (`SKING` in Oracle's HR schema, where the domain is implied). */
const LOCAL_PART = /^[a-z][\w.+-]{1,63}$/i;

/**
 * 1 for an e-mail address; 0.4 for what can only be the local part of one: a column called
 * `email` that holds `SKING` still holds e-mail addresses, with the domain left out.
 */
export function emailScore(value: string): number {
  if (value.length > 320) return 0;
  if (value.includes('@')) return SHAPE.test(value) && validator.isEmail(value, { allow_utf8_local_part: true, require_tld: true }) ? 1 : 0;
  return LOCAL_PART.test(value) && usernameScore(value) > 0 ? 0.4 : 0;
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
  ],
};
