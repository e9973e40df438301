import type { NameSignal } from '../../../src/types.js';

/**
 * Field-name hints shared by the address detectors.
 *
 * An address column means personal data only when the address is somebody's: a customer's,
 * an employee's, the delivery address of an order. A shop's, a branch's or a warehouse's
 * address has the same names and the same values (labelling rule 4: TRAP). So:
 * - the plain words (`address`, `city`, `zip`, `state`) count only in a container about people
 *   (`when: 'person-context'`, see src/engine/context.ts);
 * - the same words after a word that makes the address somebody's (`billing_city`,
 *   `ship_postal_code`, `lev_by`, `customer_zip`, `Lieferadresse`) or before one
 *   (`ville_livraison`, `direccion_envio`) count everywhere: order and invoice tables are not
 *   about people by their names, but their addresses are (labelling rule 3).
 */

/**
 * Words that make an address part somebody's, per language: in front in English and the Nordic,
 * German and Dutch languages (`billing_city`, `lev_postnr`, `Lieferadresse`), after it in the
 * Romance languages (`ville_livraison`, `direccion_envio`). Each part combines with the roles of
 * the languages it is written in, which keeps the number of patterns (and name-scoring time) low.
 */
const ROLES: Readonly<Record<string, { readonly before?: readonly string[]; readonly after?: readonly string[] }>> = {
  en: {
    before: [
      'billing', 'bill to', 'invoice', 'ship', 'ship to', 'shipping', 'delivery', 'mailing', 'home', 'customer', 'cust',
      'client', 'contact', 'employee', 'user', 'member', 'patient', 'student', 'person', 'residential',
    ],
  },
  da: { before: ['lev', 'levering', 'leverings', 'faktura', 'kunde', 'privat', 'hjemme'] },
  sv: { before: ['leverans', 'faktura', 'kund', 'hem', 'bostads'] },
  de: { before: ['liefer', 'rechnungs', 'kunden', 'wohn', 'privat'] },
  nl: { before: ['aflever', 'factuur', 'woon', 'klant'] },
  fr: { after: ['livraison', 'facturation', 'client'] },
  es: { after: ['envio', 'entrega', 'facturacion', 'cliente'] },
  pt: { after: ['entrega', 'cliente', 'cobranca'] },
  it: { after: ['consegna', 'fatturazione', 'cliente'] },
};

export interface AddressPart {
  readonly pattern: string;
  readonly weight: number;
  readonly lang?: string;
  /** Languages whose role words combine with this word (`['en']`, `['da', 'de']`). */
  readonly roles?: readonly string[];
}

/**
 * Name signals for one address part: the plain word in person context, and every role
 * combination of its `roles` languages anywhere, at the same weight.
 */
export function addressPartSignals(parts: readonly AddressPart[]): NameSignal[] {
  const out: NameSignal[] = [];
  for (const { roles, ...part } of parts) {
    out.push({ ...part, when: 'person-context' });
    for (const lang of roles ?? []) {
      for (const role of ROLES[lang]?.before ?? []) out.push({ pattern: `${role} ${part.pattern}`, weight: part.weight });
      for (const role of ROLES[lang]?.after ?? []) out.push({ pattern: `${part.pattern} ${role}`, weight: part.weight });
    }
  }
  return out;
}

/**
 * Names of things that are not a part of anyone's address, for every address detector: keys,
 * flags, counts, coordinates and settings. They override the positive hints (`city_id`,
 * `country_count`, `address_verified`, `zip_latitude`).
 */
export const ADDRESS_PART_COUNTER_HINTS: readonly NameSignal[] = [
  { pattern: 'id', weight: -0.9 },
  { pattern: 'ids', weight: -0.9 },
  { pattern: 'uuid', weight: -0.9 },
  { pattern: 'key', weight: -0.8 },
  { pattern: 'fk', weight: -0.9 },
  { pattern: 'type', weight: -0.8 },
  { pattern: 'kind', weight: -0.7 },
  { pattern: 'status', weight: -0.8 },
  { pattern: 'verified', weight: -0.9 },
  { pattern: 'valid', weight: -0.8 },
  { pattern: 'validated', weight: -0.8 },
  { pattern: 'is', weight: -0.7 },
  { pattern: 'has', weight: -0.7 },
  { pattern: 'flag', weight: -0.8 },
  { pattern: 'count', weight: -0.9 },
  { pattern: 'format', weight: -0.8 },
  { pattern: 'lat', weight: -0.9 },
  { pattern: 'latitude', weight: -0.9 },
  { pattern: 'lon', weight: -0.9 },
  { pattern: 'lng', weight: -0.9 },
  { pattern: 'longitude', weight: -0.9 },
  { pattern: 'coordinates', weight: -0.8 },
  { pattern: 'geom', weight: -0.8 },
  { pattern: 'geometry', weight: -0.8 },
  { pattern: 'population', weight: -0.9 },
  { pattern: 'timezone', weight: -0.8 },
  { pattern: 'tz', weight: -0.8 },
  { pattern: 'distance', weight: -0.8 },
  { pattern: 'radius', weight: -0.8 },
  { pattern: 'currency', weight: -0.9 },
  { pattern: 'language', weight: -0.8 },
  { pattern: 'locale', weight: -0.8 },
  { pattern: 'sales', weight: -0.6 },
  { pattern: 'territory', weight: -0.8 },
  { pattern: 'tax', weight: -0.6 },
  { pattern: 'rate', weight: -0.7 },
  { pattern: 'price', weight: -0.8 },
  { pattern: 'url', weight: -0.8 },
  { pattern: 'config', weight: -0.8 },
  { pattern: 'setting', weight: -0.7 },
  { pattern: 'settings', weight: -0.7 },
];

/**
 * A lookup of places reached from people's addresses (AdventureWorks `StateProvince` and
 * `CountryRegion`) names the place in a plain `name` column. In a container about people (lookups
 * inherit that, see src/engine/lookups.ts) the bare word is a weak hint for the region and country
 * detectors; the values decide, so a column of people's names gains nothing from it. Outside person
 * context (an office's country list) it does not count. The city detector does not use it: town
 * names are people's surnames too often (`Lincoln`, `Preston`).
 */
export const PLACE_NAME_IN_PERSON_CONTEXT: readonly NameSignal[] = [
  // French `nom` and Spanish `nombre` are a person's surname and given name: not listed.
  ...[['name', 'en'], ['navn', 'da'], ['namn', 'sv'], ['naam', 'nl']].map(
    ([pattern, lang]): NameSignal => ({ pattern: pattern as string, weight: 0.4, lang: lang as string, when: 'person-context' }),
  ),
  // Parts of a person's name (surnames are often towns: `Lincoln`, `Bristol`) and other names.
  ...['first name', 'last name', 'middle name', 'full name', 'given name', 'family name', 'maiden name', 'nick name',
    'display name', 'user name', 'contact name', 'customer name', 'company name', 'product name', 'file name'].map(
    (pattern): NameSignal => ({ pattern, weight: -0.9 }),
  ),
];
