import { Faker, base, da, de, en, es, fr, nb_NO, nl, sv } from '@faker-js/faker';
import { describe, expect, it } from 'vitest';
import { surnameScore } from '../_shared/names/person.js';
import { classifyColumn, HOSTILE, share } from '../_shared/names/testing.js';
import { lastName } from './last-name.js';

const ctx = { defaultCountry: 'DK' };
const match = (v: string): number => Number(lastName.match?.(v, ctx) ?? 0);

describe('last-name values', () => {
  it.each([['Davolio'], ['Sørensen'], ['van der Berg'], ["O'Brien"], ['García López'], ['Müller-Schmidt'], ['Lindqvist'], ['Nguyen'], ['SMITH'], ['Kowalczyk']])(
    'accepts %s',
    (v) => expect(match(v)).toBeGreaterThanOrEqual(0.45),
  );
  it.each([['Nancy Davolio'], ['Sales Manager'], ['Seasoning'], ['Iron Maiden'], ['12'], ['n/a'], ['the']])('refuses %s', (v) =>
    expect(match(v)).toBeLessThan(0.45),
  );
  it('knows surnames from many countries (synthetic, faker with a fixed seed)', () => {
    for (const [locale, seed] of [[en, 1], [de, 2], [da, 3], [sv, 4], [nb_NO, 5], [nl, 6], [fr, 7], [es, 8]] as const) {
      const f = new Faker({ locale: [locale, en, base] });
      f.seed(seed);
      const names = Array.from({ length: 200 }, () => f.person.lastName());
      expect(share(names, surnameScore, 0.45), `locale ${String(locale.metadata?.code)}`).toBeGreaterThan(0.8);
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

describe('last-name columns', () => {
  const names = ['Davolio', 'Fuller', 'Leverling', 'Peacock', 'Buchanan', 'Suyama', 'King', 'Callahan', 'Dodsworth', 'Jensen', 'Sørensen'];
  it.each([['last_name'], ['LastName'], ['lname'], ['surname'], ['efternavn'], ['Nachname'], ['efternamn'], ['etternavn'], ['achternaam'], ['apellidos'], ['contactLastName']])(
    'finds %s',
    (field) => expect(classifyColumn(field, names, { personContext: true }).category).toBe('person.last_name'),
  );
  it('finds surnames under `nom` in a person table', () => {
    expect(classifyColumn('nom', ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand'], { personContext: true }).category).toBe('person.last_name');
  });
});
