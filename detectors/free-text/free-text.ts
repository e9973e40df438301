import validator from 'validator';
import type { Detector, MatchContext, NameSignal } from '../../src/types.js';
import { foldName, gazetteer } from '../_shared/names/gazetteer.js';
import { nationalIdScore } from '../national-id/national-id.js';
import { ipScore, leadingIpScore } from '../ip-address/ip-address.js';
import { phoneScore } from '../phone/phone.js';

/**
 * Free text (notes, comments, messages, log lines) that carries personal data. The text is
 * scanned once, left to right: every `@` is checked as the middle of an e-mail address, every
 * run of digits and phone punctuation as a phone number, IP address or national id, and the
 * words for salutations (`Dear Anna`), contact labels (`Kontakt: Jens Hansen`), pronouns,
 * given names, words about a person's life and `user=jdoe` pairs. Every character is looked at a
 * bounded number of times.
 */

export interface TextFindings {
  readonly prose: boolean;
  readonly email: boolean;
  readonly phone: boolean;
  /** A public IP address: a client, a visitor. */
  readonly ip: boolean;
  /** A private, loopback or shared address (`10.0.8.12:5432`): more often a server than a person. */
  readonly internalIp: boolean;
  readonly nationalId: boolean;
  readonly userKey: boolean;
  readonly salutation: boolean;
  /** Third-person pronouns: text about a person rather than a thing. */
  readonly pronoun: boolean;
  /** First-person words (`I`, `my`, `jeg`, `ich`, `mijn`): someone writing about themselves. */
  readonly firstPerson: boolean;
  /** Words about a person's life: family, health, leave, diet, preferences (`wife`, `barsel`, `allergisch`). */
  readonly lifeWord: boolean;
  /** A capitalised given name that is not also a common word (`Lone` is, `Agnes` is not). */
  readonly givenName: boolean;
  /** A user-agent string or another machine-written token line, not text someone wrote. */
  readonly machine: boolean;
}

