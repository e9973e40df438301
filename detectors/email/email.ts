import validator from 'validator';
import type { Detector } from '../../src/types.js';

/** Quick gate before validator's full check: one `@`, a dot after it, no spaces. */
const SHAPE = /^[^\s@]{1,64}@[^\s@]{1,255}\.[a-z]{2,63}$/i;

export const email: Detector = {
  id: 'email',
  category: 'email',
  description: 'e-mail addresses',
  valueWeight: 0.97,
  match: (value) => value.length <= 320 && SHAPE.test(value) && validator.isEmail(value, { allow_utf8_local_part: true, require_tld: true }),
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
