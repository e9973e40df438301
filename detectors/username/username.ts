import type { Detector } from '../../src/types.js';

/** A login token: letters, digits and `._-`, 2–64 characters, optionally a leading `@` or a domain prefix. */
const TOKEN = /^@?(?:[a-z0-9][\w.-]{0,30}\\)?[\p{L}\p{N}][\p{L}\p{N}._-]{1,63}$/iu;
const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const HEX = /^[0-9a-f]{16,}$/i;
const DATE_LIKE = /^\d{1,4}[-./]\d{1,2}[-./]\d{1,4}$/;
const LETTER = /\p{L}/u;
/** Placeholder values that fill empty login columns. */
const PLACEHOLDERS = new Set(['null', 'none', 'n/a', 'na', 'nil', 'undefined', 'true', 'false', 'yes', 'no', 'unknown', 'anonymous', 'guest']);

/**
 * Value evidence for a user name: a short token without spaces that has a letter in it.
 * Numbers, UUIDs, hex keys, dates and e-mail addresses (those are `email`) are not user names.
 * Such tokens are common (codes, slugs, SKUs), so only a name hint makes this a finding.
 */
export function usernameScore(value: string): number {
  if (value.length < 2 || value.length > 96) return 0;
  if (value.includes('@', 1)) return 0;
  if (!TOKEN.test(value)) return 0;
  if (!LETTER.test(value) || UUID.test(value) || HEX.test(value) || DATE_LIKE.test(value)) return 0;
  if (PLACEHOLDERS.has(value.toLowerCase())) return 0;
  return 1;
}

export const username: Detector = {
  id: 'username',
  category: 'username',
  description: 'user names and login ids',
  requiresName: true,
  valueWeight: 0.3,
  match: usernameScore,
  names: [
    { pattern: 'username', weight: 0.95, lang: 'en' },
    { pattern: 'user name', weight: 0.95, lang: 'en' },
    { pattern: '*username', weight: 0.9, lang: 'en' },
    { pattern: 'uname', weight: 0.8, lang: 'en' },
    { pattern: 'usr', weight: 0.6, lang: 'en', when: 'person-context' },
    { pattern: 'user', weight: 0.6, lang: 'en', when: 'person-context' },
    { pattern: 'user login', weight: 0.9, lang: 'en' },
    { pattern: 'login', weight: 0.85, lang: 'en' },
    { pattern: 'login*', weight: 0.8, lang: 'en' },
    { pattern: 'logon*', weight: 0.8, lang: 'en' },
    { pattern: 'login id', weight: 0.9, lang: 'en' },
    { pattern: 'login name', weight: 0.95, lang: 'en' },
    { pattern: 'logon', weight: 0.85, lang: 'en' },
    { pattern: 'logon name', weight: 0.95, lang: 'en' },
    { pattern: 'signin', weight: 0.8, lang: 'en' },
    { pattern: 'account name', weight: 0.8, lang: 'en', when: 'person-context' },
    { pattern: 'sam account name', weight: 0.95, lang: 'en' },
    { pattern: 'userid', weight: 0.6, lang: 'en', when: 'person-context' },
    { pattern: 'user id', weight: 0.6, lang: 'en', when: 'person-context' },
    { pattern: 'handle', weight: 0.8, lang: 'en', when: 'person-context' },
    { pattern: 'screen name', weight: 0.95, lang: 'en' },
    { pattern: 'screenname', weight: 0.95, lang: 'en' },
    { pattern: 'nickname', weight: 0.9, lang: 'en' },
    { pattern: 'nick', weight: 0.8, lang: 'en', when: 'person-context' },
    { pattern: 'display name', weight: 0.6, lang: 'en', when: 'person-context' },
    { pattern: 'alias', weight: 0.6, lang: 'en', when: 'person-context' },
    { pattern: 'twitter', weight: 0.8, when: 'person-context' },
    { pattern: 'instagram', weight: 0.8, when: 'person-context' },
    { pattern: 'github', weight: 0.8, when: 'person-context' },
    { pattern: 'skype', weight: 0.8, when: 'person-context' },
    // da, no, sv, de, nl, fr, es
    { pattern: 'brugernavn', weight: 0.95, lang: 'da' },
    { pattern: 'bruger id', weight: 0.7, lang: 'da', when: 'person-context' },
    { pattern: 'brukernavn', weight: 0.95, lang: 'no' },
    { pattern: 'anvandarnamn', weight: 0.95, lang: 'sv' },
    { pattern: 'benutzername', weight: 0.95, lang: 'de' },
    { pattern: 'benutzerkennung', weight: 0.9, lang: 'de' },
    { pattern: 'anmeldename', weight: 0.9, lang: 'de' },
    { pattern: 'gebruikersnaam', weight: 0.95, lang: 'nl' },
    { pattern: 'nom d utilisateur', weight: 0.95, lang: 'fr' },
    { pattern: 'nom utilisateur', weight: 0.95, lang: 'fr' },
    { pattern: 'identifiant', weight: 0.7, lang: 'fr', when: 'person-context' },
    { pattern: 'pseudo', weight: 0.85, lang: 'fr' },
    { pattern: 'usuario', weight: 0.8, lang: 'es' },
    { pattern: 'nombre de usuario', weight: 0.95, lang: 'es' },
    { pattern: 'nombre usuario', weight: 0.95, lang: 'es' },
    // Facts about a login are not the login.
    { pattern: 'last login', weight: -0.95 },
    { pattern: 'login at', weight: -0.95 },
    { pattern: 'login date', weight: -0.95 },
    { pattern: 'login time', weight: -0.95 },
    { pattern: 'login count', weight: -0.95 },
    { pattern: 'logins', weight: -0.9 },
    { pattern: 'login attempts', weight: -0.95 },
    { pattern: 'failed', weight: -0.9 },
    { pattern: 'attempts', weight: -0.9 },
    { pattern: 'type', weight: -0.9 },
    { pattern: 'agent', weight: -0.9 },
    { pattern: 'role', weight: -0.9 },
    { pattern: 'group', weight: -0.8 },
    { pattern: 'count', weight: -0.9 },
    { pattern: 'enabled', weight: -0.9 },
    { pattern: 'created', weight: -0.8 },
    { pattern: 'updated', weight: -0.8 },
    { pattern: 'modified', weight: -0.8 },
    { pattern: 'by', weight: -0.5 },
    { pattern: 'password', weight: -0.95 },
    { pattern: 'email', weight: -0.9 },
    // How, where and when someone logs in, and the login's state, are not the login itself.
    { pattern: 'method', weight: -0.9 },
    { pattern: 'login provider', weight: -0.9 },
    { pattern: 'auth provider', weight: -0.9 },
    { pattern: 'status', weight: -0.9 },
    { pattern: 'state', weight: -0.9 },
    { pattern: 'source', weight: -0.8 },
    { pattern: 'mode', weight: -0.9 },
    { pattern: 'ip', weight: -0.9 },
    { pattern: 'url', weight: -0.9 },
    { pattern: 'page', weight: -0.9 },
    { pattern: 'result', weight: -0.9 },
    { pattern: 'success*', weight: -0.9 },
    { pattern: 'flag', weight: -0.9 },
    { pattern: 'token', weight: -0.9 },
    { pattern: 'session', weight: -0.8 },
    { pattern: 'at', weight: -0.8 },
    { pattern: 'date', weight: -0.9 },
    { pattern: 'time', weight: -0.9 },
    { pattern: 'timestamp', weight: -0.9 },
  ],
};
