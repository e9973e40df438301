import { matchesPattern, tokenize } from './field-name.js';

/**
 * Does a container hold records about people? The answer changes what some names mean:
 * `title` is a job title in `employee` and a thing's name in `album`; `name` is a person in
 * `customer` and a band in `artist` (see docs/detectors.md, "Person context").
 */

/** Container names that say "one row per person". */
const PERSON_CONTAINER_WORDS: readonly string[] = [
  'customer*', 'client*', 'contact*', 'employee*', 'staff', 'person*', 'people', 'user*', 'member*',
  'subscriber*', 'account*', 'profile*', 'lead*', 'prospect*', 'patient*', 'student*', 'applicant*',
  'candidate*', 'recipient*', 'guest*', 'passenger*', 'driver*', 'author*', 'owner*', 'worker*',
  'signup*', 'registration*', 'newsletter*', 'consent*', 'actor*', 'actress*', 'teacher*', 'doctor*', 'nurse*',
  'volunteer*', 'donor*', 'borrower*', 'tenant*', 'visitor*', 'attendee*', 'participant*', 'respondent*',
  'salesperson*', 'salesrep*', 'representative*', 'agent*', 'player*', 'athlete*', 'citizen*', 'resident', 'residents',
  'beneficiar*', 'policyholder*', 'insured', 'personnel', 'emp', 'employment*', 'payroll*', 'spouse*',
  'dependant*', 'dependent*', 'traveller*', 'traveler*', 'buyer*', 'shopper*', 'pupil*',
  // Danish, German, Swedish, Norwegian, Dutch, French, Spanish
  'kunde*', 'kontakt*', 'medarbejder*', 'ansat*', 'ansatte', 'bruger*', 'person*', 'medlem*',
  'mitarbeiter*', 'benutzer*', 'nutzer*', 'kund*', 'anstallda', 'anvandare', 'brukere', 'klant*',
  'medewerker*', 'gebruiker*', 'personeel', 'utilisateur*', 'employe*', 'clientes', 'usuario*', 'empleado*',
  'elev', 'elever', 'borger*', 'patienter', 'deltager*', 'lejer*', 'frivillig*', 'personale*', 'kontaktperson*',
  'mitglied*', 'teilnehmer*', 'patienten', 'schuler*', 'mieter*', 'ansprechpartner*', 'personal', 'medlemmar',
  'deltagare', 'hyresgast*', 'leden', 'deelnemer*', 'huurder*', 'werknemer*', 'salarie*', 'adherent*',
  'membre*', 'personne*', 'eleve*', 'locataire*', 'socio*', 'miembro*', 'alumno*', 'paciente*', 'funcionario*',
];

/** Field names that only a record about a person has. */
const PERSON_FIELD_WORDS: readonly string[] = [
  'first name', 'firstname', 'fname', 'last name', 'lastname', 'lname', 'surname', 'given name', 'family name',
  'full name', 'contact name', 'contact person', 'birth*', 'date of birth', 'dob', 'fornavn', 'efternavn',
  'mellemnavn', 'foedselsdato', 'vorname', 'nachname', 'geburts*', 'fornamn', 'efternamn', 'etternavn',
  'voornaam', 'achternaam', 'prenom', 'nom de famille', 'nombre completo', 'primer nombre', 'apellido*', 'gender',
  'sex', 'cpr*', 'ssn', 'title of courtesy', 'salutation', 'anrede', 'hire date',
  // Contact-person columns make a table a person table (labelling rule 4), even when mostly empty.
  'contact title', 'contact first name', 'contact last name', 'contact email', 'kontaktperson', 'ansprechpartner',
  'contactpersoon', 'middle name', 'maiden name', 'job title', 'jobtitle', 'home phone', 'home address',
  'personal email', 'private email', 'nationality', 'marital status', 'civil status', 'passport*', 'national id',
  'social security', 'emergency contact', 'birthday', 'foedselsdag', 'fodelsedatum', 'geburtstag', 'personnummer',
  'foedselsnummer', 'fodselsnummer', 'bsn', 'courtesy title', 'honorific', 'tiltale', 'koen', 'kjoenn',
  'geschlecht', 'geslacht', 'sexe', 'sexo', 'pigenavn', 'mellomnavn', 'mellannamn', 'apellidos', 'sobrenome',
  'cognome', 'stillingsbetegnelse', 'salary',
];

/**
 * Field names that people's records have, but so do organisations' (`email`, `mobile`): they
 * count only when the container is not named for an organisation.
 */
const SHARED_FIELD_WORDS: readonly string[] = ['email', 'e mail', 'mobile', 'mobil', 'mobiltelefon'];

/**
 * Container names for organisation-only records (labelling rule 4): warehouses, stores, offices,
 * shippers. Their `name`, `email` and `phone` belong to the organisation, unless the table also
 * has a contact person's columns.
 */
