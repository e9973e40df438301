import type { Detector, NameSignal } from '../../src/types.js';
import { boundedTrim, foldKey, textShape } from '../_shared/address/fold.js';
import { cityGazetteer } from '../_shared/address/gazetteer.js';
import { ADDRESS_PART_COUNTER_HINTS, addressPartSignals } from '../_shared/address/names.js';

/** Towns and cities (`København`, `Aarhus`, `München`, `São Paulo`, `2100 København Ø`). */

const MAX_LENGTH = 64;

/** `St-Hyacinthe`, `Ft Worth`, `Mt Vernon`: abbreviations that the gazetteer spells out. */
const ABBREVIATIONS: Readonly<Record<string, readonly string[]>> = {
  st: ['saint', 'sankt'],
  ste: ['sainte', 'saint'],
  ft: ['fort'],
  mt: ['mount'],
};

/** Place names have at most a few words (`Santa Cruz de la Sierra`); longer text is not one. */
const MAX_BREAKS = 6;

/**
 * Value evidence for a city: 1 when the folded value is a place in the gazetteer (any spelling:
 * `Copenhagen`, `København`, `Kobenhavn`); 0.9 when it is one once a postal code in front or a
 * district or state after are set aside (`2100 København Ø`, `DK-8000 Aarhus C`,
 * `Frankfurt a.M.`, `Seattle, WA`). Many city names are also people's, bands' or things' names
 * (`Florence`, `Pop`, `Jackson`): the field name decides.
 */
export function cityScore(value: string): number {
  const raw = boundedTrim(value, MAX_LENGTH);
  if (raw === undefined || raw.length < 2) return 0;
  // Most values are turned away here, before the (costlier) fold and gazetteer look-up:
  // e-mails, URLs and times; numbers, codes and dates (digits in a single word); text.
  const shape = textShape(raw);
  if (shape.technical || shape.letters < 2 || (shape.digits > 0 && shape.breaks === 0) || shape.breaks > MAX_BREAKS) return 0;
  const key = foldKey(raw);
  if (key === undefined || key.length < 2) return 0;
  const gazetteer = cityGazetteer();
  if (gazetteer.has(key)) return 1;
  if (!key.includes(' ')) return 0;

  // `Seattle, WA`, `Paris, France`: the part before the first comma.
  const comma = raw.indexOf(',');
  if (comma > 1) {
    const head = foldKey(raw.slice(0, comma));
    if (head !== undefined && head.length >= 3 && gazetteer.has(head)) return 0.9;
  }
  const tokens = key.split(' ');
  if (ABBREVIATIONS[tokens[0] ?? ''] !== undefined) return abbreviated(tokens) ? 0.9 : 0;
  let start = 0;
  let end = tokens.length;
  // A postal code in front: `2100 København Ø`, `DK-8000 Aarhus C`, `S-958 22 Luleå`.
  while (end - start > 1) {
    const t = tokens[start] ?? '';
    if (isDigits(t) || (t.length <= 2 && isDigits(tokens[start + 1] ?? ''))) start++;
    else break;
  }
  // A district or arrondissement after: `København K`, `Frankfurt a.M.`, `Paris 08`, `Lyon Cedex 03`.
  while (end - start > 1) {
    const t = tokens[end - 1] ?? '';
    if (t.length <= 2 || t === 'cedex' || isDigits(t)) end--;
    else break;
  }
  if (start === 0 && end === tokens.length) return 0;
  const rest = tokens.slice(start, end).join(' ');
  return rest.length >= 4 && gazetteer.has(rest) ? 0.9 : 0;
}

