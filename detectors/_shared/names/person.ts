import { foldName, gazetteer, type Gazetteer } from './gazetteer.js';

/**
 * Value scores for people's names, shared by the person-name, first-name, last-name and company
 * detectors. Every function runs in time linear in the value (a split, then a few Set lookups per
 * token) and gives up early on long or odd values.
 *
 * The idea: a person's name is a known given name followed by a known surname, with room for
 * initials, particles and names the lists do not know; a band, album or product title is made of
 * ordinary words (`Iron Maiden`, `Master of Puppets`, `Chef Anton's Cajun Seasoning`).
 */

/** Lower-case name particles: `Ludwig van Beethoven`, `Isabel de Castro`, `Ursula von der Leyen`. */
const PARTICLES = new Set([
  'van', 'von', 'der', 'den', 'de', 'del', 'della', 'dei', 'di', 'da', 'das', 'dos', 'do', 'du', 'la', 'le', 'ter',
  'ten', 'te', 'zu', 'zur', 'af', 'bin', 'ibn', 'bint', 'al', 'el', 'st', 'st.', 'y', 'e', 'des', 'vom', 'ap',
]);
/** Courtesy titles before a name; stripped, they say nothing about the name itself. */
const PREFIXES = new Set([
  'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'dame', 'lord', 'lady', 'herr', 'frau', 'hr', 'fru', 'frk',
  'fr', 'm', 'mme', 'mlle', 'sr', 'sra', 'srta', 'don', 'dona', 'dhr', 'mevr', 'rev', 'ing', 'mag',
]);
/** Name suffixes after a name. */
const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv', 'phd', 'md', 'esq', 'mba', 'dds', 'cpa', 'msc', 'bsc']);
/** Words that join two names in a credit list (`Lennon and McCartney`, `Gil e Caetano`). */
const JOINERS = new Set(['and', 'og', 'und', 'e', 'y', 'et', 'och', 'en', 'with', 'feat', 'feat.', 'ft', 'ft.', '&', '+', 'x']);

/** Surname endings common enough to count for a surname the lists do not know. */
const SURNAME_ENDINGS: readonly string[] = [
  'sen', 'son', 'ssen', 'sdottir', 'dottir', 'gaard', 'gard', 'strom', 'qvist', 'kvist', 'berg', 'lund',
  'ski', 'ska', 'cki', 'cka', 'wicz', 'vic', 'ovic', 'evic', 'enko', 'chuk', 'czuk', 'shvili', 'dze',
  'oglu', 'escu', 'eanu', 'opoulos', 'akis', 'idis', 'ides', 'ez', 'inen', 'ainen', 'mann', 'ov', 'ova',
  'ev', 'eva', 'yan', 'ian', 'ini', 'elli', 'etti', 'ucci', 'azzi',
];

