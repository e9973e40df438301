import { postcodeValidator, postcodeValidatorExistsForCountry } from 'postcode-validator';
import { boundedTrim } from './fold.js';

/**
 * Postal codes of ~190 countries, checked with the per-country formats of `postcode-validator`
 * (`SW1A 1AA`, `T2P 5M5`, `1234 AB`, `123 45`, `01310-200`, `00-358`, `1000-001`, `94043-1351`…).
 *
 * Testing every country's pattern on every value would be slow, so values are first reduced to a
 * shape (`A9A 9A9`, `99999`) and each shape is tested once against every country with a stand-in
 * value; a real value is then checked only against the countries its shape fits.
 */

/**
 * `DK-2100`, `S-958 22`, `CH-3012`, `D-70174`: a country prefix some writers put in front.
 * Two letters at most, so `ORD-12345` stays an order number.
 */
const COUNTRY_PREFIX = /^[A-Z]{1,2}-(?=\d)/;
const MAX_LENGTH = 16;
/** `1987`, `2024`: four digits that are far more often a year than a postal code. */
const YEAR = /^(?:19|20)\d\d$/;

/** Every country the validator knows, except its catch-all `INTL` and the `UK` alias of `GB`. */
const COUNTRIES: readonly string[] = (() => {
  const out: string[] = [];
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const cc = String.fromCharCode(a, b);
      if (cc !== 'UK' && postcodeValidatorExistsForCountry(cc)) out.push(cc);
    }
  }
  return out;
})();

const candidatesByShape = new Map<string, readonly string[]>();

/**
 * Countries whose format can fit a shape. Stand-ins use digits and letters every format of that
 * shape allows (`1`/`5`, `A`/`B`); formats fixed to one place (`GX11 1AA`, `LI 9485`) are left out
 * and so are found only through the wider formats of their neighbours.
 */
function candidates(shape: string): readonly string[] {
  let list = candidatesByShape.get(shape);
  if (list === undefined) {
    const standIns = [shape.replace(/9/g, '1'), shape.replace(/9/g, '5').replace(/A/g, 'B'), shape.replace(/9/g, '0').replace(/A/g, 'N')];
    list = COUNTRIES.filter((cc) => standIns.some((s) => postcodeValidator(s, cc)));
    // Shapes are few (each is short and made of 4 symbols), so the cache stays small.
    if (candidatesByShape.size < 5000) candidatesByShape.set(shape, list);
  }
  return list;
}

export interface PostalCodeMatch {
  /** In (0, 1]: how much the value's form alone says "postal code". */
  readonly score: number;
  /** The first country whose format fits (the default country first). */
  readonly country: string;
}

/**
 * Is the value a postal code of some country? Formats with letters (`SW1A 1AA`, `1234 AB`) or a
 * separator (`123 45`, `01310-200`) say more than bare digits: `2100` is a Danish postal code and
 * also a year, a quantity or an id.
 */
export function matchPostalCode(value: string, defaultCountry: string): PostalCodeMatch | undefined {
  const trimmed = boundedTrim(value, MAX_LENGTH);
  if (trimmed === undefined || trimmed.length < 3) return undefined;
  let v = trimmed.toUpperCase();
  let prefixed = false;
  const prefix = COUNTRY_PREFIX.exec(v);
  if (prefix) {
    v = v.slice(prefix[0].length);
    prefixed = true;
  }
  if (v.length < 3 || v.length > 10) return undefined;

  let shape = '';
  let letters = 0;
  let digits = 0;
  let separators = 0;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      shape += '9';
      digits++;
    } else if (c >= 65 && c <= 90) {
      shape += 'A';
      letters++;
    } else if (c === 32 || c === 45) {
      if (i === 0 || shape.endsWith(' ') || shape.endsWith('-')) return undefined;
      shape += c === 32 ? ' ' : '-';
      separators++;
    } else {
      return undefined;
    }
  }
  if (digits < 2 || separators > 1) return undefined;

  const fits = candidates(shape);
  let country: string | undefined;
  if (fits.includes(defaultCountry) && postcodeValidator(v, defaultCountry)) country = defaultCountry;
  else country = fits.find((cc) => postcodeValidator(v, cc));
  if (country === undefined) return undefined;

  let score: number;
  if (letters > 0) score = 1;
  else if (separators > 0 || prefixed) score = 0.9;
  else if (digits === 4 && YEAR.test(v)) score = 0.3;
  // Bare digits in the format of the country being scanned are the likelier postal codes.
  else if (country === defaultCountry && digits >= 4) score = 0.8;
  else if (digits === 5) score = 0.7;
  else if (digits === 4) score = 0.6;
  else if (digits === 6) score = 0.5;
  else score = 0.3;
  return { score, country };
}
