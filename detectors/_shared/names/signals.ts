import type { NameSignal } from '../../../src/types.js';

/**
 * Field-name hints shared by the people detectors. A field named for one part of a name
 * (`first_name`) is a counter-hint for the others, so `person.name`, `person.first_name` and
 * `person.last_name` never compete on the same column.
 */

export const FIRST_NAME_NAMES: readonly NameSignal[] = [
  { pattern: 'first name', weight: 0.95, lang: 'en' },
  { pattern: 'firstname', weight: 0.95, lang: 'en' },
  { pattern: 'fname', weight: 0.9, lang: 'en' },
  { pattern: 'f name', weight: 0.85, lang: 'en' },
  { pattern: 'given name', weight: 0.95, lang: 'en' },
  // JSON paths and FHIR-style records: `name.first`, `name.given`.
  { pattern: 'name first', weight: 0.85, lang: 'en' },
  { pattern: 'name given', weight: 0.85, lang: 'en' },
  { pattern: 'given', weight: 0.6, lang: 'en', when: 'person-context' },
  { pattern: 'givenname', weight: 0.95, lang: 'en' },
  { pattern: 'forename', weight: 0.95, lang: 'en' },
  { pattern: 'christian name', weight: 0.9, lang: 'en' },
  { pattern: 'fornavn', weight: 0.95, lang: 'da' },
  { pattern: 'fornavne', weight: 0.95, lang: 'da' },
  { pattern: 'vorname', weight: 0.95, lang: 'de' },
  { pattern: 'vornamen', weight: 0.95, lang: 'de' },
  { pattern: 'fornamn', weight: 0.95, lang: 'sv' },
  { pattern: 'tilltalsnamn', weight: 0.9, lang: 'sv' },
  { pattern: 'voornaam', weight: 0.95, lang: 'nl' },
  { pattern: 'voornamen', weight: 0.95, lang: 'nl' },
  { pattern: 'prenom', weight: 0.95, lang: 'fr' },
  { pattern: 'prenoms', weight: 0.95, lang: 'fr' },
  { pattern: 'primer nombre', weight: 0.9, lang: 'es' },
  { pattern: 'nombre', weight: 0.55, lang: 'es', when: 'person-context' },
  { pattern: 'nombres', weight: 0.7, lang: 'es', when: 'person-context' },
  { pattern: 'nome', weight: 0.55, lang: 'pt', when: 'person-context' },
  { pattern: 'primeiro nome', weight: 0.9, lang: 'pt' },
];

export const LAST_NAME_NAMES: readonly NameSignal[] = [
  { pattern: 'last name', weight: 0.95, lang: 'en' },
  { pattern: 'lastname', weight: 0.95, lang: 'en' },
  { pattern: 'lname', weight: 0.9, lang: 'en' },
  { pattern: 'l name', weight: 0.85, lang: 'en' },
  { pattern: 'surname', weight: 0.95, lang: 'en' },
  { pattern: 'name last', weight: 0.85, lang: 'en' },
  { pattern: 'name family', weight: 0.85, lang: 'en' },
  { pattern: 'family', weight: 0.6, lang: 'en', when: 'person-context' },
  { pattern: 'family name', weight: 0.95, lang: 'en' },
  { pattern: 'familyname', weight: 0.95, lang: 'en' },
  { pattern: 'maiden name', weight: 0.9, lang: 'en' },
  { pattern: 'efternavn', weight: 0.95, lang: 'da' },
  { pattern: 'pigenavn', weight: 0.9, lang: 'da' },
  { pattern: 'etternavn', weight: 0.95, lang: 'no' },
  { pattern: 'efternamn', weight: 0.95, lang: 'sv' },
  { pattern: 'nachname', weight: 0.95, lang: 'de' },
  { pattern: 'familienname', weight: 0.95, lang: 'de' },
  { pattern: 'geburtsname', weight: 0.9, lang: 'de' },
  { pattern: 'achternaam', weight: 0.95, lang: 'nl' },
  { pattern: 'nom de famille', weight: 0.95, lang: 'fr' },
  { pattern: 'nom', weight: 0.5, lang: 'fr', when: 'person-context' },
  { pattern: 'apellido', weight: 0.95, lang: 'es' },
  { pattern: 'apellidos', weight: 0.95, lang: 'es' },
  { pattern: 'sobrenome', weight: 0.95, lang: 'pt' },
  { pattern: 'cognome', weight: 0.95, lang: 'it' },
];