const MAX_NAME = 100;
const MAX_LIST = 400;
const CAPITALISED = /^\p{Lu}[\p{L}'’-]*$/u;
const UPPER_WORD = /^[\p{Lu}'’-]+$/u;
const LOWER_WORD = /^[\p{Ll}'’-]+$/u;
const INITIALS = /^(?:\p{Lu}\.-?){1,3}$|^\p{Lu}$/u;
const HAS_DIGIT_OR_SYMBOL = /[\d@#$%*=<>{}[\]|\\~^_!?:"()]/;
const HAS_LOWER = /\p{Ll}/u;
const HAS_UPPER = /\p{Lu}/u;
const POSSESSIVE = /['’]s$/i;

type Case = 'mixed' | 'upper' | 'lower';

/**
 * Remembers recent results. The classifier runs every detector over a field's sample in turn,
 * so several detectors (person-name, company) ask about the same value within a few thousand
 * calls; two generations of 8,192 entries keep that window at a bounded cost.
 */
function memo(fn: (value: string) => number, size = 8192): (value: string) => number {
  let current = new Map<string, number>();
  let previous = new Map<string, number>();
  return (value) => {
    // Long values are rejected at once and would only fill the cache (values may be 2,000 chars).
    if (value.length > 64) return fn(value);
    let r = current.get(value);
    if (r !== undefined) return r;
    r = previous.get(value) ?? fn(value);
    if (current.size >= size) {
      previous = current;
      current = new Map();
    }
    current.set(value, r);
    return r;
  };
}

function spaces(v: string): number {
  let n = 0;
  for (let i = v.indexOf(' '); i >= 0; i = v.indexOf(' ', i + 1)) n++;
  return n;
}

interface Token {
  readonly raw: string;
  readonly key: string;
  readonly kind: 'word' | 'initial' | 'particle';
}

interface TokenFacts {
  readonly first: boolean;
  readonly lastStrong: boolean;
  readonly lastWeak: boolean;
  readonly word: boolean;
  readonly ending: boolean;
}

const ENDINGS = new Set(SURNAME_ENDINGS);
const ENDING_LENGTHS = [...new Set(SURNAME_ENDINGS.map((e) => e.length))];
const CELTIC = /^(?:mc|mac|o')\p{L}{3}/u;

function hasSurnameEnding(bare: string): boolean {
  if (bare.length < 5) return false;
  for (const n of ENDING_LENGTHS) if (bare.length > n + 1 && ENDINGS.has(bare.slice(-n))) return true;
  return CELTIC.test(bare);
}

/**
 * Facts about one folded token, cached: the same names come back row after row, and a lookup in
 * the cache is cheaper than the five Set lookups behind it. The cache is emptied when it fills.
 */
const factCache = new Map<string, TokenFacts>();
const FACT_CACHE_SIZE = 50_000;

function facts(key: string, g: Gazetteer): TokenFacts {
  let f = factCache.get(key);
  if (f === undefined) {
    f = computeFacts(key, g);
    if (factCache.size >= FACT_CACHE_SIZE) factCache.clear();
    factCache.set(key, f);
  }
  return f;
}

function computeFacts(key: string, g: Gazetteer): TokenFacts {
  // `Jean-Pierre`, `Smith-Jones`: a given name if every part is one, a surname if any part is.
  if (key.includes('-')) {
    const parts = key.split('-').filter((p) => p.length > 0);
    // `e-post`, `x-ray`: a one-letter part is no name.
    if (parts.some((p) => p.length < 2)) return { first: false, lastStrong: false, lastWeak: false, word: true, ending: false };
    if (parts.length > 1) {
      const fs = parts.map((p) => computeFacts(p, g));
      return {
        first: fs.every((x) => x.first),
        lastStrong: fs.some((x) => x.lastStrong),
        lastWeak: fs.some((x) => x.lastWeak),
        word: fs.every((x) => x.word),
        ending: fs.some((x) => x.ending),
      };
    }
  }
  const bare = key.includes("'") || key.includes('’') ? key.replace(/['’]/g, '') : key;
  return {
    first: g.first.has(key) || g.first.has(bare),
    lastStrong: g.lastStrong.has(key) || g.lastStrong.has(bare),
    lastWeak: g.lastWeak.has(key) || g.lastWeak.has(bare),
    word: g.words.has(key),
    ending: hasSurnameEnding(bare) || (key !== bare && CELTIC.test(key)),
  };
}

function caseOf(value: string): Case {
  if (!HAS_LOWER.test(value)) return 'upper';
  return HAS_UPPER.test(value) ? 'mixed' : 'lower';
}

/** Splits a name into tokens, or undefined when a token cannot be part of a person's name. */
function tokenize(words: readonly string[], mode: Case): Token[] | undefined {
  const out: Token[] = [];
  for (const raw of words) {
    const key = foldName(raw);
    if (PARTICLES.has(key) && out.length > 0) {
      out.push({ raw, key, kind: 'particle' });
      continue;
    }
    if (raw.length <= 6 && INITIALS.test(raw)) {
      out.push({ raw, key, kind: 'initial' });
      continue;
    }
    if ((raw.includes("'") || raw.includes('’')) && POSSESSIVE.test(raw) && !raw.includes('-')) return undefined; // `Anton's`: a product
    const shaped = mode === 'mixed' ? CAPITALISED.test(raw) : mode === 'upper' ? UPPER_WORD.test(raw) : LOWER_WORD.test(raw);
    if (!shaped || raw.length > 30) return undefined;
    out.push({ raw, key: key.replace(/\.$/, ''), kind: 'word' });
  }
  return out;
}

function stripAffixes(words: string[]): string[] {
  let start = 0;
  let end = words.length;
  while (end - start > 2 && PREFIXES.has(foldName(words[start] ?? '').replace(/\.$/, ''))) start++;
  while (end - start > 2 && SUFFIXES.has(foldName(words[end - 1] ?? '').replace(/[.,]/g, ''))) end--;
  return start === 0 && end === words.length ? words : words.slice(start, end);
}

/** How much the first token of a name looks like a given name; -1 rules the value out. */
function givenPart(t: Token, g: Gazetteer): number {
  if (t.kind === 'initial') return 0.6;
  if (t.kind === 'particle') return -1;
  const f = facts(t.key, g);
  if (f.first) return f.word ? 0.5 : 1;
  if (f.word) return -1; // `Iron`, `Led`, `Rolling`: an ordinary word where a given name goes
  if (f.lastStrong) return 0.4;
  return 0.3;
}

/** How much the last token looks like a surname, given how the first one looked. */
function surnamePart(t: Token, given: number, g: Gazetteer): number {
  if (t.kind !== 'word') return -1;
  const f = facts(t.key, g);
  if (f.lastStrong) return f.word ? (given >= 0.5 ? 0.5 : -1) : 1;
  if (f.word) return f.first && given >= 0.5 ? 0.3 : -1; // `Maiden`, `Seasoning`, `Gold` after an unknown
  if (f.lastWeak) return 0.6;
  if (f.ending) return 0.6;
  if (f.first) return 0.4;
  return 0.3;
}

function combine(sum: number): number {
  if (sum >= 1.5) return 1;
  if (sum >= 1.0) return 0.8;
  if (sum >= 0.8) return 0.5;
  if (sum >= 0.6) return 0.25;
  return 0;
}

function scoreTokens(tokens: readonly Token[], g: Gazetteer): number {
  const words = tokens.filter((t) => t.kind !== 'particle');
  if (words.length < 2 || words.length > 4 || tokens.length > 6) return 0;
  const firstTok = tokens[0];
  const lastTok = tokens[tokens.length - 1];
  if (!firstTok || !lastTok || lastTok.kind === 'particle') return 0;
  const a = givenPart(firstTok, g);
  if (a < 0) return 0;
  const b = surnamePart(lastTok, a, g);
  if (b < 0) return 0;
  // Middle tokens: more given names, initials, particles or surnames, never ordinary words.
  for (let i = 1; i < tokens.length - 1; i++) {
    const t = tokens[i];
    if (!t || t.kind !== 'word') continue;
    const f = facts(t.key, g);
    if (f.word && !f.first && !f.lastStrong) return 0;
  }
  const score = combine(a + b);
  if (score >= 0.8 || words.length !== 2 || firstTok.kind !== 'word' || lastTok.kind !== 'word') return score;
  // Surname first without a comma, as in registers and East Asian order: `DUPONT Jean`, `Wang Yang`.
  const f1 = facts(firstTok.key, g);
  const f2 = facts(lastTok.key, g);
  if (f1.lastStrong && !f1.word && f2.first && !f2.word && !f1.first) return Math.max(score, 0.8);
  return score;
}

/**
 * A full name written as one value: `Nancy Davolio`, `J. Smith`, `Isabel de Castro`,
 * `Davolio, Nancy`, `Dr. Anna-Lena Müller-Schmidt`, `NANCY DAVOLIO`. 0 for anything else.
 */
export const fullNameScore = memo(fullNameScoreOf);

function fullNameScoreOf(value: string): number {
  const v = value.trim();
  if (v.length < 3 || v.length > MAX_NAME || spaces(v) > 6 || HAS_DIGIT_OR_SYMBOL.test(v)) return 0;
  const g = gazetteer();
  const mode = caseOf(v);
  const factor = mode === 'mixed' ? 1 : mode === 'upper' ? 0.9 : 0.6;
  const comma = v.indexOf(',');
  if (comma >= 0) {
    // `Davolio, Nancy` (or `Smith, John, Jr.`): surname first.
    const left = v.slice(0, comma).trim().split(/\s+/);
    const rest = v.slice(comma + 1).split(',');
    const right = (rest[0] ?? '').trim().split(/\s+/);
    const trailing = rest.slice(1).map((r) => foldName(r.trim()).replace(/\./g, ''));
    if (trailing.some((t) => !SUFFIXES.has(t))) return 0;
    if (left.length > 3 || right.length > 3 || left[0] === '' || right[0] === '') return 0;
    const tokens = tokenize([...right, ...left], mode);
    return tokens ? scoreTokens(tokens, g) * factor : 0;
  }
  const words = stripAffixes(v.split(/\s+/));
  const tokens = tokenize(words, mode);
  return tokens ? scoreTokens(tokens, g) * factor : 0;
}

/** A lone surname inside a credit list (`Jagger/Richards`). */
function loneSurnameScore(raw: string, g: Gazetteer): number {
  if (!CAPITALISED.test(raw)) return 0;
  const f = facts(foldName(raw), g);
  if (f.word) return 0;
  if (f.lastStrong || f.lastWeak) return 0.7;
  if (f.first) return 0.5;
  return f.ending ? 0.5 : 0.2;
}

/**
 * Several people in one value, as in credits: `Angus Young, Malcolm Young, Brian Johnson`,
 * `Jagger/Richards`, `Gilberto Gil e Caetano Veloso`. The mean score of the parts; 0 for one part.
 */
export function nameListScore(value: string): number {
  if (value.length > MAX_LIST || HAS_DIGIT_OR_SYMBOL.test(value)) return 0;
  const parts: string[][] = [];
  let current: string[] = [];
  const flush = (): void => {
    if (current.length > 0) parts.push(current);
    current = [];
  };
  for (const word of value.split(/\s+/)) {
    if (word === '') continue;
    if (JOINERS.has(word.toLowerCase())) {
      flush();
      continue;
    }
    const pieces = word.split(/[/;&+]/);
    pieces.forEach((piece, i) => {
      if (i > 0) flush();
      let end = piece.length;
      while (end > 0 && piece.charCodeAt(end - 1) === 44) end--; // trailing commas
      const trimmed = piece.slice(0, end);
      if (trimmed !== '') current.push(trimmed);
      if (trimmed !== piece) flush();
    });
  }
  flush();
  if (parts.length < 2 || parts.length > 12) return 0;
  const g = gazetteer();
  let sum = 0;
  for (const p of parts) sum += p.length === 1 ? loneSurnameScore(p[0] ?? '', g) : fullNameScore(p.join(' '));
  return sum / parts.length;
}

/** Separators that can only mean a list of people (or `Surname, Given`). */
const LIST_HINT = /[,/;&+]|\s(?:and|og|und|e|y|et|och)\s/;

/** Full names, single or in credit lists: the value test of the person-name detector. */
export function personNameScore(value: string): number {
  if (value.length > MAX_LIST) return 0;
  if (value.length > MAX_NAME && !LIST_HINT.test(value)) return 0;
  if (!LIST_HINT.test(value)) return fullNameScore(value);
  return Math.max(fullNameScore(value), nameListScore(value));
}

/** A given name on its own: `Nancy`, `Jean-Pierre`, `Mary Ann`, `Søren`. */
export const givenNameScore = memo(givenNameScoreOf);

function givenNameScoreOf(value: string): number {
  const v = value.trim();
  if (v.length < 2 || v.length > 40 || HAS_DIGIT_OR_SYMBOL.test(v) || v.includes(',')) return 0;
  const g = gazetteer();
  const mode = caseOf(v);
  // Short lower-case values are codes (`da`, `en`), not names.
  if (mode === 'lower' && v.length <= 3) return 0;
  const factor = mode === 'mixed' ? 1 : mode === 'upper' ? 0.9 : 0.5;
  const tokens = tokenize(v.split(/\s+/), mode);
  if (!tokens || tokens.length > 3) return 0;
  const words = tokens.filter((t) => t.kind === 'word');
  if (words.length === 0 || words.length !== tokens.length) return tokens.length === 1 && tokens[0]?.kind === 'initial' ? 0.3 : 0;
  const fs = words.map((t) => facts(t.key, g));
  if (fs.length === 1) {
    const f = fs[0];
    if (!f) return 0;
    if (f.first) return (f.word ? 0.7 : 1) * factor;
    if (f.word) return 0;
    return (f.lastStrong || f.ending ? 0.3 : 0.4) * factor;
  }
  // `Mary Ann`, `Jean Pierre`: every part a given name; `Nancy Davolio` is a full name instead.
  if (fs.every((f) => f.first)) return 0.9 * factor;
  return 0.1;
}

/** A surname on its own: `Davolio`, `van der Berg`, `O'Brien`, `García López`, `Sørensen`. */
export const surnameScore = memo(surnameScoreOf);

function surnameScoreOf(value: string): number {
  const v = value.trim();
  if (v.length < 2 || v.length > 50 || HAS_DIGIT_OR_SYMBOL.test(v) || v.includes(',')) return 0;
  const g = gazetteer();
  const mode = caseOf(v);
  if (mode === 'lower' && v.length <= 3) return 0;
  const factor = mode === 'mixed' ? 1 : mode === 'upper' ? 0.9 : 0.5;
  const raw = v.split(/\s+/);
  // Leading particles belong to the surname here: `van der Berg`.
  let i = 0;
  while (i < raw.length - 1 && PARTICLES.has(foldName(raw[i] ?? ''))) i++;
  const tokens = tokenize(raw.slice(i), mode);
  if (!tokens || tokens.length > 3) return 0;
  const words = tokens.filter((t) => t.kind === 'word');
  if (words.length === 0 || words.length > 2 || tokens.some((t) => t.kind === 'initial')) return 0;
  const fs = words.map((t) => facts(t.key, g));
  const one = (f: TokenFacts): number => {
    if (f.lastStrong) return f.word ? 0.7 : 1;
    if (f.word) return 0;
    if (f.lastWeak || f.ending) return 0.7;
    return f.first ? 0.3 : 0.45;
  };
  if (fs.length === 1) return one(fs[0] as TokenFacts) * factor;
  const [f1, f2] = fs as [TokenFacts, TokenFacts];
  // `García López`, `Fredriksen Jakobsen` are two surnames; `Nancy Davolio` is a full name.
  if (f1.first && (!f1.lastStrong || fullNameScore(v) >= 0.8)) return 0.15;
  const a = one(f1);
  const b = one(f2);
  return (Math.min(a, b) === 0 ? 0 : Math.max(Math.min(a, b), (a + b) / 2) * 0.9) * factor;
}