function isDigits(token: string): boolean {
  if (token.length === 0) return false;
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function abbreviated(tokens: readonly string[]): boolean {
  const first = tokens[0];
  const spelled = first === undefined ? undefined : ABBREVIATIONS[first];
  if (spelled === undefined || tokens.length < 2) return false;
  const rest = tokens.slice(1).join(' ');
  return spelled.some((full) => cityGazetteer().has(`${full} ${rest}`));
}

const NAMES: readonly NameSignal[] = [
  ...addressPartSignals([
    { pattern: 'city', weight: 0.9, lang: 'en', roles: ['en'] },
    { pattern: 'city*', weight: 0.85, lang: 'en' },
    { pattern: 'town', weight: 0.85, lang: 'en', roles: ['en'] },
    { pattern: 'hometown', weight: 0.85, lang: 'en' },
    { pattern: 'locality', weight: 0.85, lang: 'en' },
    { pattern: 'suburb', weight: 0.8, lang: 'en' },
    { pattern: 'municipality', weight: 0.75, lang: 'en' },
    // `by` is Danish for town, and also the English `created_by`: the role words keep it apart.
    { pattern: 'by', weight: 0.8, lang: 'da', roles: ['da'] },
    { pattern: 'bynavn', weight: 0.9, lang: 'da' },
    { pattern: 'postdistrikt', weight: 0.85, lang: 'da' },
    { pattern: 'postby', weight: 0.9, lang: 'da' },
    { pattern: 'cty', weight: 0.6, lang: 'en' },
    { pattern: 'kommune', weight: 0.6, lang: 'da' },
    { pattern: 'ort', weight: 0.85, lang: 'de', roles: ['de', 'sv'] },
    { pattern: 'ortschaft', weight: 0.85, lang: 'de' },
    { pattern: 'ortsname', weight: 0.85, lang: 'de' },
    { pattern: 'stadt', weight: 0.85, lang: 'de', roles: ['de'] },
    { pattern: 'gemeinde', weight: 0.6, lang: 'de' },
    { pattern: 'stad', weight: 0.85, lang: 'sv', roles: ['sv'] },
    { pattern: 'postort', weight: 0.9, lang: 'sv', roles: ['sv'] },
    { pattern: 'kommun', weight: 0.6, lang: 'sv' },
    { pattern: 'poststed', weight: 0.9, lang: 'no', roles: ['da'] },
    { pattern: 'plaats', weight: 0.75, lang: 'nl', roles: ['nl'] },
    { pattern: 'woonplaats', weight: 0.9, lang: 'nl' },
    { pattern: 'gemeente', weight: 0.6, lang: 'nl' },
    { pattern: 'ville', weight: 0.85, lang: 'fr', roles: ['fr'] },
    { pattern: 'localite', weight: 0.85, lang: 'fr' },
    { pattern: 'commune', weight: 0.7, lang: 'fr' },
    { pattern: 'ciudad', weight: 0.9, lang: 'es', roles: ['es'] },
    { pattern: 'localidad', weight: 0.85, lang: 'es', roles: ['es'] },
    { pattern: 'municipio', weight: 0.75, lang: 'es' },
    { pattern: 'poblacion', weight: 0.6, lang: 'es' },
    { pattern: 'cidade', weight: 0.9, lang: 'pt', roles: ['pt'] },
    { pattern: 'localidade', weight: 0.85, lang: 'pt' },
    { pattern: 'concelho', weight: 0.6, lang: 'pt' },
    { pattern: 'citta', weight: 0.85, lang: 'it', roles: ['it'] },
    { pattern: 'localita', weight: 0.85, lang: 'it' },
    { pattern: 'comune', weight: 0.8, lang: 'it' },
    { pattern: 'paikkakunta', weight: 0.85, lang: 'fi' },
    { pattern: 'kaupunki', weight: 0.9, lang: 'fi' },
    { pattern: 'postitoimipaikka', weight: 0.9, lang: 'fi' },
    { pattern: 'miasto', weight: 0.85, lang: 'pl' },
    { pattern: 'miejscowosc', weight: 0.85, lang: 'pl' },
  ]),
  // A capital of a country list, a city's code or size, or the person who did something.
  { pattern: 'capital', weight: -0.7 },
  { pattern: 'code', weight: -0.5 },
  { pattern: 'created', weight: -0.9 },
  { pattern: 'updated', weight: -0.9 },
  { pattern: 'modified', weight: -0.9 },
  { pattern: 'changed', weight: -0.9 },
  { pattern: 'approved', weight: -0.9 },
  { pattern: 'deleted', weight: -0.9 },
  { pattern: 'entered', weight: -0.9 },
  { pattern: 'reviewed', weight: -0.9 },
  { pattern: 'assigned', weight: -0.9 },
  { pattern: 'owned', weight: -0.9 },
  { pattern: 'sort', weight: -0.9 },
  { pattern: 'order', weight: -0.6 },
  { pattern: 'group', weight: -0.8 },
  ...ADDRESS_PART_COUNTER_HINTS,
];

export const city: Detector = {
  id: 'city',
  category: 'address.city',
  description: 'cities and towns',
  // A column of place names is also a list of sales territories or offices (and many names are
  // also people's or bands'): values alone never reach the reporting threshold.
  valueWeight: 0.45,
  match: cityScore,
  names: NAMES,
};