const MIN_TEXT = 12;
const MAX_SCAN = 4000;
const LOCAL_CHAR = /[\w.%+'-]/;
const DOMAIN_CHAR = /[\w.-]/;
const RUN_CHAR = /[\d +()./-]/;
const DIGIT = /\d/;
const EMAIL_SHAPE = /^[^\s@]{1,64}@[^\s@]{1,255}\.[a-z]{2,63}$/i;
const CAPITALISED = /^\p{Lu}\p{Ll}/u;
const USER_KEY = /^(?:user(?:name)?|usr|login|uid|account|brugernavn|benutzer|anvandare|gebruiker)[=:]\S+/i;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Words after which a person's name follows: `Dear Anna`, `Kære Jens`, `Kontakt: Jens Hansen`. */
const SALUTATIONS = new Set([
  'dear', 'hi', 'hello', 'hey', 'attn', 'att', 'attention', 'contact', 'mr', 'mrs', 'ms', 'miss', 'dr', 'sir', 'madam',
  'kaere', 'kære', 'hej', 'hejsa', 'kontakt', 'kontaktperson', 'hr', 'fru', 'frk',
  'hallo', 'liebe', 'lieber', 'herr', 'frau', 'geehrte', 'geehrter', 'ansprechpartner',
  'hej', 'baste', 'bäste', 'kara', 'kära', 'herr',
  'beste', 'geachte', 'dhr', 'mevr', 'mevrouw', 'meneer',
  'cher', 'chere', 'chère', 'bonjour', 'monsieur', 'mme', 'mlle',
  'estimado', 'estimada', 'hola', 'sr', 'sra', 'srta', 'señor', 'señora', 'doña',
]);

/** Third-person pronouns: text about a person rather than a thing. */
const PRONOUNS = new Set([
  'he', 'she', 'him', 'his', 'her', 'hers', 'himself', 'herself',
  'han', 'hun', 'hans', 'hendes', 'ham', 'hon', 'henne', 'hennes', 'hende', 'hon',
  'hij', 'zij', 'haar', 'hem',
  'elle', 'lui',
  'él', 'ella',
]);

/**
 * First-person words, lower-cased but not folded: reviews, bios and comments written by the
 * person. Words that are also common abbreviations (`min`, `mon`, `mi`, `ma`) or other words
 * (`mit` is German "with", `im` "in the", `vara` Swedish "to be") are left out.
 */
const FIRST_PERSON = new Set([
  'i', "i'm", "i've", "i'd", "i'll", 'me', 'my', 'mine', 'myself', 'we', "we're", 'our', 'ours',
  'jeg', 'mig', 'meg', 'mitt', 'vores', 'vår', 'vårt',
  'jag',
  'ich', 'mich', 'mir', 'mein', 'meine', 'meinen', 'meinem', 'meiner', 'wir', 'uns', 'unser', 'unsere',
  'ik', 'mij', 'mijn', 'wij', 'onze',
  'je', "j'ai", 'moi', 'nous', 'notre',
  'yo', 'nosotros', 'nuestro', 'nuestra',
]);

/**
 * Words about a person's life, folded (`foldName`: `søn` → `son`, `ønsker` → `onsker`): family,
 * health and absence, diet, life events and preferences. English look-alikes are left out
 * (`make` is Swedish "spouse", `kind` German "child"). Notes about a person are often terse and name no one
 * (`Sygemeldt i 14 dage.`, `Wife works at a competitor.`, `Vegetarian.`): these words are
 * what shows they are about someone.
 */
const LIFE_WORDS = new Set([
  // en
  'wife', 'husband', 'spouse', 'fiance', 'fiancee', 'girlfriend', 'boyfriend', 'daughter', 'daughters', 'son', 'sons',
  'child', 'children', 'kids', 'baby', 'family', 'mother', 'father', 'mum', 'mom', 'dad', 'parents', 'grandchildren',
  'married', 'widow', 'widowed', 'sick', 'ill', 'illness', 'surgery', 'hospital', 'diabetic', 'vegetarian', 'vegan',
  'birthday', 'funeral', 'honeymoon', 'wedding', 'prefers', 'preference', 'likes', 'dislikes', 'keen', 'hobby', 'hobbies',
  'voicemail', 'spoke', 'phoned', 'asked', 'requested', 'wants', 'wishes', 'retired', 'retiring', 'resigned',
  'resigning', 'leave', 'absence', 'absent', 'lateness', 'disciplinary', 'reprimand', 'appraisal', 'probation',
  'dismissed',
  // da, no
  'gift', 'skilt', 'kone', 'mand', 'hustru', 'kaereste', 'kjaereste', 'datter', 'sonn', 'born', 'barn',
  'barnebarn', 'barsel', 'orlov', 'permisjon', 'syg', 'syk', 'allergi', 'onsker', 'foretraekker', 'foretrekker',
  'fodselsdag', 'bursdag', 'fratraeder', 'fratreder', 'opsagt', 'oppsagt', 'pensioneret', 'pensjonert', 'ferie', 'sommerferie',
  'advarsel', 'fravaer', 'anmodet', 'onsket',
  // sv
  'maka', 'sambo', 'dotter', 'foraldraledig', 'sjuk', 'sjukskriven', 'foredrar', 'onskar', 'fodelsedag', 'varning',
  'franvaro', 'begart',
  // de
  'verheiratet', 'geschieden', 'ehefrau', 'ehemann', 'tochter', 'sohn', 'kinder', 'elternzeit', 'mutterschutz',
  'krank', 'bevorzugt', 'mochte', 'wunscht', 'geburtstag', 'urlaub', 'abmahnung', 'fehlzeiten', 'beantragt', 'gewunscht',
  // nl
  'getrouwd', 'echtgenote', 'echtgenoot', 'dochter', 'zoon', 'kinderen', 'zwanger', 'ziek', 'verjaardag', 'voorkeur', 'verlof',
  'waarschuwing', 'verzuim', 'aangevraagd',
  // fr
  'marie', 'mariee', 'epouse', 'epoux', 'mari', 'fille', 'fils', 'enfants', 'enceinte', 'conge', 'malade', 'prefere',
  'anniversaire', 'avertissement', 'absence', 'demande',
  // es
  'casado', 'casada', 'esposa', 'esposo', 'marido', 'hija', 'hijo', 'hijos', 'embarazada', 'enfermo', 'enferma',
  'prefiere', 'cumpleanos', 'amonestacion', 'ausencia', 'solicito',
]);
/** Beginnings of words about a person's life (`sygemeldt`, `allergisch`, `interessiert`, `maternity`). */
const LIFE_STEMS = new Set([
  'sick', 'syge', 'syke', 'sjuk', 'krank', 'ziek', 'allerg', 'alerg', 'pregnan', 'matern', 'patern', 'parental', 'foraldra',
  'foraeldre', 'foreldre', 'ouders', 'divorc', 'vegetar', 'vegan', 'interess', 'intress', 'interest', 'interes',
  'fratraed', 'pension', 'barsel',
]);
const MIN_STEM = 4;
const MAX_STEM = 9;

/**
 * Machine-written tokens: user agents (`Mozilla/5.0 (X11; Linux x86_64) …`, `curl/8.5.0`),
 * `product/version` lines. Such values are never notes about someone.
 */
const USER_AGENT = /^(?:Mozilla\/\d|[\w.-]{2,40}\/v?\d[\w.-]{0,20}(?:\s\(|\s[\w.-]{2,40}\/\d|$))/;

/** Scans a text value once; undefined for values that are not free text. */
export function scanText(value: string, ctx: MatchContext): TextFindings | undefined {
  if (value.length < MIN_TEXT || !value.includes(' ')) return undefined;
  const text = value.length > MAX_SCAN ? value.slice(0, MAX_SCAN) : value;
  const words = text.split(/\s+/);
  // Notes are often terse (`Barsel til 2027-05-24.`, `Prefers English.`): two words are prose.
  const prose = words.filter((w) => w.length > 0).length >= 2;
  let email = false;
  let phone = false;
  let ip = false;
  let internalIp = false;
  let nationalId = false;

  // E-mail addresses: expand around each `@`; the expansions stop at the next `@`, so each
  // character is read at most twice.
  for (let at = text.indexOf('@'); at >= 0 && !email; at = text.indexOf('@', at + 1)) {
    let s = at;
    while (s > 0 && at - s < 64 && LOCAL_CHAR.test(text[s - 1] ?? '')) s--;
    let e = at + 1;
    while (e < text.length && e - at < 256 && DOMAIN_CHAR.test(text[e] ?? '')) e++;
    const candidate = trimEnd(text.slice(s, e), '.');
    if (EMAIL_SHAPE.test(candidate) && validator.isEmail(candidate)) email = true;
  }

  // Runs of digits and phone punctuation: each character belongs to one run.
  for (let i = 0; i < text.length && !(phone && ip && nationalId); ) {
    if (!RUN_CHAR.test(text[i] ?? '')) {
      i++;
      continue;
    }
    const start = i;
    let digits = 0;
    while (i < text.length && RUN_CHAR.test(text[i] ?? '')) {
      if (DIGIT.test(text[i] ?? '')) digits++;
      i++;
    }
    if (digits < 6 || i - start > 40) continue;
    const run = trimStart(trimEnd(text.slice(start, i).trim(), '.(- '), '.-');
    if (!ip && ipScore(run) >= 1) {
      if (isInternalIp(run)) internalIp = true;
      else ip = true;
    } else if (!nationalId && nationalIdScore(run) >= 0.85) nationalId = true;
    else if (!phone && digits >= 8 && isWrittenPhone(run, ctx)) phone = true;
  }

  let userKey = false;
  let salutation = false;
  let pronoun = false;
  let firstPerson = false;
  let lifeWord = false;
  let givenName = false;
  for (let w = 0; w < words.length; w++) {
    const raw = words[w] ?? '';
    if (raw.length > 64) continue;
    if (!userKey && raw.length > 4 && USER_KEY.test(raw)) userKey = true;
    const bare = trimPunctuation(raw);
    const word = bare.toLowerCase();
    if (!pronoun && PRONOUNS.has(word)) pronoun = true;
    // `I` only as a capital: a lower-case `i` is a list marker or a typo more often than a writer.
    if (!firstPerson && FIRST_PERSON.has(word) && (word !== 'i' || bare === 'I')) firstPerson = true;
    if (!salutation && SALUTATIONS.has(word)) {
      const next = trimPunctuation((words[w + 1] ?? '').slice(0, 64));
      if (CAPITALISED.test(next) && !SALUTATIONS.has(next.toLowerCase())) salutation = true;
    }
    if (word.length < 3) continue;
    const folded = foldName(word);
    if (!lifeWord && (LIFE_WORDS.has(folded) || hasLifeStem(folded))) lifeWord = true;
    if (!givenName && CAPITALISED.test(bare) && isGivenName(folded)) givenName = true;
  }
  const machine = USER_AGENT.test(text);
  return { prose, email, phone, ip, internalIp, nationalId, userKey, salutation, pronoun, firstPerson, lifeWord, givenName, machine };
}

function hasLifeStem(folded: string): boolean {
  for (let n = MIN_STEM; n <= Math.min(MAX_STEM, folded.length); n++) {
    if (LIFE_STEMS.has(folded.slice(0, n))) return true;
  }
  return false;
}

/** A given name that is not also a common word in one of the gazetteer's languages. */
function isGivenName(folded: string): boolean {
  const g = gazetteer();
  return g.first.has(folded) && !g.words.has(folded);
}

/** Private (RFC 1918), shared (100.64/10), link-local and IPv6 unique-local or link-local addresses. */
function isInternalIp(run: string): boolean {
  const v4 = /^(\d{1,3})\.(\d{1,3})\./.exec(run);
  if (v4) {
    const a = Number(v4[1]);
    const b = Number(v4[2]);
    return a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127);
  }
  const lower = run.replace(/^\[/, '').toLowerCase();
  return lower.startsWith('fc') || lower.startsWith('fd') || lower.startsWith('fe80');
}

function trimEnd(s: string, chars: string): string {
  let e = s.length;
  while (e > 0 && chars.includes(s[e - 1] ?? '')) e--;
  return s.slice(0, e);
}

function trimStart(s: string, chars: string): string {
  let b = 0;
  while (b < s.length && chars.includes(s[b] ?? '')) b++;
  return s.slice(b);
}

/** `"Anna,"` → `Anna`: strips what is not a letter or digit from both ends. */
function trimPunctuation(s: string): string {
  let b = 0;
  let e = s.length;
  while (b < e && !WORD_CHAR.test(s[b] ?? '')) b++;
  while (e > b && !WORD_CHAR.test(s[e - 1] ?? '')) e--;
  return s.slice(b, e);
}

/** A number in text is a phone when libphonenumber-js accepts it, or it is written like one (`+…`, `(…)`). */
function isWrittenPhone(run: string, ctx: MatchContext): boolean {
  const s = phoneScore(run, ctx);
  return s >= 1 || (s >= 0.5 && (run.startsWith('+') || run.startsWith('(')));
}

function hasIdentifier(f: TextFindings): boolean {
  return f.email || f.phone || f.ip || f.nationalId || f.userKey;
}

function mentionsPerson(f: TextFindings): boolean {
  return f.pronoun || f.firstPerson || f.lifeWord || f.givenName;
}

/**
 * Notes and comments in a record about a person: fully with contact details, much when the text
 * addresses, names or is about someone (pronouns, first person, a given name, family, health,
 * leave), little for other prose. A note-like field name alone is not enough: a `message` column
 * of canned log messages (`cache miss for product listing`) has the name but none of this, and
 * its values then contradict the name.
 */
export function personalTextScore(value: string, ctx: MatchContext): number {
  const f = scanText(value, ctx);
  if (!f || f.machine) return 0;
  if (hasIdentifier(f)) return 1;
  if (f.salutation) return 0.9;
  if (mentionsPerson(f)) return 0.7;
  if (f.internalIp) return 0.5;
  return f.prose ? 0.2 : 0.1;
}

/** Shorter than this, a value is an identifier itself (`+45 33 12 34 56`), not text around one. */
const MIN_IDENTIFIER_TEXT = 20;

/** Text anywhere (logs, messages): only identifiers count. */
export function identifierTextScore(value: string, ctx: MatchContext): number {
  if (value.length < MIN_IDENTIFIER_TEXT) return 0;
  const f = scanText(value, ctx);
  if (!f) return 0;
  // An access-log line starts with its client address; its other numbers are status codes, sizes
  // and versions (`200 86947` reads like a phone). Without an e-mail, id or user name in it, the
  // line is that address's (ip_address, the more specific category), not free text about someone.
  if (!f.email && !f.nationalId && !f.userKey && leadingIpScore(value) >= 1) return 0.3;
  if (hasIdentifier(f)) return 1;
  if (f.salutation) return 0.6;
  // `upstream 10.0.8.12:5432 slow`: an internal address is a server's more often than a person's.
  return f.internalIp ? 0.5 : 0;
}

/** Words for free text about a person; they only mean that in a container about people. */
const NOTE_WORDS: readonly (readonly [string, string])[] = [
  ['notes', 'en'], ['note', 'en'], ['comment', 'en'], ['comments', 'en'], ['feedback', 'en'], ['message', 'en'],
  ['messages', 'en'], ['remarks', 'en'], ['remark', 'en'], ['memo', 'en'], ['bio', 'en'], ['biography', 'en'],
  ['about', 'en'], ['about me', 'en'], ['observations', 'en'], ['additional info', 'en'], ['free text', 'en'],
  ['interests', 'en'], ['hobbies', 'en'], ['hobby', 'en'], ['interesser', 'da'], ['interessen', 'de'], ['intressen', 'sv'],
  ['interesses', 'nl'], ['centres d interet', 'fr'], ['intereses', 'es'],
  ['bemaerkning*', 'da'], ['kommentar*', 'da'], ['besked', 'da'], ['notat*', 'da'], ['noter', 'da'], ['beskrivelse', 'da'],
  ['nachricht', 'de'], ['bemerkung*', 'de'], ['notiz*', 'de'], ['anmerkung*', 'de'], ['beschreibung', 'de'],
  ['meddelande', 'sv'], ['anteckning*', 'sv'], ['beskrivning', 'sv'], ['övrigt', 'sv'],
  ['merknad*', 'no'], ['melding', 'no'],
  ['opmerking*', 'nl'], ['bericht', 'nl'], ['notitie*', 'nl'], ['omschrijving', 'nl'], ['beschrijving', 'nl'],
  ['commentaire*', 'fr'], ['remarque*', 'fr'], ['observation*', 'fr'],
  ['comentario*', 'es'], ['observaciones', 'es'], ['notas', 'es'], ['mensaje', 'es'], ['descripcion', 'es'],
];

/** Words for text fields of any kind: logs and message bodies. */
const TEXT_WORDS: readonly (readonly [string, string])[] = [
  ['line', 'en'], ['log', 'en'], ['log line', 'en'], ['log message', 'en'], ['msg', 'en'], ['text', 'en'], ['body', 'en'],
  ['content', 'en'], ['raw', 'en'], ['entry', 'en'], ['details', 'en'], ['description', 'en'], ['subject', 'en'],
];

/** Fields named like free text that are parts of something else. */
const NOT_FREE_TEXT: readonly NameSignal[] = [
  { pattern: 'address', weight: -0.95 },
  { pattern: 'addr', weight: -0.95 },
  { pattern: 'adresse', weight: -0.95 },
  { pattern: 'street', weight: -0.95 },
  { pattern: 'order', weight: -0.6 },
  { pattern: 'invoice', weight: -0.6 },
  { pattern: 'item', weight: -0.8 },
  { pattern: 'total', weight: -0.95 },
  { pattern: 'number', weight: -0.9 },
  { pattern: 'no', weight: -0.9 },
  { pattern: 'nr', weight: -0.9 },
  { pattern: 'count', weight: -0.95 },
  { pattern: 'level', weight: -0.9 },
  { pattern: 'type', weight: -0.9 },
  { pattern: 'id', weight: -0.9 },
  { pattern: 'date', weight: -0.9 },
  { pattern: 'at', weight: -0.7 },
  { pattern: 'file', weight: -0.8 },
  { pattern: 'path', weight: -0.9 },
  { pattern: 'url', weight: -0.9 },
  { pattern: 'product', weight: -0.8 },
  { pattern: 'category', weight: -0.8 },
  { pattern: 'territory', weight: -0.9 },
  { pattern: 'region', weight: -0.9 },
  { pattern: 'color', weight: -0.9 },
  { pattern: 'html', weight: -0.3 },
  // Machine-written fields next to comments and messages: the commenter's browser, codes, digests.
  { pattern: 'user agent', weight: -0.95 },
  { pattern: '*useragent', weight: -0.95 },
  { pattern: 'agent string', weight: -0.95 },
  { pattern: 'comment agent', weight: -0.95 },
  { pattern: 'browser', weight: -0.9 },
  { pattern: 'code', weight: -0.9 },
  { pattern: 'hash', weight: -0.9 },
  { pattern: 'checksum', weight: -0.9 },
  { pattern: 'digest', weight: -0.9 },
  { pattern: 'token', weight: -0.9 },
  { pattern: 'status', weight: -0.8 },
];

export const freeText: Detector = {
  id: 'free-text',
  category: 'free_text_personal',
  description: 'notes and comments about a person',
  requiresName: true,
  valueWeight: 0.3,
  match: personalTextScore,
  names: [
    ...NOTE_WORDS.map(([pattern, lang]): NameSignal => ({ pattern, weight: 0.85, lang, when: 'person-context' })),
    { pattern: 'description', weight: 0.6, lang: 'en', when: 'person-context' },
    ...NOT_FREE_TEXT,
  ],
};

export const freeTextIdentifiers: Detector = {
  id: 'free-text-identifiers',
  category: 'free_text_personal',
  description: 'free text with e-mail addresses, phone numbers, IP addresses or user names in it',
  requiresName: true,
  valueWeight: 0.7,
  match: identifierTextScore,
  names: [
    ...NOTE_WORDS.map(([pattern, lang]): NameSignal => ({ pattern, weight: 0.85, lang })),
    ...TEXT_WORDS.map(([pattern, lang]): NameSignal => ({ pattern, weight: 0.85, lang })),
    ...NOT_FREE_TEXT,
  ],
};
