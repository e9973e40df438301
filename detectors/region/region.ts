import type { Detector, NameSignal } from '../../src/types.js';
import { boundedTrim, foldKey, textShape } from '../_shared/address/fold.js';
import { ADDRESS_PART_COUNTER_HINTS, PLACE_NAME_IN_PERSON_CONTEXT, addressPartSignals } from '../_shared/address/names.js';
import { regionIndex } from '../_shared/address/regions.js';

/** States, provinces, counties and regions (`California`/`CA`, `Québec`, `Bayern`, `Hovedstaden`, `Skåne län`). */

const MAX_LENGTH = 60;
const LETTER_CODE = /^[A-Z]{2,3}$/;
const ISO_CODE = /^[A-Z]{2}-[A-Z0-9]{1,3}$/;
/** Subdivision names have at most a few words (`Santiago del Estero`, `Bath and North East Somerset`). */
const MAX_BREAKS = 7;

/** Words written around a subdivision's name: `Region Hovedstaden`, `Co. Cork`, `Skåne län`, `Provincia di Roma`. */
const PREFIXES = new Set([
  'region', 'regione', 'regiao', 'province', 'provincia', 'provincie', 'state', 'county', 'co', 'departement',
  'departamento', 'estado', 'land', 'freistaat', 'kanton', 'canton', 'comunidad', 'comunitat', 'oblast',
  'wojewodztwo', 'voivodeship', 'prefecture',
]);
const LINKS = new Set(['of', 'de', 'di', 'del', 'do', 'da', 'du', 'des']);
const SUFFIXES = new Set([
  'county', 'province', 'provincie', 'state', 'region', 'lan', 'fylke', 'kommune', 'maakunta', 'oblast', 'prefecture',
  'shire', 'voivodeship', 'kraj',
]);

/**
 * Compass-point names (`Eastern`, `Northern`) are real subdivisions somewhere (Ghana, Sri Lanka,
 * Zambia), but a column of them is far more often a sales-region list.
 */
const COMPASS = new Set([
  'north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central', 'centre', 'center',
  'northeast', 'northwest', 'southeast', 'southwest', 'midwest', 'north east', 'north west', 'south east',
  'south west', 'north central', 'south central', 'capital',
]);

/**
 * Value evidence for a region: 1 for a subdivision name, 0.9 for one with the words written
 * around it (`Region Hovedstaden`, `Co. Cork`, `Skåne län`) or a full ISO 3166-2 code (`US-CA`,
 * `DK-84`); 0.6 for a letter short code (`CA`, `QC`, `NSW`), which is also a country or language
 * code; 0.3 for compass names (`Eastern`).
 */
export function regionScore(value: string): number {
  const raw = boundedTrim(value, MAX_LENGTH);
  if (raw === undefined || raw.length < 2) return 0;
  const index = regionIndex();
  if (raw.length <= 3 && LETTER_CODE.test(raw)) return index.codes.has(raw) ? 0.6 : 0;
  if (raw.length <= 6 && ISO_CODE.test(raw)) return index.isoCodes.has(raw) ? 0.9 : 0;
  const shape = textShape(raw);
  if (shape.technical || shape.digits > 0 || shape.letters < 2 || shape.breaks > MAX_BREAKS) return 0;
  const key = foldKey(raw);
  if (key === undefined || key.length < 2) return 0;
  if (index.names.has(key)) return COMPASS.has(key) ? 0.3 : 1;

  if (shape.breaks === 0) return 0;
  const tokens = key.split(' ');
  let start = 0;
  let end = tokens.length;
  if (PREFIXES.has(tokens[0] ?? '') && tokens.length > 1) {
    start = 1;
    if (LINKS.has(tokens[1] ?? '') && tokens.length > 2) start = 2;
  }
  if (end - start > 1 && SUFFIXES.has(tokens[end - 1] ?? '')) end--;
  if (start === 0 && end === tokens.length) return 0;
  const rest = tokens.slice(start, end).join(' ');
  if (COMPASS.has(rest)) return 0.3;
  if (index.names.has(rest)) return 0.9;
  // Swedish genitive: `Stockholms län`, `Västra Götalands län`.
  if (rest.endsWith('s') && index.names.has(rest.slice(0, -1))) return 0.9;
  return 0;
}

