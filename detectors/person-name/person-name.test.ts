import { Faker, base, da, de, en, es, fr, nb_NO, nl, sv } from '@faker-js/faker';
import { describe, expect, it } from 'vitest';
import { classifyColumn, HOSTILE, share } from '../_shared/names/testing.js';
import { personNameMatch } from './person-name.js';

const fakerFor = (locale: typeof en, seed: number): Faker => {
  const f = new Faker({ locale: [locale, en, base] });
  f.seed(seed);
  return f;
};

describe('person-name values', () => {
  it.each([
    ['Nancy Davolio'],
    ['Andrew Fuller'],
    ['Davolio, Nancy'],
    ['J. Smith'],
    ['J.C. Fogerty'],
    ['Isabel de Castro'],
    ['Ludwig van Beethoven'],
    ['Ursula von der Leyen'],
    ['Dr. Anna-Lena Müller-Schmidt'],
    ['John Smith, Jr.'],
    ['Søren Sørensen'],
    ['Jørgen Kristensen'],
    ['Åsa Lindqvist'],
    ['Frédérique Citeaux'],
    ['María José García López'],
    ['NANCY DAVOLIO'],
    ['Angus Young, Malcolm Young, Brian Johnson'],
    ['Steven Tyler/Joe Perry'],
    ['Gilberto Gil e Caetano Veloso'],
  ])('accepts %s', (v) => {
    expect(personNameMatch(v)).toBeGreaterThanOrEqual(0.5);
  });

  it.each([
    ['Led Zeppelin'],
    ['The Rolling Stones'],
    ["Chef Anton's Cajun Seasoning"],
    ['Queen'],
    ['Iron Maiden'],
    ['Mozart Gold'],
    ['For Those About To Rock'],
    ['For Those About To Rock We Salute You'],
    ['Master of Puppets'],
    ['Pink Floyd'],
    ['Deep Purple'],
    ['Black Sabbath'],
    ['Pearl Jam'],
    ['Green Day'],
    ['Red Hot Chili Peppers'],
    ['Sales Manager'],
    ['Vice President, Sales'],
    ['Head of Marketing'],
    ['Administrerende direktør'],
    ['Hansen & Co ApS'],
    ['Jensen Consulting A/S'],
    ['Speedy Express'],
    ['Federal Shipping'],
    ['Ana Trujillo Emparedados y helados'],
    ['Obere Str. 57'],
    ['12 Main Street'],
    ['nancy.davolio@example.com'],
    ['2021-03-04'],
    [''],
  ])('refuses %s', (v) => {
    expect(personNameMatch(v)).toBeLessThan(0.5);
  });

  it('knows full names from many countries (synthetic, faker with a fixed seed)', () => {
    for (const [locale, seed] of [[en, 1], [de, 2], [da, 3], [sv, 4], [nb_NO, 5], [nl, 6], [fr, 7], [es, 8]] as const) {
      const f = fakerFor(locale, seed);
      const names = Array.from({ length: 200 }, () => `${f.person.firstName()} ${f.person.lastName()}`);
      expect(share(names, personNameMatch), `locale ${String(locale.metadata?.code)}`).toBeGreaterThan(0.8);
    }
  });

  it('scores middle-name initials and suffixes, which are parts of full names', () => {
    expect(personNameMatch('J.')).toBeGreaterThan(0.5);
    expect(personNameMatch('Jr.')).toBeGreaterThan(0.5);
  });
});

describe('person-name columns', () => {
  const f = fakerFor(en, 11);
  const people = Array.from({ length: 60 }, () => f.person.fullName({ sex: f.helpers.arrayElement(['female', 'male']) }).replace(/^(?:Mr|Mrs|Ms|Miss|Dr)\.? /, ''));

  it('finds full names under person name words, in any language', () => {
    for (const field of ['contact_name', 'ContactName', 'full_name', 'fuldt_navn', 'kontaktperson', 'Ansprechpartner', 'nombre_completo', 'naam']) {
      expect(classifyColumn(field, people, { personContext: true }).category, field).toBe('person.name');
    }
  });

  it('reads `name` as a person only in a container about people', () => {
    expect(classifyColumn('name', people, { personContext: true }).category).toBe('person.name');
    const bands = ['Led Zeppelin', 'Iron Maiden', 'Queen', 'The Rolling Stones', 'Pink Floyd', 'Deep Purple', 'Eric Clapton', 'Black Sabbath', 'Pearl Jam', 'Green Day'];
    expect(classifyColumn('name', bands, { container: 'artist' }).personal).toBe(false);
  });

  it('finds people in credits', () => {
    const credits = ['Angus Young, Malcolm Young, Brian Johnson', 'Steven Tyler, Joe Perry', 'Jimi Hendrix', 'Billy Corgan', 'Jagger/Richards', 'Kurt Cobain', 'Eric Clapton', 'U2', 'Bob Dylan'];
    expect(classifyColumn('composer', credits, { container: 'track' }).category).toBe('person.name');
  });

  it('leaves first and last name columns to their own detectors', () => {
    const firsts = people.map((p) => p.split(' ')[0] ?? '');
    expect(classifyColumn('first_name', firsts, { personContext: true }).category).toBe('person.first_name');
  });

  it('does not take titles, products or companies for people', () => {
    const albums = ['For Those About To Rock We Salute You', 'Master of Puppets', 'Let There Be Rock', 'Big Ones', 'Jagged Little Pill', 'Facelift', 'Restless and Wild'];
    expect(classifyColumn('title', albums, { container: 'album' }).personal).toBe(false);
    const products = ["Chef Anton's Cajun Seasoning", 'Chai', 'Aniseed Syrup', 'Mozart Gold', "Grandma's Boysenberry Spread", 'Queso Cabrales'];
    expect(classifyColumn('product_name', products, { container: 'products' }).personal).toBe(false);
  });

  it('runs in linear time on hostile input', () => {
    for (const v of HOSTILE) {
      const t = performance.now();
      personNameMatch(v);
      expect(performance.now() - t).toBeLessThan(50);
    }
  });
});
