import type { Detector, NameSignal } from '../../src/types.js';

/**
 * Passwords, told apart by how they are stored: `password` (plaintext, or anything that is not
 * a recognised hash) and `password-hash` (bcrypt, argon2, scrypt, PBKDF2, sha-crypt, bare hex or
 * base64 digests). Both report the category `password`; the detector id in the verdict says which.
 */

export type HashKind =
  | 'bcrypt'
  | 'argon2'
  | 'scrypt'
  | 'pbkdf2'
  | 'sha-crypt'
  | 'md5-crypt'
  | 'django'
  | 'phpass'
  | 'ldap'
  | 'mysql'
  | 'hex-digest'
  | 'base64-digest';

/** Modular crypt formats, recognised by their prefix and checked for shape. */
const BCRYPT = /^\$2[abxy]?\$\d{2}\$[./A-Za-z0-9]{53}$/;
const ARGON2 = /^\$argon2(?:id|i|d)\$(?:v=\d+\$)?m=\d+,t=\d+,p=\d+(?:,[^$]{1,64})?\$[A-Za-z0-9+/=]{8,}\$[A-Za-z0-9+/=]{16,}$/;
const SHA_CRYPT = /^\$[56]\$(?:rounds=\d{1,9}\$)?[./A-Za-z0-9]{1,16}\$[./A-Za-z0-9]{43,86}$/;
const MD5_CRYPT = /^\$(?:1|apr1)\$[./A-Za-z0-9]{1,8}\$[./A-Za-z0-9]{22}$/;
const YESCRYPT = /^\$(?:y|gy|7)\$[./A-Za-z0-9$]{20,200}$/;
const SCRYPT = /^(?:\$scrypt\$|scrypt[:$])\S{20,300}$/i;
/** Django and Werkzeug: `pbkdf2_sha256$600000$salt$hash`, `pbkdf2:sha256:260000$salt$hash`, `argon2$argon2id$…`, `bcrypt_sha256$…` */
const FRAMEWORK = /^(?:pbkdf2_sha(?:1|256|512)\$\d+\$|pbkdf2:sha(?:1|256|512)(?::\d+)?\$|\$pbkdf2(?:-sha(?:1|256|512))?\$\d+\$|argon2\$argon2|bcrypt(?:_sha256)?\$\$?2|sha1\$|md5\$|scrypt\$)\S{10,300}$/i;
/** phpBB/WordPress portable hashes. */
const PHPASS = /^\$[PH]\$[./A-Za-z0-9]{31}$/;
/** LDAP `{SSHA}…`, `{SHA256}…`, `{CRYPT}$6$…` */
const LDAP = /^\{(?:SSHA|SHA|SMD5|MD5|SHA256|SSHA256|SHA512|SSHA512|CRYPT|PBKDF2(?:-SHA\d{1,3})?|ARGON2)\}\S{8,300}$/i;
/** MySQL 4.1+ `PASSWORD()`: `*` and 40 hex. */
const MYSQL = /^\*[0-9A-F]{40}$/i;
/** Bare hex of MD5/NTLM (32), SHA-1 (40), SHA-224 (56), SHA-256 (64), SHA-384 (96), SHA-512 (128), optionally `salt:hash` or `hash:salt`. */
const HEX_DIGEST = /^(?:[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{56}|[0-9a-f]{64}|[0-9a-f]{96}|[0-9a-f]{128})$/i;
const SALTED_HEX = /^(?:[^\s:$]{1,64}[:$])?[0-9a-f]{32,128}(?:[:$][^\s:$]{1,64})?$/i;
/** Standard base64 of 16, 20, 32, 48 or 64 bytes (24, 28, 44, 64, 88 characters). */
const BASE64_DIGEST = /^(?:[A-Z0-9+/]{22}==|[A-Z0-9+/]{27}=|[A-Z0-9+/]{43}=|[A-Z0-9+/]{64}|[A-Z0-9+/]{86}==)$/i;

/** Which hash format a stored value is in, or undefined for plaintext (or anything else). */
export function hashKind(value: string): HashKind | undefined {
  const n = value.length;
  if (n < 22 || n > 400) return undefined;
  const c = value.charCodeAt(0);
  if (c === 36 /* $ */) {
    if (BCRYPT.test(value)) return 'bcrypt';
    if (value.startsWith('$argon2')) return ARGON2.test(value) ? 'argon2' : undefined;
    if (SHA_CRYPT.test(value)) return 'sha-crypt';
    if (MD5_CRYPT.test(value)) return 'md5-crypt';
    if (YESCRYPT.test(value)) return 'sha-crypt';
    if (PHPASS.test(value)) return 'phpass';
    if (SCRYPT.test(value)) return 'scrypt';
    if (FRAMEWORK.test(value)) return 'pbkdf2';
    return undefined;
  }
  if (c === 123 /* { */) return LDAP.test(value) ? 'ldap' : undefined;
  if (c === 42 /* * */) return MYSQL.test(value) ? 'mysql' : undefined;
  if (SCRYPT.test(value)) return 'scrypt';
  if (FRAMEWORK.test(value)) return value.startsWith('pbkdf2') ? 'pbkdf2' : 'django';
  if (HEX_DIGEST.test(value)) return 'hex-digest';
  if (n <= 200 && SALTED_HEX.test(value) && /[0-9a-f]{32}/i.test(value) && isSaltedDigest(value)) return 'hex-digest';
  if (BASE64_DIGEST.test(value) && looksRandom(value)) return 'base64-digest';
  return undefined;
}

/** `salt:hash` or `hash:salt` where the hex part has a digest length. */
function isSaltedDigest(value: string): boolean {
  return value.split(/[:$]/).some((part) => HEX_DIGEST.test(part));
}

/** A base64 digest mixes cases and digits; a long word or a sentence does not. */
function looksRandom(value: string): boolean {
  return /[A-Z]/.test(value) && /[a-z]/.test(value) && /\d/.test(value);
}

/** Any recognised hash format; the detector needs a password word in the name as well. */
export function hashScore(value: string): number {
  return hashKind(value) === undefined ? 0 : 1;
}

const BOOLEAN_OR_FLAG = /^(?:true|false|yes|no|[yntf01]|on|off|null|none|n\/a)$/i;
const DATE_LIKE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d{1,9})?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * A plaintext password: any short value that is not a hash, a flag or a date. Almost anything
 * passes, so the detector reports only with a name hint.
 */
