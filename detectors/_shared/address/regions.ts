import { createRequire } from 'node:module';
import { foldKeys } from './fold.js';

/**
 * States, provinces, counties and regions of every country, from two packages:
 * - `country-region-data`: current ISO 3166-2 first-level subdivisions with their short codes
 *   (`California`/`CA`, `Québec`/`QC`, `Bayern`/`BY`, `Hovedstaden`/`DK-84`, `Skåne`/`M`);
 * - `iso-3166-2`: the 2015 ISO 3166-2 list with second-level units too (French départements,
 *   Italian and Spanish provinces, English counties, the Norwegian fylker before the 2020 reform),
 *   which addresses keep using long after a reform.
 * Built on first use.
 */

export interface RegionIndex {
  /** Folded subdivision names (`baden wurttemberg`, `isle of wight`, `hovedstaden`). */
  readonly names: ReadonlySet<string>;
  /** Letter short codes of 2–3 characters, upper case (`CA`, `NSW`, `QC`, `SP`). */
  readonly codes: ReadonlySet<string>;
  /** Full ISO 3166-2 codes, upper case (`US-CA`, `DK-84`, `SE-M`). */
  readonly isoCodes: ReadonlySet<string>;
}

let cached: RegionIndex | undefined;

export function regionIndex(): RegionIndex {
  cached ??= build();
  return cached;
}

function build(): RegionIndex {
  const require = createRequire(import.meta.url);
  const data: unknown = require('country-region-data/data.json');
  const names = new Set<string>();
  const codes = new Set<string>();
  const isoCodes = new Set<string>();
  if (!Array.isArray(data)) return { names, codes, isoCodes };
  for (const country of data as unknown[]) {
    if (!isRecord(country) || typeof country.countryShortCode !== 'string' || !Array.isArray(country.regions)) continue;
    const cc = country.countryShortCode.toUpperCase();
    for (const region of country.regions as unknown[]) {
      if (!isRecord(region) || typeof region.name !== 'string') continue;
      for (const name of nameForms(region.name)) for (const key of foldKeys(name)) names.add(key);
      if (typeof region.shortCode === 'string') {
        const code = region.shortCode.toUpperCase();
        const local = code.startsWith(`${cc}-`) ? code.slice(cc.length + 1) : code;
        isoCodes.add(`${cc}-${local}`);
        if (/^[A-Z]{2,3}$/.test(local)) codes.add(local);
      }
    }
  }
  addIso31662(require, names, codes, isoCodes);
  return { names, codes, isoCodes };
}

function addIso31662(require: NodeJS.Require, names: Set<string>, codes: Set<string>, isoCodes: Set<string>): void {
  const lib: unknown = require('iso-3166-2');
  const data = isRecord(lib) && isRecord(lib.data) ? lib.data : {};
  for (const [cc, country] of Object.entries(data)) {
    if (!isRecord(country) || !isRecord(country.sub)) continue;
    for (const [code, sub] of Object.entries(country.sub)) {
      if (!isRecord(sub) || typeof sub.name !== 'string') continue;
      // `Nafarroa*` marks a name in a second official language.
      for (const name of nameForms(sub.name.replace(/\*$/, ''))) for (const key of foldKeys(name)) names.add(key);
      const upper = code.toUpperCase();
      isoCodes.add(upper);
      const local = upper.slice(cc.length + 1);
      if (/^[A-Z]{2,3}$/.test(local)) codes.add(local);
    }
  }
}

/** `Araba/Álava` is two names; `Bristol, City of` is also `Bristol`. */
function nameForms(name: string): string[] {
  const forms = [name];
  if (name.includes('/')) forms.push(...name.split('/'));
  const comma = name.indexOf(',');
  if (comma > 0) forms.push(name.slice(0, comma));
  return forms.map((f) => f.trim()).filter((f) => f.length > 1);
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null;
}