const ORGANISATION_CONTAINER_WORDS: readonly string[] = [
  'warehouse*', 'store', 'stores', 'shop', 'shops', 'office', 'offices', 'branch', 'branches', 'shipper*',
  'carrier*', 'supplier*', 'vendor*', 'location*', 'site', 'sites', 'depot*', 'facility', 'facilities', 'plant',
  'plants', 'region*', 'territor*', 'department*', 'division*', 'company', 'companies', 'organisation*',
  'organization*', 'venue*', 'premises',
  // Danish, German, Swedish, Norwegian, Dutch, French, Spanish
  'lager*', 'butik*', 'butikk*', 'filial*', 'afdeling*', 'avdeling*', 'kontor*', 'lokale*', 'lokaler', 'firma*',
  'virksomhed*', 'leverandoer*', 'niederlassung*', 'standort*', 'filiale*', 'firmen', 'unternehmen', 'lieferant*',
  'magazijn*', 'winkel*', 'vestiging*', 'entrepot*', 'magasin*', 'agence*', 'almacen*', 'tienda*', 'sucursal*',
  'empresa*', 'proveedor*',
  // Machines: a server inventory's addresses are the company's infrastructure.
  'server*', 'host', 'hosts', 'node', 'nodes',
];

export function containerTokens(containerName: string): string[] {
  // Files: the base name without extension says what the rows are.
  const base = containerName.split(/[\\/]/).pop() ?? containerName;
  return tokenize(base.replace(/\.[a-z0-9]+$/i, ''));
}

/** Evidence from names alone; the engine may add value evidence (a column full of e-mails). */
export function personContextFromNames(containerName: string, fieldNames: readonly string[]): boolean {
  const ct = containerTokens(containerName);
  if (PERSON_CONTAINER_WORDS.some((w) => matchesPattern(ct, w))) return true;
  const fields = fieldNames.map((f) => tokenize(f));
  if (fields.some((ft) => PERSON_FIELD_WORDS.some((w) => matchesPattern(ft, w)))) return true;
  if (ORGANISATION_CONTAINER_WORDS.some((w) => matchesPattern(ct, w))) return false;
  return fields.some((ft) => SHARED_FIELD_WORDS.some((w) => matchesPattern(ft, w)));
}

/**
 * The container is named for organisations (warehouses, stores, shippers) and has no column
 * meant for a person: its e-mail addresses and phone numbers are the organisation's, so they
 * should not make the engine treat its rows as people (labelling rule 4).
 */
export function organisationOnlyFromNames(containerName: string, fieldNames: readonly string[]): boolean {
  const ct = containerTokens(containerName);
  if (PERSON_CONTAINER_WORDS.some((w) => matchesPattern(ct, w))) return false;
  if (!ORGANISATION_CONTAINER_WORDS.some((w) => matchesPattern(ct, w))) return false;
  return !fieldNames.some((f) => {
    const ft = tokenize(f);
    return PERSON_FIELD_WORDS.some((w) => matchesPattern(ft, w));
  });
}

/** Container names that say "this records employment" on their own. */
const EMPLOYMENT_CONTAINER_WORDS: readonly string[] = [
  'employee*', 'emp', 'staff', 'personnel', 'salar*', 'payroll*', 'pay history', 'payhistory', 'wage*', 'employment*',
  'job history', 'dept emp', 'dept manager', 'worker*',
  // da, no, sv, de, nl, fr, es
  'medarbejder*', 'ansat*', 'ansatt*', 'ansaettelse*', 'ansettelse*', 'arbeidsforhold*', 'anstallning*', 'anstallda',
  'loen*', 'lonn*', 'lon', 'loner', 'lohn*', 'gehalt*', 'mitarbeiter*', 'beschaeftigung*', 'personal', 'werknemer*',
  'salaris*', 'dienstverband*', 'salarie*', 'empleado*', 'nomina*',
];
/** Names of tables about jobs and departments: employment records when they also carry an employee key. */
const JOB_CONTAINER_WORDS: readonly string[] = ['title*', 'job*', 'position*', 'dept*', 'department*', 'contract*', 'history', 'assignment*', 'stilling*', 'afdeling*', 'avdeling*', 'abteilung*'];
const EMPLOYEE_KEY_WORDS: readonly string[] = [
  'emp no', 'emp id', 'empno', 'employee*', 'staff id', 'staff no', 'worker id', 'medarbejder*', 'ansat*', 'ansatt*',
  'mitarbeiter*', 'personalnummer', 'personalnr', 'personnummer ansatt', 'werknemer*',
];

/**
 * Does the container record employment? Then dates and amounts with generic names
 * (`from_date`, `to_date`, `start_date`, `rate`) are employment periods and pay (labelling rule 8).
 */
export function employmentContextFromNames(containerName: string, fieldNames: readonly string[]): boolean {
  const ct = containerTokens(containerName);
  const hasEmployeeKey = (): boolean =>
    fieldNames.some((f) => {
      const ft = tokenize(f);
      return EMPLOYEE_KEY_WORDS.some((w) => matchesPattern(ft, w));
    });
  if (EMPLOYMENT_CONTAINER_WORDS.some((w) => matchesPattern(ct, w))) {
    // A catalogue of pay types (`lonnsart`, `wage_types`) describes pay, not anyone's: it needs an employee key.
    return !CATALOGUE_WORDS.some((w) => matchesPattern(ct, w)) || hasEmployeeKey();
  }
  return JOB_CONTAINER_WORDS.some((w) => matchesPattern(ct, w)) && hasEmployeeKey();
}

const CATALOGUE_WORDS: readonly string[] = ['*art', '*arten', 'type', 'types', 'kind*', 'code', 'codes', 'kode*', 'catalog*', 'katalog*', 'category', 'categories', 'kategori*'];