export function plaintextPasswordScore(value: string): number {
  if (value.length < 3 || value.length > 128) return 0;
  if (BOOLEAN_OR_FLAG.test(value) || DATE_LIKE.test(value)) return 0;
  if (hashKind(value) !== undefined) return 0;
  // A sentence is not a password (passphrases aside): spaces between many words.
  if (value.length > 40 && value.split(' ').length > 5) return 0;
  return 1;
}

/** Words for a password, and the facts about one that are not a password. */
const PASSWORD_NAMES: readonly NameSignal[] = [
  { pattern: 'password', weight: 0.95, lang: 'en' },
  { pattern: '*password', weight: 0.9, lang: 'en' },
  { pattern: 'password*', weight: 0.9, lang: 'en' },
  { pattern: 'passwd', weight: 0.95, lang: 'en' },
  { pattern: 'pwd', weight: 0.9, lang: 'en' },
  { pattern: 'pw', weight: 0.7, lang: 'en', when: 'person-context' },
  { pattern: 'pass', weight: 0.75, lang: 'en', when: 'person-context' },
  { pattern: 'passphrase', weight: 0.95, lang: 'en' },
  { pattern: 'passcode', weight: 0.9, lang: 'en' },
  { pattern: 'pin code', weight: 0.7, lang: 'en', when: 'person-context' },
  { pattern: 'pin', weight: 0.6, lang: 'en', when: 'person-context' },
  { pattern: 'secret', weight: 0.6, lang: 'en', when: 'person-context' },
  { pattern: 'credential*', weight: 0.7, lang: 'en', when: 'person-context' },
  { pattern: 'pw hash', weight: 0.95, lang: 'en' },
  { pattern: 'pwhash', weight: 0.95, lang: 'en' },
  { pattern: 'pass hash', weight: 0.95, lang: 'en' },
  { pattern: 'adgangskode', weight: 0.95, lang: 'da' },
  { pattern: '*adgangskode', weight: 0.9, lang: 'da' },
  { pattern: 'kodeord', weight: 0.95, lang: 'da' },
  { pattern: 'passord', weight: 0.95, lang: 'no' },
  { pattern: 'losenord', weight: 0.95, lang: 'sv' },
  { pattern: 'passwort', weight: 0.95, lang: 'de' },
  { pattern: '*passwort', weight: 0.9, lang: 'de' },
  { pattern: 'kennwort', weight: 0.95, lang: 'de' },
  { pattern: 'wachtwoord', weight: 0.95, lang: 'nl' },
  { pattern: 'mot de passe', weight: 0.95, lang: 'fr' },
  { pattern: 'mdp', weight: 0.8, lang: 'fr', when: 'person-context' },
  { pattern: 'contrasena', weight: 0.95, lang: 'es' },
  { pattern: 'clave', weight: 0.7, lang: 'es', when: 'person-context' },
  { pattern: 'senha', weight: 0.95, lang: 'pt' },
  // Facts about a password: when it changed, whether it must, how long it is, a reset token.
  { pattern: 'changed', weight: -0.95 },
  { pattern: 'change', weight: -0.9 },
  { pattern: 'reset', weight: -0.9 },
  { pattern: 'expires', weight: -0.95 },
  { pattern: 'expiry', weight: -0.95 },
  { pattern: 'expir*', weight: -0.95 },
  { pattern: 'updated', weight: -0.95 },
  { pattern: 'set at', weight: -0.95 },
  { pattern: 'date', weight: -0.95 },
  { pattern: 'at', weight: -0.8 },
  { pattern: 'last', weight: -0.8 },
  { pattern: 'policy', weight: -0.95 },
  { pattern: 'length', weight: -0.95 },
  { pattern: 'strength', weight: -0.95 },
  { pattern: 'required', weight: -0.95 },
  { pattern: 'enabled', weight: -0.95 },
  { pattern: 'hint', weight: -0.8 },
  { pattern: 'salt', weight: -0.8 },
  { pattern: 'algorithm', weight: -0.95 },
  { pattern: 'algo', weight: -0.95 },
  { pattern: 'format', weight: -0.95 },
  { pattern: 'version', weight: -0.95 },
  { pattern: 'token', weight: -0.7 },
  { pattern: 'attempts', weight: -0.95 },
  { pattern: 'count', weight: -0.95 },
  // Run-together names (`passwordsalt`, `passwordhint`, `pwdchangedate`) as some ports of sample databases write them.
  { pattern: '*salt', weight: -0.8 },
  { pattern: '*hint', weight: -0.8 },
  { pattern: '*date', weight: -0.95 },
  { pattern: '*changed', weight: -0.95 },
  { pattern: '*expires', weight: -0.95 },
  { pattern: '*length', weight: -0.95 },
  { pattern: '*policy', weight: -0.95 },
  { pattern: 'boarding pass', weight: -0.95 },
  { pattern: 'pass rate', weight: -0.95 },
  { pattern: 'pass fail', weight: -0.95 },
  { pattern: 'passed', weight: -0.95 },
];

