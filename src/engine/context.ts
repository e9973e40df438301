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
  'signup*', 'registration*', 'newsletter*', 'consent*',
  // Danish, German, Swedish, Norwegian, Dutch, French, Spanish
  'kunde*', 'kontakt*', 'medarbejder*', 'ansat*', 'ansatte', 'bruger*', 'person*', 'medlem*',
  'mitarbeiter*', 'benutzer*', 'nutzer*', 'kund*', 'anstallda', 'anvandare', 'brukere', 'klant*',
  'medewerker*', 'gebruiker*', 'personeel', 'utilisateur*', 'employe*', 'clientes', 'usuario*', 'empleado*',
];

/** Field names that only a record about a person has. */
const PERSON_FIELD_WORDS: readonly string[] = [
  'first name', 'firstname', 'last name', 'lastname', 'surname', 'given name', 'family name', 'full name',
  'contact name', 'contact person', 'birth*', 'date of birth', 'dob', 'email', 'e mail', 'fornavn', 'efternavn',
  'mellemnavn', 'foedselsdato', 'vorname', 'nachname', 'geburts*', 'fornamn', 'efternamn', 'etternavn',
  'voornaam', 'achternaam', 'prenom', 'nom de famille', 'nombre', 'apellido*', 'gender', 'sex', 'cpr*',
  'ssn', 'title of courtesy', 'salutation', 'anrede', 'hire date', 'mobile', 'mobil', 'mobiltelefon',
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
  return fieldNames.some((f) => {
    const ft = tokenize(f);
    return PERSON_FIELD_WORDS.some((w) => matchesPattern(ft, w));
  });
}
