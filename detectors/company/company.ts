import type { Detector, NameSignal } from '../../src/types.js';
import { organisationScore } from '../_shared/names/organisation.js';

/**
 * The organisation a data subject belongs to: a customer's or contact's company, an employee's
 * employer. The same words in a table about organisations only (shippers, offices, stores) are
 * not personal data, so the field-name hints count only in a container about people, and the
 * values alone (even `Hansen ApS`) never reach the reporting threshold: `valueWeight` is 0.5.
 */

const pc = (pattern: string, weight: number, lang: string): NameSignal => ({ pattern, weight, lang, when: 'person-context' });

const COMPANY_NAMES: readonly NameSignal[] = [
  pc('company', 0.9, 'en'),
  pc('company name', 0.9, 'en'),
  pc('companyname', 0.9, 'en'),
  pc('employer', 0.9, 'en'),
  pc('employer name', 0.9, 'en'),
  pc('organisation', 0.7, 'en'),
  pc('organization', 0.7, 'en'),
  pc('org', 0.5, 'en'),
  pc('org name', 0.8, 'en'),
  pc('business name', 0.8, 'en'),
  pc('account name', 0.5, 'en'),
  pc('customer name', 0.45, 'en'),
  pc('workplace', 0.6, 'en'),
  pc('firm', 0.7, 'en'),
  pc('firma', 0.85, 'da'),
  pc('firmanavn', 0.9, 'da'),
  pc('virksomhed', 0.85, 'da'),
  pc('virksomhedsnavn', 0.9, 'da'),
  pc('arbejdsgiver', 0.9, 'da'),
  pc('arbejdsplads', 0.7, 'da'),
  pc('bedrift', 0.85, 'no'),
  pc('bedriftsnavn', 0.9, 'no'),
  pc('arbeidsgiver', 0.9, 'no'),
  pc('foretag', 0.85, 'sv'),
  pc('foretagsnamn', 0.9, 'sv'),
  pc('arbetsgivare', 0.9, 'sv'),
  pc('unternehmen', 0.85, 'de'),
  pc('firmenname', 0.9, 'de'),
  pc('arbeitgeber', 0.9, 'de'),
  pc('bedrijf', 0.85, 'nl'),
  pc('bedrijfsnaam', 0.9, 'nl'),
  pc('werkgever', 0.9, 'nl'),
  pc('societe', 0.8, 'fr'),
  pc('entreprise', 0.8, 'fr'),
  pc('raison sociale', 0.9, 'fr'),
  pc('employeur', 0.9, 'fr'),
  pc('empresa', 0.85, 'es'),
  pc('razon social', 0.9, 'es'),
  pc('empleador', 0.9, 'es'),
  // On orders and invoices the billing and delivery parties are the customer (labelling rule 3),
  // wherever the table is: `billing_company`, `ship_to_company`. Northwind-style order tables put
  // the customer's company in `ship_name`; its values decide between a company and a person.
  { pattern: 'billing company', weight: 0.9, lang: 'en' },
  { pattern: 'bill to company', weight: 0.9, lang: 'en' },
  { pattern: 'invoice company', weight: 0.85, lang: 'en' },
  { pattern: 'shipping company', weight: 0.5, lang: 'en' },
  { pattern: 'ship to company', weight: 0.9, lang: 'en' },
  { pattern: 'delivery company', weight: 0.6, lang: 'en' },
  { pattern: 'customer company', weight: 0.9, lang: 'en' },
  { pattern: 'contact company', weight: 0.9, lang: 'en' },
  { pattern: 'faktura firma', weight: 0.85, lang: 'da' },
  { pattern: 'lev firma', weight: 0.8, lang: 'da' },
  { pattern: 'rechnung firma', weight: 0.85, lang: 'de' },
  { pattern: 'ship name', weight: 0.7, lang: 'en' },
  { pattern: 'shipname', weight: 0.7, lang: 'en' },
  // A bare `name` in a table about customers or suppliers names the party, which is a company as
  // often as a person (`debitor.navn`: `Nordsø Transport ApS`). The hint is weak; the values
  // decide: legal forms and business words make it a company, people's names leave it to person.name.
  pc('name', 0.45, 'en'),
  pc('navn', 0.45, 'da'),
  pc('namn', 0.45, 'sv'),
  pc('naam', 0.45, 'nl'),
  pc('nom', 0.45, 'fr'),
  pc('nombre', 0.45, 'es'),
];

/** Facts about a company that are not its name. */
const NOT_THE_NAME: readonly NameSignal[] = [
  'phone', 'fax', 'address', 'street', 'city', 'zip', 'postal', 'country', 'region', 'email', 'mail', 'url',
  'website', 'web', 'homepage', 'domain', 'logo', 'size', 'type', 'industry', 'sector', 'vat', 'cvr', 'registration',
  'number', 'nr', 'no', 'id', 'code', 'description', 'notes', 'count', 'revenue', 'employees', 'contact', 'title',
  'role', 'position', 'department', 'car', 'cars', 'policy',
  // Names of other things: a person's parts of a name, a login, a file, a product.
  'first', 'last', 'middle', 'given', 'family', 'full', 'maiden', 'nick', 'display', 'user', 'login', 'screen', 'file',
  'product', 'item', 'pet', 'fornavn', 'efternavn', 'etternavn', 'mellemnavn', 'fornamn', 'efternamn', 'vorname',
  'nachname', 'voornaam', 'achternaam', 'prenom', 'apellido*',
].map((pattern) => ({ pattern, weight: -0.85 }));

export const company: Detector = {
  id: 'company',
  category: 'company',
  description: 'company names',
  valueWeight: 0.5,
  match: organisationScore,
  names: [...COMPANY_NAMES, ...NOT_THE_NAME],
};