export const FULL_NAME_NAMES: readonly NameSignal[] = [
  { pattern: 'full name', weight: 0.95, lang: 'en' },
  { pattern: 'fullname', weight: 0.95, lang: 'en' },
  { pattern: 'complete name', weight: 0.9, lang: 'en' },
  { pattern: 'person name', weight: 0.9, lang: 'en' },
  { pattern: 'contact name', weight: 0.9, lang: 'en' },
  { pattern: 'contact person', weight: 0.9, lang: 'en' },
  { pattern: 'contactperson', weight: 0.9, lang: 'en' },
  { pattern: 'contact', weight: 0.5, lang: 'en', when: 'person-context' },
  { pattern: 'employee name', weight: 0.9, lang: 'en' },
  { pattern: 'customer name', weight: 0.5, lang: 'en' },
  { pattern: 'client name', weight: 0.5, lang: 'en' },
  { pattern: 'owner name', weight: 0.7, lang: 'en' },
  { pattern: 'recipient name', weight: 0.8, lang: 'en' },
  { pattern: 'billing name', weight: 0.7, lang: 'en' },
  { pattern: 'ship name', weight: 0.45, lang: 'en' },
  { pattern: 'ship to name', weight: 0.6, lang: 'en' },
  { pattern: 'card holder', weight: 0.85, lang: 'en' },
  { pattern: 'cardholder', weight: 0.85, lang: 'en' },
  { pattern: 'account holder', weight: 0.8, lang: 'en' },
  { pattern: 'middle name', weight: 0.9, lang: 'en' },
  { pattern: 'mname', weight: 0.85, lang: 'en' },
  { pattern: 'middle initial', weight: 0.85, lang: 'en' },
  { pattern: 'middlename', weight: 0.9, lang: 'en' },
  { pattern: 'second name', weight: 0.8, lang: 'en' },
  { pattern: 'name suffix', weight: 0.85, lang: 'en' },
  { pattern: 'suffix', weight: 0.6, lang: 'en', when: 'person-context' },
  { pattern: 'display name', weight: 0.45, lang: 'en' },
  { pattern: 'name', weight: 0.4, lang: 'en', when: 'person-context' },
  { pattern: 'composer', weight: 0.7, lang: 'en' },
  { pattern: 'songwriter', weight: 0.7, lang: 'en' },
  { pattern: 'lyricist', weight: 0.7, lang: 'en' },
  { pattern: 'author', weight: 0.5, lang: 'en' },
  { pattern: 'director', weight: 0.4, lang: 'en', when: 'no-person-context' },
  { pattern: 'actor', weight: 0.5, lang: 'en' },
  { pattern: 'navn', weight: 0.4, lang: 'da', when: 'person-context' },
  { pattern: 'fulde navn', weight: 0.95, lang: 'da' },
  { pattern: 'fuldt navn', weight: 0.95, lang: 'da' },
  { pattern: 'fullt navn', weight: 0.95, lang: 'no' },
  { pattern: 'kontaktperson', weight: 0.9, lang: 'da' },
  { pattern: 'kontakt navn', weight: 0.9, lang: 'da' },
  { pattern: 'kontaktnavn', weight: 0.9, lang: 'da' },
  { pattern: 'mellemnavn', weight: 0.9, lang: 'da' },
  { pattern: 'mellomnavn', weight: 0.9, lang: 'no' },
  { pattern: 'namn', weight: 0.4, lang: 'sv', when: 'person-context' },
  { pattern: 'fullstandigt namn', weight: 0.95, lang: 'sv' },
  { pattern: 'mellannamn', weight: 0.9, lang: 'sv' },
  { pattern: 'ansprechpartner', weight: 0.9, lang: 'de' },
  { pattern: 'vollstandiger name', weight: 0.95, lang: 'de' },
  { pattern: 'naam', weight: 0.4, lang: 'nl', when: 'person-context' },
  { pattern: 'volledige naam', weight: 0.95, lang: 'nl' },
  { pattern: 'contactpersoon', weight: 0.9, lang: 'nl' },
  { pattern: 'tussenvoegsel', weight: 0.8, lang: 'nl' },
  { pattern: 'nom complet', weight: 0.95, lang: 'fr' },
  { pattern: 'nombre completo', weight: 0.95, lang: 'es' },
  { pattern: 'nombre', weight: 0.5, lang: 'es', when: 'person-context' },
  { pattern: 'nome completo', weight: 0.95, lang: 'pt' },
  { pattern: 'nome', weight: 0.5, lang: 'pt', when: 'person-context' },
];

/** Words in a field name that say "the name of a thing", not of a person. */
export const THING_NAME_COUNTER_HINTS: readonly NameSignal[] = [
  'company', 'firm', 'firma', 'firmanavn', 'virksomhed', 'business', 'organisation', 'organization', 'org',
  'product', 'produkt', 'item', 'article', 'artikel', 'category', 'kategori', 'genre', 'album', 'track', 'song',
  'playlist', 'artist', 'band', 'media', 'file', 'table', 'column', 'field', 'schema', 'database', 'host',
  'server', 'domain', 'city', 'by', 'country', 'land', 'street', 'region', 'state', 'territory', 'store', 'shop',
  'brand', 'model', 'type', 'status', 'code', 'tag', 'project', 'team', 'group', 'role', 'department', 'afdeling',
  'event', 'place', 'location', 'venue', 'hotel', 'restaurant', 'bank', 'building', 'room', 'course', 'title',
  'user name', 'username', 'login', 'shipper', 'supplier', 'vendor', 'carrier', 'plan', 'service', 'app',
  'application', 'device', 'template', 'queue', 'job', 'task', 'school', 'skole', 'university', 'institution',
].map((pattern) => ({ pattern, weight: -0.85 }));

const counter = (signals: readonly NameSignal[], weight: number): NameSignal[] =>
  signals.filter((s) => s.when === undefined).map((s) => ({ pattern: s.pattern, weight, ...(s.lang ? { lang: s.lang } : {}) }));

/** The other parts of a name, as counter-hints for a detector of one part. */
export const NOT_FIRST_NAME = [...counter(LAST_NAME_NAMES, -0.9), { pattern: 'middle', weight: -0.9 }, { pattern: 'full name', weight: -0.9 }];
export const NOT_LAST_NAME = [...counter(FIRST_NAME_NAMES, -0.9), { pattern: 'middle', weight: -0.9 }, { pattern: 'full name', weight: -0.9 }];
export const NOT_FULL_NAME = [
  ...counter(FIRST_NAME_NAMES, -0.9),
  ...counter(LAST_NAME_NAMES, -0.9),
  { pattern: 'given', weight: -0.9 },
  { pattern: 'family', weight: -0.9 },
];