/** Names that say "a digest of a password": they make the hash detector confident. */
const HASH_NAMES: readonly NameSignal[] = [
  { pattern: 'password hash', weight: 0.95, lang: 'en' },
  { pattern: 'hashed password', weight: 0.95, lang: 'en' },
  { pattern: 'password digest', weight: 0.95, lang: 'en' },
  { pattern: 'encrypted password', weight: 0.95, lang: 'en' },
  { pattern: 'crypted password', weight: 0.95, lang: 'en' },
];

export const password: Detector = {
  id: 'password',
  category: 'password',
  description: 'plaintext passwords',
  requiresName: true,
  valueWeight: 0.3,
  match: plaintextPasswordScore,
  // A password stored as bytes (`varbinary`) is a hash or a cipher, never plaintext: binaries
  // count against this detector, so the hash detector reports such a column.
  matchBinary: () => false,
  names: PASSWORD_NAMES,
};

export const passwordHash: Detector = {
  id: 'password-hash',
  category: 'password',
  description: 'password hashes',
  // A digest is a password's only with a password word in the name: checksums, ETags, commit ids
  // and API-token digests look the same.
  requiresName: true,
  valueWeight: 0.9,
  match: hashScore,
  // Bytes under a password name (`HashedPassword varbinary`) are a digest or a cipher.
  matchBinary: (head) => head.length > 0,
  names: [...HASH_NAMES, ...PASSWORD_NAMES],
};
