import type { Detector, MatchContext, NameSignal } from '../../src/types.js';
import { ADDRESS_PART_COUNTER_HINTS, addressPartSignals } from '../_shared/address/names.js';
import { matchPostalCode } from '../_shared/address/postal.js';

/** Postal codes of ~190 countries (`2100`, `SW1A 1AA`, `T2P 5M5`, `1234 AB`, `123 45`, `01310-200`). */

/**
 * Value evidence for a postal code: 1 for formats with letters (`SW1A 1AA`, `T2P 5M5`, `9999 ZZ`),
 * 0.9 with a separator or country prefix (`123 45`, `00-358`, `94043-1351`, `DK-2100`), 0.7 for 5
 * digits, 0.6 for 4, less for 3, 6 and 7. Every country's format counts, so a column of customers
 * from 24 countries scores as high as a column from one.
 */
export function postalCodeScore(value: string, ctx: MatchContext): number {
  return matchPostalCode(value, ctx.defaultCountry)?.score ?? 0;
}

const NAMES: readonly NameSignal[] = [
  ...addressPartSignals([
    { pattern: 'zip', weight: 0.9, lang: 'en', roles: ['en'] },
    { pattern: 'zip code', weight: 0.95, lang: 'en', roles: ['en'] },
    { pattern: 'zip*', weight: 0.85, lang: 'en' },
    { pattern: 'postal code', weight: 0.95, lang: 'en', roles: ['en'] },
    { pattern: 'postal', weight: 0.75, lang: 'en' },
    { pattern: 'postcode', weight: 0.95, lang: 'en', roles: ['en', 'nl'] },
    { pattern: 'post code', weight: 0.95, lang: 'en' },
    { pattern: 'pincode', weight: 0.8, lang: 'en' },
    { pattern: 'eircode', weight: 0.95, lang: 'en' },
    { pattern: 'postnr', weight: 0.95, lang: 'da', roles: ['da', 'sv'] },
    { pattern: 'post nr', weight: 0.95, lang: 'da' },
    { pattern: 'postnummer', weight: 0.95, lang: 'da', roles: ['da', 'sv'] },
    { pattern: 'postnumre', weight: 0.9, lang: 'da' },
    { pattern: 'postkode', weight: 0.9, lang: 'no' },
    { pattern: 'plz', weight: 0.95, lang: 'de', roles: ['de'] },
    { pattern: 'postleitzahl', weight: 0.95, lang: 'de' },
    { pattern: 'postcode*', weight: 0.85, lang: 'nl' },
    { pattern: 'code postal', weight: 0.95, lang: 'fr', roles: ['fr'] },
    { pattern: 'cp', weight: 0.7, lang: 'fr' },
    { pattern: 'codigo postal', weight: 0.95, lang: 'es', roles: ['es', 'pt'] },
    { pattern: 'cod postal', weight: 0.9, lang: 'es' },
    { pattern: 'cep', weight: 0.85, lang: 'pt', roles: ['pt'] },
    { pattern: 'cap', weight: 0.5, lang: 'it' },
    { pattern: 'codice postale', weight: 0.95, lang: 'it' },
    { pattern: 'postinumero', weight: 0.95, lang: 'fi' },
    { pattern: 'kod pocztowy', weight: 0.95, lang: 'pl' },
  ]),
  // `zip` is also a compressed file; `postal` also a postal service.
  { pattern: 'file', weight: -0.9 },
  { pattern: 'archive', weight: -0.9 },
  { pattern: 'zipped', weight: -0.9 },
  { pattern: 'compressed', weight: -0.9 },
  { pattern: 'path', weight: -0.9 },
  { pattern: 'size', weight: -0.8 },
  { pattern: 'service', weight: -0.7 },
  { pattern: 'carrier', weight: -0.7 },
  { pattern: 'range', weight: -0.6 },
  ...ADDRESS_PART_COUNTER_HINTS,
];

export const postalCode: Detector = {
  id: 'postal-code',
  category: 'address.postal_code',
  description: 'postal codes',
  // `2100` is a Danish postal code, a year and a quantity: the field name has to say so.
  valueWeight: 0.4,
  match: postalCodeScore,
  names: NAMES,
};
