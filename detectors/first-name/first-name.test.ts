import { Faker, base, da, de, en, es, fr, nb_NO, nl, sv } from '@faker-js/faker';
import { describe, expect, it } from 'vitest';
import { givenNameScore } from '../_shared/names/person.js';
import { classifyColumn, HOSTILE, share } from '../_shared/names/testing.js';
import { firstName } from './first-name.js';

const ctx = { defaultCountry: 'DK' };
const match = (v: string): number => Number(firstName.match?.(v, ctx) ?? 0);

describe('first-name values', () => {
  it.each([['Nancy'], ['Søren'], ['Jean-Pierre'], ['Mary Ann'], ['Åsa'], ['Jürgen'], ['Mette'], ['Frédérique'], ['LARS'], ['Ingrid'], ['Giovanni']])(
    'accepts %s',
    (v) => expect(match(v)).toBeGreaterThanOrEqual(0.7),
  );
  it.each([['Nancy Davolio'], ['Sales Manager'], ['Iron'], ['Gold'], ['Speedy Express'], ['12'], ['n/a'], ['Master']])('refuses %s', (v) =>
    expect(match(v)).toBeLessThan(0.5),
  );
  it('knows given names from many countries (synthetic, faker with a fixed seed)', () => {
    for (const [locale, seed] of [[en, 1], [de, 2], [da, 3], [sv, 4], [nb_NO, 5], [nl, 6], [fr, 7], [es, 8]] as const) {
      const f = new Faker({ locale: [locale, en, base] });
      f.seed(seed);
      const names = Array.from({ length: 200 }, () => f.person.firstName());
      expect(share(names, givenNameScore, 0.7), `locale ${String(locale.metadata?.code)}`).toBeGreaterThan(0.65);
    }
  });
  it('runs in linear time on hostile input', () => {
    for (const v of HOSTILE) {
      const t = performance.now();
      match(v);
      expect(performance.now() - t).toBeLessThan(50);
    }
  });
});

describe('first-name columns', () => {
  const names = ['Nancy', 'Andrew', 'Janet', 'Margaret', 'Steven', 'Michael', 'Robert', 'Laura', 'Anne', 'Søren', 'Mette', 'Jürgen'];
  it.each([['first_name'], ['FirstName'], ['fname'], ['given_name'], ['fornavn'], ['Vorname'], ['förnamn'], ['voornaam'], ['prénom'], ['contactFirstName']])(
    'finds %s',
    (field) => expect(classifyColumn(field, names, { personContext: true }).category).toBe('person.first_name'),
  );
  it('finds given names under `nombre` in a person table', () => {
    expect(classifyColumn('nombre', ['María', 'José', 'Carmen', 'Juan', 'Lucía', 'Javier'], { personContext: true }).category).toBe('person.first_name');
  });
  it('tells first names from last names and full names', () => {
    expect(classifyColumn('last_name', ['Davolio', 'Fuller', 'Leverling', 'Peacock', 'Buchanan', 'Suyama'], { personContext: true }).category).toBe('person.last_name');
    expect(classifyColumn('first_name', names, { personContext: true }).categories.map((c) => c.category)).not.toContain('person.name');
  });
  it('is not fooled by a column of words', () => {
    expect(classifyColumn('category', ['Beverages', 'Condiments', 'Confections', 'Dairy Products', 'Produce', 'Seafood']).personal).toBe(false);
  });
});
