/**
 * Folding of place names for lookups: `København`, `KØBENHAVN` and `Kobenhavn` meet on one key,
 * `Saint-Étienne` and `saint etienne` on another. Built for speed (a table per character, no
 * regexes), because the city gazetteer folds ~400,000 names when it is built.
 */

/** Letters that do not decompose under NFKD but have a plain Latin spelling. */
const SPECIAL: Readonly<Record<string, string>> = {
  æ: 'ae', ø: 'o', ß: 'ss', œ: 'oe', ð: 'd', þ: 'th', ł: 'l', đ: 'd', ı: 'i', ħ: 'h', ŧ: 't', ŋ: 'n', ĸ: 'k',
};

/**
 * The second spelling people use for the same letters: Danish/Norwegian `aa`/`oe`/`ae`, German
 * `ue`/`oe`/`ae` (`Aarhus`, `Koebenhavn`, `Muenchen`). Names with these letters are indexed under
 * both keys, so a value written either way finds them.
 */
const VARIANT: Readonly<Record<string, string>> = { å: 'aa', ø: 'oe', æ: 'ae', ä: 'ae', ö: 'oe', ü: 'ue' };

/** Characters that separate words in a place name; they all fold to one space. */
const SEPARATORS = new Set([' ', '\t', '\n', '\r', '-', '‐', '–', '.', ',', "'", '’', '`', '/', '(', ')', '"', '_']);

const LATIN_END = 0x250;
const table: string[] = [];
const variantTable: string[] = [];
for (let code = 0; code < LATIN_END; code++) {
  const ch = String.fromCharCode(code);
  const lower = ch.toLowerCase();
  const plain = SPECIAL[lower] ?? lower.normalize('NFKD').replace(/\p{M}/gu, '');
  table.push(SEPARATORS.has(ch) ? ' ' : plain);
  variantTable.push(VARIANT[lower] ?? table[code] ?? '');
}

function extendedLatin(code: number): string {
  // Latin Extended Additional (Vietnamese and Welsh letters): ạ, ẞ, ỳ…
  return String.fromCharCode(code).toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '');
}

/**
 * Folds a name to its lookup key: lower case, accents stripped, Nordic and German letters to
 * their plain form, separators (`-.,'/`) to single spaces, trimmed. Returns `undefined` when the
 * name has letters outside the Latin script (those are never looked up).
 * With `variant`, å/ø/æ/ä/ö/ü become `aa`/`oe`/`ae`/`ae`/`oe`/`ue` instead.
 */
export function foldKey(text: string, variant = false): string | undefined {
  const t = variant ? variantTable : table;
  let out = '';
  let space = true; // drops leading spaces and collapses runs
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let piece: string;
    if (code < LATIN_END) piece = t[code] ?? '';
    else if (code >= 0x1e00 && code <= 0x1eff) piece = extendedLatin(code);
    else if (code === 0x2019 || code === 0x2010 || code === 0x2013) piece = ' ';
    else return undefined;
    if (piece === ' ') {
      if (!space) out += ' ';
      space = true;
    } else if (piece.length > 0) {
      out += piece;
      space = false;
    }
  }
  return space && out.length > 0 ? out.slice(0, -1) : out;
}

/** Does the name contain a letter that `foldKey(…, true)` spells differently? */
export function hasVariantLetters(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i) | 0x20;
    // å ø æ ä ö ü and their capitals (capitals differ by 0x20 in Latin-1)
    if (code === 0xe5 || code === 0xf8 || code === 0xe6 || code === 0xe4 || code === 0xf6 || code === 0xfc) return true;
  }
  return false;
}

/** All keys a name is indexed under: the plain fold, and the `aa`/`oe` spelling when it differs. */
export function foldKeys(text: string): string[] {
  const key = foldKey(text);
  if (key === undefined || key.length === 0) return [];
  if (!hasVariantLetters(text)) return [key];
  const v = foldKey(text, true);
  return v !== undefined && v !== key ? [key, v] : [key];
}

/**
 * The value without surrounding blanks, or `undefined` when it is longer than `max` characters.
 * Fixed-width columns (`CHAR(50)`) pad values with spaces, so the limit applies after trimming;
 * the raw length is bounded too, so a huge value costs nothing.
 */
export function boundedTrim(value: string, max: number): string | undefined {
  if (value.length > max + 256) return undefined;
  const t = value.trim();
  return t.length > max ? undefined : t;
}

/** A cheap first look at a value, so detectors can turn most non-matches away before folding. */
export interface TextShape {
  /** Letters (ASCII, or any character from U+00C0 on). */
  readonly letters: number;
  readonly digits: number;
  /** Spaces and commas: word breaks. */
  readonly breaks: number;
  /** `@`, `:`, `/`, `\`, `=`, `_`, `<`, `>`, `{`, `}`, `|`: e-mails, URLs, paths, times, code. */
  readonly technical: boolean;
}

export function textShape(value: string): TextShape {
  let letters = 0;
  let digits = 0;
  let breaks = 0;
  let technical = false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0x61 ? c <= 0x7a || c >= 0xc0 : c >= 0x41 && c <= 0x5a) letters++;
    else if (c >= 0x30 && c <= 0x39) digits++;
    else if (c === 0x20 || c === 0x2c) breaks++;
    else if (c === 0x40 || c === 0x3a || c === 0x2f || c === 0x5c || c === 0x3d || c === 0x5f || c === 0x3c || c === 0x3e || c === 0x7b || c === 0x7d || c === 0x7c) technical = true;
  }
  return { letters, digits, breaks, technical };
}
