import { createRequire } from 'node:module';
import type * as Countries from 'i18n-iso-countries';
import { foldKeys } from './fold.js';

/**
 * Country names in the languages of the Latin-script locales `i18n-iso-countries` ships
 * (official names and aliases: `Denmark`, `Danmark`, `Dänemark`, `Danemark`, `Dinamarca`,
 * `Tanska`…), plus ISO 3166-1 alpha-2 and alpha-3 codes. Built on first use.
 */

/** Latin-script locales; names in other scripts never reach a folded key anyway. */
const LOCALES = [
  'en', 'da', 'de', 'sv', 'nb', 'nn', 'nl', 'fr', 'es', 'pt', 'it', 'pl', 'fi', 'is', 'et', 'lv', 'lt', 'cs', 'sk',
  'sl', 'hr', 'bs', 'hu', 'ro', 'tr', 'ca', 'eu', 'gl', 'ga', 'cy', 'mt', 'sq', 'af', 'id', 'ms', 'sw', 'vi', 'br',
];

/**
 * Short forms people write that no locale file lists as a name: the home nations of the UK,
 * `Holland`, `America`, dotted and spaced forms of `USA`/`UK` (folding turns `U.S.A.` into `u s a`).
 */
const EXTRA_NAMES = [
  'England', 'Scotland', 'Wales', 'Northern Ireland', 'Britain', 'Holland', 'America', 'U.S.A.', 'U.S.', 'U.K.',
  'United States of America', 'Czech Republic', 'Russia', 'South Korea', 'North Korea', 'Vietnam', 'Ivory Coast',
  'Macedonia', 'Burma', 'Swaziland', 'Vatican', 'Deutschland', 'Danmark', 'Sverige', 'Norge', 'Suomi', 'España',
  'Italia', 'Österreich', 'Schweiz', 'Suisse', 'Svizzera', 'België', 'Belgique', 'Nederland', 'Polska', 'Brasil',
  'México', 'Éire', 'Ísland', 'Føroyar', 'Kalaallit Nunaat', 'Česko', 'Magyarország', 'Hrvatska',
];

export interface CountryIndex {
  readonly names: ReadonlySet<string>;
  /** Upper-case alpha-2 codes, plus `UK` (not ISO, but what people write). */
  readonly alpha2: ReadonlySet<string>;
  readonly alpha3: ReadonlySet<string>;
}

let cached: CountryIndex | undefined;

export function countryIndex(): CountryIndex {
  cached ??= build();
  return cached;
}

function build(): CountryIndex {
  const require = createRequire(import.meta.url);
  // The package's Node entry registers all 78 locales; the plain index lets us pick.
  const lib = require('i18n-iso-countries/index.js') as typeof Countries;
  const names = new Set<string>();
  for (const locale of LOCALES) {
    const data = require(`i18n-iso-countries/langs/${locale}.json`) as Countries.LocaleData;
    lib.registerLocale(data);
    const byCode = lib.getNames(locale, { select: 'all' });
    for (const list of Object.values(byCode)) {
      for (const name of list) for (const key of foldKeys(name)) names.add(key);
    }
  }
  for (const name of EXTRA_NAMES) for (const key of foldKeys(name)) names.add(key);
  const alpha2 = new Set(Object.keys(lib.getAlpha2Codes()).map((c) => c.toUpperCase()));
  alpha2.add('UK');
  const alpha3 = new Set(Object.keys(lib.getAlpha3Codes()).map((c) => c.toUpperCase()));
  return { names, alpha2, alpha3 };
}
