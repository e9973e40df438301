import { faker } from '@faker-js/faker';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FieldVerdict } from '../../src/types.js';
import { birthDateScore, dateOfBirth } from './date-of-birth.js';
import { parseDate } from './dates.js';
import { catalogueColumn } from '../_shared/testing.js';

const column = catalogueColumn({ personContext: true, container: 'employees' });
const has = (v: FieldVerdict, category: string): boolean => v.categories.some((c) => c.category === category);

/** Long hostile strings: each call must return quickly, whatever it returns. */
const ADVERSARIAL = ['0'.repeat(100_000), '@'.repeat(100_000), '.'.repeat(100_000), ' '.repeat(100_000), 'a@'.repeat(50_000), '1.'.repeat(50_000), '1 '.repeat(50_000), '1-'.repeat(50_000), `${'9'.repeat(99_999)}x`, `1962-02-18T${'0'.repeat(100_000)}`];

faker.seed(1962);
const birthDates = Array.from({ length: 40 }, () => faker.date.birthdate({ min: 18, max: 80, mode: 'age' }));
const fmt = (d: Date, f: (y: string, m: string, day: string) => string): string =>
  f(String(d.getUTCFullYear()), String(d.getUTCMonth() + 1).padStart(2, '0'), String(d.getUTCDate()).padStart(2, '0'));

describe('parseDate', () => {
  it.each([
    ['1962-02-18T00:00:00.000Z', 1962, 2, 18],
    ['1962-02-18 00:00:00', 1962, 2, 18],
    ['1948-12-07T23:00:00.000Z', 1948, 12, 7],
    ['18-02-1962', 1962, 2, 18],
    ['18.02.1962', 1962, 2, 18],
    ['02/18/1962', 1962, 2, 18],
    ['1962/02/18', 1962, 2, 18],
    ['18.02.62', 1962, 2, 18],
    ['19620218', 1962, 2, 18],
    ['18 Feb 1962', 1962, 2, 18],
    ['February 18, 1962', 1962, 2, 18],
    ['18. februar 1962', 1962, 2, 18],
    ['18 février 1962', 1962, 2, 18],
    ['18 de febrero de 1962', 1962, 2, 18],
    ['18. März 1962', 1962, 3, 18],
  ])('%s', (value, year, month, day) => {
    expect(parseDate(value)).toMatchObject({ year, month, day });
  });

  it.each(['1962-02-30', '31.04.1962', '1962-13-01', 'hello world', '12345', '1962-02-18Tnonsense', '2024-01-01 25:00'])('rejects %s', (value) => {
    expect(parseDate(value)).toBeUndefined();
  });

  it('knows leap years', () => {
    expect(parseDate('2000-02-29')).toBeDefined();
    expect(parseDate('1900-02-29')).toBeUndefined();
  });
});

describe('birthDateScore', () => {
  it('accepts the ways databases and drivers write a birth date', () => {
    for (const d of birthDates) {
      expect(birthDateScore(d.toISOString().slice(0, 10) + 'T00:00:00.000Z')).toBe(1);
      expect(birthDateScore(fmt(d, (y, m, day) => `${y}-${m}-${day} 00:00:00`))).toBe(1);
      expect(birthDateScore(fmt(d, (y, m, day) => `${day}-${m}-${y}`))).toBe(1);
      expect(birthDateScore(fmt(d, (y, m, day) => `${day}.${m}.${y}`))).toBe(1);
    }
  });

  it('doubts moments, the future and the implausibly old', () => {
    expect(birthDateScore('2021-05-03T14:23:11.000Z')).toBeLessThan(0.5);
    expect(birthDateScore(`${new Date().getUTCFullYear() + 1}-01-01`)).toBe(0);
    expect(birthDateScore('1850-01-01')).toBe(0);
    expect(birthDateScore('Anna')).toBe(0);
    expect(birthDateScore('42')).toBe(0);
  });

  it('accepts a birthday kept without its year, weaker', () => {
    expect(birthDateScore('18-02')).toBeGreaterThan(0.5);
    expect(birthDateScore('02/18')).toBeGreaterThan(0.5);
    expect(birthDateScore('--02-18')).toBeGreaterThan(0.5);
    expect(birthDateScore('29.02.')).toBeGreaterThan(0.5);
    expect(birthDateScore('31-02')).toBe(0);
    expect(birthDateScore('13-13')).toBe(0);
  });

  it('accepts a bare birth year, weaker', () => {
    expect(birthDateScore('1962')).toBeGreaterThan(0.5);
    expect(birthDateScore('2999')).toBe(0);
  });

  it('never throws and stays in [0, 1] on any string', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (s) => {
        const r = birthDateScore(s);
        return r >= 0 && r <= 1;
      }),
    );
  });

  it('returns quickly on long adversarial strings', () => {
    // Warm up on short versions first: the first call into a library may compile its patterns.
    for (const w of ADVERSARIAL.map((a) => a.slice(0, 1000))) {
      birthDateScore(w);
    }
    for (const s of ADVERSARIAL) {
      const t0 = performance.now();
      birthDateScore(s);
      expect(performance.now() - t0).toBeLessThan(50);
    }
  });
});

describe('date_of_birth columns', () => {
  const iso = birthDates.map((d) => d.toISOString());

  it.each(['birth_date', 'BirthDate', 'dob', 'date_of_birth', 'Fødselsdato', 'født', 'Geburtsdatum', 'födelsedatum', 'geboortedatum', 'date de naissance', 'fecha_de_nacimiento', 'birthday', 'DOB'])(
    '%s with dates is date_of_birth',
    (field) => {
      const v = column(field, iso);
      expect(v.category).toBe('date_of_birth');
      expect(v.categories[0]?.detector).toBe('date-of-birth');
    },
  );

  it('finds Northwind and Chinook value formats', () => {
    expect(column('BirthDate', ['1948-12-08', '1952-02-19', '1963-08-30', '1937-09-19', '1955-03-04', '1963-07-02', '1960-05-29', '1958-01-09', '1966-01-27']).category).toBe('date_of_birth');
    expect(column('BirthDate', ['1962-02-18 00:00:00', '1958-12-08 00:00:00', '1973-08-29 00:00:00', '1947-09-19 00:00:00', '1965-03-03 00:00:00', '1973-07-01 00:00:00', '1968-01-09 00:00:00', '1973-03-22 00:00:00']).category).toBe('date_of_birth');
  });

  it('is never a date alone', () => {
    expect(dateOfBirth.requiresName).toBe(true);
    for (const field of ['hire_date', 'order_date', 'created_at', 'updated_at', 'ship_date', 'shipped', 'last_update', 'invoice_date', 'value', 'col3']) {
      expect(has(column(field, iso), 'date_of_birth'), field).toBe(false);
    }
  });

  it('is not a place, country or name of birth', () => {
    expect(has(column('birth_place', ['Aarhus', 'Odense', 'Berlin', 'Paris', 'Oslo', 'Madrid']), 'date_of_birth')).toBe(false);
    expect(has(column('country_of_birth', ['Denmark', 'Germany', 'France', 'Norway', 'Spain']), 'date_of_birth')).toBe(false);
  });

  it('trusts the name less when the values are moments, not dates', () => {
    const moments = Array.from({ length: 20 }, (_, i) => `2023-0${(i % 9) + 1}-1${i % 9}T1${i % 9}:2${i % 9}:3${i % 9}.000Z`);
    expect(has(column('birthday_reminder_sent', moments), 'date_of_birth')).toBe(false);
  });
});
