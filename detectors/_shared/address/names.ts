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

/** Words in front that make an address part somebody's. */
const ROLES_BEFORE: readonly string[] = [
  // en
  'billing', 'bill', 'bill to', 'invoice', 'invoicing', 'ship', 'ship to', 'shipping', 'delivery', 'deliver to',
  'mailing', 'home', 'residential', 'residence', 'private', 'permanent', 'customer', 'cust', 'client', 'contact',
  'employee', 'emp', 'user', 'member', 'patient', 'student', 'person', 'personal', 'buyer', 'recipient', 'consignee',
  'guest', 'applicant', 'cardholder', 'owner', 'sender',
  // da/no/sv/de/nl
  'kunde', 'lev', 'levering', 'leverings', 'faktura', 'fakturerings', 'privat', 'hjemme', 'bopael', 'bopaels',
  'leverans', 'kund', 'hem', 'bostad', 'bostads', 'liefer', 'rechnungs', 'kunden', 'wohn', 'aflever', 'factuur',
  'woon', 'klant',
];

/** Words after (French, Spanish, Portuguese, Italian word order): `ville_livraison`, `direccion_envio`. */
const ROLES_AFTER: readonly string[] = [
  'livraison', 'facturation', 'client', 'envio', 'entrega', 'facturacion', 'cliente', 'consegna', 'fatturazione',
];

export interface AddressPart {
  readonly pattern: string;
  readonly weight: number;
  readonly lang?: string;
  /** Also generate the role combinations (the main words only: each adds ~55 patterns). */
  readonly roles?: boolean;
}

/**
 * Name signals for one address part: the plain words in person context, and for the main words
 * (`roles: true`) every role + word combination (and word + role) anywhere, at the same weight.
 */
export function addressPartSignals(parts: readonly AddressPart[]): NameSignal[] {
  const out: NameSignal[] = [];
  for (const { roles, ...part } of parts) {
    out.push({ ...part, when: 'person-context' });
    if (roles !== true || part.pattern.includes('*')) continue;
    for (const role of ROLES_BEFORE) out.push({ pattern: `${role} ${part.pattern}`, weight: part.weight });
    for (const role of ROLES_AFTER) out.push({ pattern: `${part.pattern} ${role}`, weight: part.weight });
  }
  return out;
}

/**
 * Names that say nothing about a column (`col3`, `c5`, `field_2`, `Unnamed: 4`, `kolonne3`), as
 * in an imported spreadsheet. In a record about people such a column is judged by its values:
 * this hint lifts strong value evidence over the reporting threshold there, and values that do
 * not match cancel it (the classifier damps a name the values contradict).
 */
export const GENERIC_FIELD_NAMES: readonly NameSignal[] = [
  'col', 'column', 'field', 'fld', 'attr', 'attribute', 'c', 'f', 'v', 'var', 'unnamed', 'kolonne', 'felt', 'spalte',
  'feld', 'kolumn', 'falt', 'kolom', 'veld', 'champ', 'colonne', 'campo', 'columna',
].map((pattern) => ({ pattern, weight: 0.45, when: 'person-context' as const }));

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
