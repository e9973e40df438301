import type { Detector, NameSignal } from '../../src/types.js';
import { countryIndex } from '../_shared/address/countries.js';
import { boundedTrim, foldKey, textShape } from '../_shared/address/fold.js';
import { ADDRESS_PART_COUNTER_HINTS, PLACE_NAME_IN_PERSON_CONTEXT, addressPartSignals } from '../_shared/address/names.js';

/** Countries by name in many languages (`Denmark`, `Danmark`, `Dänemark`, `USA`) or ISO 3166-1 code (`DK`, `DNK`). */

const MAX_LENGTH = 60;
const ALPHA_CODE = /^[a-z]{2,3}$/i;
/** `Saint Vincent and the Grenadines` has five breaks; longer text is not a country. */
const MAX_BREAKS = 6;

/**
 * Value evidence for a country: 1 for a name in any of the supported languages; 0.8 for an
 * upper-case alpha-3 code (`DNK`); 0.5 for an upper-case alpha-2 code (`DK`), which is also a
 * language, state or currency-prefix code; 0.3 for a lower-case code (`dk`, more often a language).
 */
export function countryScore(value: string): number {
  const raw = boundedTrim(value, MAX_LENGTH);
  if (raw === undefined || raw.length < 2) return 0;
  const shape = textShape(raw);
  if (shape.technical || shape.digits > 0 || shape.letters < 2 || shape.breaks > MAX_BREAKS) return 0;
  const index = countryIndex();
  const key = foldKey(raw);
  if (key === undefined || key.length < 2) return 0;
  // `USA`, `UK` and `US` are names people write as much as codes.
  if (index.names.has(key) && (raw.length > 3 || raw === raw.toUpperCase())) return 1;
  if (raw.length <= 3 && ALPHA_CODE.test(raw)) {
    const upper = raw.toUpperCase();
    const isUpper = upper === raw;
    if (raw.length === 2 && index.alpha2.has(upper)) return isUpper ? 0.5 : 0.3;
    if (raw.length === 3 && index.alpha3.has(upper)) return isUpper ? 0.8 : 0.3;
  }
  return 0;
}

const NAMES: readonly NameSignal[] = [
  ...addressPartSignals([
    { pattern: 'country', weight: 0.9, lang: 'en', roles: ['en'] },
    { pattern: 'country*', weight: 0.85, lang: 'en' },
    { pattern: 'country code', weight: 0.85, lang: 'en' },
    { pattern: 'country name', weight: 0.9, lang: 'en' },
    { pattern: 'nation', weight: 0.6, lang: 'en' },
    { pattern: 'ctry', weight: 0.85, lang: 'en' },
    { pattern: 'cntry', weight: 0.85, lang: 'en' },
    { pattern: 'land', weight: 0.8, lang: 'da', roles: ['da', 'sv', 'de', 'nl'] },
    { pattern: 'landekode', weight: 0.85, lang: 'da' },
    { pattern: 'landkode', weight: 0.85, lang: 'no' },
    { pattern: 'landskod', weight: 0.85, lang: 'sv' },
    { pattern: 'landcode', weight: 0.85, lang: 'nl' },
    { pattern: 'pays', weight: 0.9, lang: 'fr', roles: ['fr'] },
    { pattern: 'pais', weight: 0.9, lang: 'es', roles: ['es', 'pt'] },
    { pattern: 'paese', weight: 0.9, lang: 'it' },
    { pattern: 'nazione', weight: 0.85, lang: 'it' },
    { pattern: 'staat', weight: 0.6, lang: 'de' },
    { pattern: 'kraj', weight: 0.8, lang: 'pl' },
  ]),
  // A product's origin, a phone's country prefix, a currency or language are not an address.
  { pattern: 'origin', weight: -0.8 },
  { pattern: 'manufacture*', weight: -0.8 },
  { pattern: 'made in', weight: -0.8 },
  { pattern: 'phone', weight: -0.9 },
  { pattern: 'calling', weight: -0.9 },
  { pattern: 'dial*', weight: -0.9 },
  { pattern: 'prefix', weight: -0.8 },
  { pattern: 'tld', weight: -0.9 },
  { pattern: 'capital', weight: -0.8 },
  ...PLACE_NAME_IN_PERSON_CONTEXT,
  ...ADDRESS_PART_COUNTER_HINTS,
];

export const country: Detector = {
  id: 'country',
  category: 'address.country',
  description: 'countries',
  // Country names also fill lookup lists and product origins; codes look like language codes.
  valueWeight: 0.45,
  match: countryScore,
  names: NAMES,
};
