import { describe, expect, it } from 'vitest';
import { classifyColumn } from './testing.js';

/**
 * Columns shaped like those of well-known sample schemas and typical Nordic business tables,
 * with hand-written synthetic values: the people detectors must agree with the labelling rules
 * beyond the dev datasets.
 */
describe('people columns in sample-schema shapes', () => {
  const cases: [string, string, string[], { personContext?: boolean; container?: string }, string | undefined][] = [
    ['customer company in a B2B customer table', 'customerName', ['Atelier graphique', 'Signal Gift Stores', 'Australian Collectors, Co.', 'La Rochelle Gifts', 'Baane Mini Imports', 'Mini Gifts Distributors Ltd.', 'Havel & Zbyszek Co', 'Mini Wheels Co.', 'Land of Toys Inc.'], { personContext: true, container: 'customers' }, 'company'],
    ['job titles with regions', 'jobTitle', ['President', 'VP Sales', 'VP Marketing', 'Sales Manager (APAC)', 'Sale Manager (EMEA)', 'Sales Manager (NA)', 'Sales Rep', 'Sales Rep'], { personContext: true, container: 'employees' }, 'job_title'],
    ['upper-case first names', 'first_name', ['PENELOPE', 'NICK', 'ED', 'JENNIFER', 'JOHNNY', 'BETTE', 'GRACE', 'MATTHEW', 'JOE'], { personContext: true, container: 'actor' }, 'person.first_name'],
    ['upper-case last names', 'last_name', ['GUINESS', 'WAHLBERG', 'CHASE', 'DAVIS', 'LOLLOBRIGIDA', 'NICHOLSON', 'MOSTEL', 'JOHANSSON', 'SWANK'], { personContext: true, container: 'actor' }, 'person.last_name'],
    ['film titles', 'title', ['ACADEMY DINOSAUR', 'ACE GOLDFINGER', 'ADAPTATION HOLES', 'AFFAIR PREJUDICE', 'AFRICAN EGG', 'AGENT TRUMAN', 'AIRPLANE SIERRA', 'ALABAMA DEVIL'], { container: 'film' }, undefined],
    ['courtesy titles under `Title`', 'Title', ['Mr.', 'Ms.', 'Mr.', 'Mr.', 'Ms.', 'Mrs.', 'Mr.'], { personContext: true, container: 'Person' }, 'gender'],
    ['middle names and initials', 'MiddleName', ['J', 'L', 'A', 'J.', 'M', 'R', 'Lee', 'C', 'E', 'B'], { personContext: true, container: 'Person' }, 'person.name'],
    ['name suffixes', 'Suffix', ['Jr.', 'Sr.', 'II', 'Jr.', 'III'], { personContext: true, container: 'Person' }, 'person.name'],
    ['a job lookup referenced by employees', 'job_title', ['President', 'Administration Vice President', 'Finance Manager', 'Accountant', 'Public Accountant', 'Purchasing Clerk', 'Stock Clerk', 'Programmer', 'Human Resources Representative'], { container: 'jobs' }, 'job_title'],
    ['department names', 'department_name', ['Administration', 'Marketing', 'Purchasing', 'Human Resources', 'Shipping', 'IT', 'Public Relations', 'Sales', 'Executive', 'Finance'], { container: 'departments' }, undefined],
    ['display names that are user handles', 'display_name', ['ndavolio', 'afuller', 'jlev', 'peacock_m', 'sbuchanan', 'msuyama'], { personContext: true, container: 'users' }, undefined],
    ['bands in an artist table', 'name', ['AC/DC', 'Accept', 'Aerosmith', 'Alanis Morissette', 'Alice In Chains', 'Apocalyptica', 'Audioslave', 'BackBeat', 'Billy Cobham', 'Black Label Society', 'Black Sabbath'], { personContext: true, container: 'artist' }, undefined],
    ['Danish customer names', 'navn', ['Søren Jensen', 'Mette Hansen', 'Lars Nielsen', 'Anne Pedersen', 'Jens Kristensen', 'Kirsten Larsen'], { personContext: true, container: 'kunder' }, 'person.name'],
    ['Danish customer companies', 'firma', ['Jensen Tømrer ApS', 'Hansen & Søn A/S', 'Nordisk Data ApS', 'Aarhus Bageri I/S', 'Lund Rådgivning'], { personContext: true, container: 'kunder' }, 'company'],
    ['Danish job titles', 'stilling', ['Salgschef', 'Administrerende direktør', 'IT-konsulent', 'Bogholder', 'Lagermedarbejder', 'Økonomichef'], { personContext: true, container: 'medarbejdere' }, 'job_title'],
    ['product names', 'name', ['Chai', 'Chang', 'Aniseed Syrup', "Chef Anton's Cajun Seasoning", "Grandma's Boysenberry Spread", "Uncle Bob's Organic Dried Pears", 'Mishi Kobe Niku', 'Ikura'], { container: 'products' }, undefined],
    ['film directors', 'director', ['Steven Spielberg', 'Martin Scorsese', 'Sofia Coppola', 'Lars von Trier', 'Susanne Bier', 'Thomas Vinterberg'], { container: 'films' }, 'person.name'],
    ['JSON given names', 'name.first', ['Nancy', 'Andrew', 'Janet', 'Margaret', 'Steven', 'Michael', 'Robert', 'Laura'], { personContext: true, container: 'contacts.json' }, 'person.first_name'],
    ['FHIR family names', 'name.family', ['Davolio', 'Fuller', 'Leverling', 'Peacock', 'Buchanan', 'Suyama', 'King', 'Callahan'], { personContext: true, container: 'patients.json' }, 'person.last_name'],
    ['billing company on orders', 'billing_company', ['Pallesen Smykker ApS', 'Nygaard Bil ApS', 'Söderberg Gruppen AB', 'Hald Sundhed A/S', 'Bak Elektronik ApS'], { container: 'orders' }, 'company'],
  ];
  it.each(cases)('%s', (_what, field, values, options, expected) => {
    expect(classifyColumn(field, values, options).category).toBe(expected);
  });
});