const NAMES: readonly NameSignal[] = [
  // Inside a person's address these are the person's region; in a lookup (`us_states`,
  // `region.region_description`) or a status column they are not (see the README).
  ...addressPartSignals([
    { pattern: 'state', weight: 0.85, lang: 'en', roles: ['en'] },
    { pattern: 'state province', weight: 0.9, lang: 'en' },
    { pattern: 'stateprovince', weight: 0.9, lang: 'en' },
    { pattern: 'region', weight: 0.85, lang: 'en', roles: ['en'] },
    { pattern: 'province', weight: 0.9, lang: 'en', roles: ['en'] },
    { pattern: 'county', weight: 0.85, lang: 'en', roles: ['en'] },
    { pattern: 'district', weight: 0.75, lang: 'en' },
    { pattern: 'prefecture', weight: 0.85, lang: 'en' },
    // Abbreviated column names of older systems: `cust_st`, `prov`, `cnty`; Brazil's `UF`.
    { pattern: 'st', weight: 0.6, lang: 'en' },
    { pattern: 'prov', weight: 0.8, lang: 'en' },
    { pattern: 'cnty', weight: 0.8, lang: 'en' },
    { pattern: 'uf', weight: 0.8, lang: 'pt' },
    { pattern: 'distrito', weight: 0.75, lang: 'pt' },
    { pattern: 'powiat', weight: 0.75, lang: 'pl' },
    { pattern: 'canton', weight: 0.8, lang: 'en' },
    { pattern: 'landsdel', weight: 0.8, lang: 'da' },
    { pattern: 'bundesland', weight: 0.9, lang: 'de', roles: ['de'] },
    { pattern: 'kanton', weight: 0.8, lang: 'de' },
    { pattern: 'lan', weight: 0.75, lang: 'sv' },
    { pattern: 'landskap', weight: 0.7, lang: 'sv' },
    { pattern: 'fylke', weight: 0.85, lang: 'no' },
    { pattern: 'provincie', weight: 0.9, lang: 'nl' },
    { pattern: 'departement', weight: 0.8, lang: 'fr', roles: ['fr'] },
    { pattern: 'provincia', weight: 0.9, lang: 'es', roles: ['es', 'it'] },
    { pattern: 'estado', weight: 0.8, lang: 'es', roles: ['es', 'pt'] },
    { pattern: 'comunidad', weight: 0.75, lang: 'es' },
    { pattern: 'departamento', weight: 0.7, lang: 'es' },
    { pattern: 'regione', weight: 0.85, lang: 'it' },
    { pattern: 'wojewodztwo', weight: 0.85, lang: 'pl' },
    { pattern: 'maakunta', weight: 0.85, lang: 'fi' },
  ]),
  // A status, a sales or world region, a territory: not where someone lives.
  { pattern: 'machine', weight: -0.9 },
  { pattern: 'order state', weight: -0.9 },
  { pattern: 'job', weight: -0.8 },
  { pattern: 'process', weight: -0.8 },
  { pattern: 'workflow', weight: -0.9 },
  { pattern: 'session', weight: -0.9 },
  { pattern: 'payment', weight: -0.7 },
  { pattern: 'world', weight: -0.8 },
  { pattern: 'description', weight: -0.5 },
  { pattern: 'aws', weight: -0.9 },
  { pattern: 'cloud', weight: -0.9 },
  { pattern: 'datacenter', weight: -0.9 },
  { pattern: 'zone', weight: -0.8 },
  ...PLACE_NAME_IN_PERSON_CONTEXT,
  ...ADDRESS_PART_COUNTER_HINTS,
];

export const region: Detector = {
  id: 'region',
  category: 'address.region',
  description: 'states, provinces and regions',
  // Subdivision names and codes are also lists of states, sales regions and country codes.
  valueWeight: 0.45,
  match: regionScore,
  names: NAMES,
};
