import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FieldVerdict } from '../../src/types.js';
import { daysInMonth } from '../date-of-birth/dates.js';
import { bsnScore, cprScore, fodselsnummerScore, hetuScore, nationalIdScore, ninoScore, nirScore, otherIdScore, personnummerScore, ssnScore, svNummerScore } from './national-id.js';
import { catalogueColumn } from '../_shared/testing.js';

const column = catalogueColumn({ personContext: true, container: 'customers' });
const has = (v: FieldVerdict, category: string): boolean => v.categories.some((c) => c.category === category);

const ADVERSARIAL = ['0'.repeat(100_000), '@'.repeat(100_000), '.'.repeat(100_000), ' '.repeat(100_000), '1-'.repeat(50_000), 'A'.repeat(100_000), `${'010190-'.repeat(14_000)}`, `AB${' 12'.repeat(33_000)}C`];

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** Synthetic CPR numbers: a real date, a serial whose first digit fits the century. */
const cprArb = fc
  .record({ year: fc.integer({ min: 1900, max: 1999 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }), serial: fc.integer({ min: 0, max: 3999 }) })
  .filter(({ year, month, day }) => day <= daysInMonth(year, month))
  .map(({ year, month, day, serial }) => `${pad(day)}${pad(month)}${pad(year % 100)}-${pad(serial, 4)}`);

/** Swedish personnummer with a valid Luhn check digit. */
const personnummerArb = fc
  .record({ yy: fc.integer({ min: 0, max: 99 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }), serial: fc.integer({ min: 0, max: 999 }) })
  .map(({ yy, month, day, serial }) => {
    const nine = `${pad(yy)}${pad(month)}${pad(day)}${pad(serial, 3)}`;
    for (let c = 0; c <= 9; c++) {
      const ten = nine + String(c);
      let sum = 0;
      for (let i = 0; i < 10; i++) {
        let d = Number(ten[i]) * (i % 2 === 0 ? 2 : 1);
        if (d > 9) d -= 9;
        sum += d;
      }
      if (sum % 10 === 0) return `${ten.slice(0, 6)}-${ten.slice(6)}`;
    }
    throw new Error('unreachable');
  });

/** Dutch BSN passing the 11-test. */
const bsnArb = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 8, maxLength: 8 }).chain((eight) => {
  const s = eight.reduce((acc, d, i) => acc + d * (9 - i), 0);
  const last = s % 11;
  return last <= 9 && eight.some((d) => d > 0) ? fc.constant(eight.join('') + String(last)) : fc.constant('');
}).filter((v) => v !== '');

describe('format checks', () => {
  it('CPR: valid date, with or without dash; no modulus-11 needed', () => {
    fc.assert(fc.property(cprArb, (cpr) => cprScore(cpr) >= 0.9 && cprScore(cpr.replace('-', '')) > 0 && cprScore(cpr.replace('-', '')) < 0.5));
    expect(cprScore('311390-1234')).toBe(0); // 31 Dec… month 13
    expect(cprScore('300290-1234')).toBe(0); // 30 February
    expect(cprScore('290200-4123')).toBeGreaterThan(0); // 29 Feb 2000 (serial 4 → 2000s)
    expect(cprScore('290200-1234')).toBe(0); // 29 Feb 1900 is not a date
  });

  it('Swedish personnummer: Luhn over ten digits; long form and samordningsnummer', () => {
    fc.assert(fc.property(personnummerArb, (p) => personnummerScore(p) >= 0.9));
    expect(personnummerScore('811218-9876')).toBeGreaterThan(0.9);
    expect(personnummerScore('19811218-9876')).toBeGreaterThan(0.9);
    expect(personnummerScore('811218-9877')).toBe(0);
    expect(personnummerScore('811278-9873')).toBeGreaterThan(0); // day + 60
  });

  it('Norwegian fødselsnummer: two mod-11 check digits', () => {
    expect(fodselsnummerScore('01010750160')).toBeGreaterThan(0.5);
    expect(fodselsnummerScore('01010750161')).toBe(0);
    expect(fodselsnummerScore('41010750163')).toBeGreaterThanOrEqual(0); // D-number shape is parsed
  });

  it('Finnish HETU: mod-31 check character', () => {
    expect(hetuScore('131052-308T')).toBe(1);
    expect(hetuScore('131052-308U')).toBe(0);
    expect(hetuScore('010594Y9032')).toBe(1); // 2023 century signs
  });

  it('Dutch BSN: the 11-test, weak alone', () => {
    fc.assert(fc.property(bsnArb, (b) => bsnScore(b) > 0 && bsnScore(b) < 0.5));
    expect(bsnScore('111222334')).toBe(0);
  });

  it('US SSN: dashed, with impossible areas left out', () => {
    expect(ssnScore('123-45-6789')).toBeGreaterThan(0.8);
    for (const v of ['000-12-3456', '666-12-3456', '912-34-5678', '123-00-4567', '123-45-0000']) expect(ssnScore(v), v).toBe(0);
  });

  it('UK NINO', () => {
    expect(ninoScore('AB 12 34 56 C')).toBe(1);
    expect(ninoScore('AB123456C')).toBe(1);
    expect(ninoScore('GB123456A')).toBe(0);
    expect(ninoScore('DA123456A')).toBe(0);
  });

  it('French NIR with its key', () => {
    expect(nirScore('1 85 05 78 006 084 91')).toBeGreaterThan(0.8);
    expect(nirScore('185057800608492')).toBe(0);
  });

  it('Spanish DNI, Italian codice fiscale, Brazilian CPF, Belgian register number', () => {
    expect(otherIdScore('12345678Z')).toBeGreaterThan(0.8);
    expect(otherIdScore('12345678A')).toBe(0);
    expect(otherIdScore('RSSMRA85T10A562S')).toBe(1);
    expect(otherIdScore('111.444.777-35')).toBeGreaterThan(0.8);
    expect(otherIdScore('111.444.777-36')).toBe(0);
    expect(otherIdScore('85.07.30-033.28')).toBeGreaterThan(0.8);
    expect(otherIdScore('85.07.30-033.29')).toBe(0);
  });

  it('German Steuer-ID: MOD 11,10 check digit; the grouped form counts more', () => {
    expect(otherIdScore('81 462 519 012')).toBeGreaterThan(0.5);
    expect(otherIdScore('81462519012')).toBeGreaterThan(0);
    expect(otherIdScore('81462519012')).toBeLessThan(0.5);
    expect(otherIdScore('81 462 519 013')).toBe(0);
  });

  it('German SV-Nummer: area, birth date DDMMYY, birth-name initial, serial and check digit', () => {
    for (const v of ['65 240791 K 538', '65240791K538', '04 010170 B 018', '53 311299 Z 503', '28 150680 W498']) {
      expect(svNummerScore(v), v).toBe(0.9);
      expect(nationalIdScore(v), v).toBe(0.9);
    }
    expect(svNummerScore('65 240791 K 539')).toBe(0); // check digit
    expect(svNummerScore('65 321391 K 538')).toBe(0); // no 32nd day
    expect(svNummerScore('65 241391 K 538')).toBe(0); // no 13th month
    expect(svNummerScore('00 240791 K 538')).toBe(0); // no area 00
    expect(svNummerScore('65 240791 538')).toBe(0); // no letter
  });

  it('never throws and stays in [0, 1] on any string', () => {
    fc.assert(fc.property(fc.string({ maxLength: 30 }), (s) => {
      const r = nationalIdScore(s);
      return r >= 0 && r <= 1;
    }));
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...'0123456789- .+A'), maxLength: 22 }), (s) => {
      const r = nationalIdScore(s);
      return r >= 0 && r <= 1;
    }));
  });

  it('returns quickly on long adversarial strings', () => {
    // Warm up on short versions first: the first call into a library may compile its patterns.
    for (const w of ADVERSARIAL.map((a) => a.slice(0, 1000))) {
      nationalIdScore(w);
    }
    for (const s of ADVERSARIAL) {
      const t0 = performance.now();
      nationalIdScore(s);
      expect(performance.now() - t0).toBeLessThan(50);
    }
  });
});

describe('national_id columns', () => {
  const cprs = fc.sample(cprArb, { numRuns: 30, seed: 45 });

  it.each(['cpr', 'cpr_nr', 'CPRNummer', 'personnummer', 'fødselsnummer', 'ssn', 'social_security_number', 'national_id', 'bsn', 'nino', 'steuer_id', 'tax_id'])('%s', (field) => {
    expect(column(field, cprs).category).toBe('national_id');
  });

  it('finds Steuer-IDs under their name', () => {
    expect(column('SteuerID', ['81 462 519 012', '81462519012', '81 462 519 012', '81462519012', '81 462 519 012', '81462519012'], true, 'Mitarbeiter').category).toBe('national_id');
  });

  it('finds SV-Nummern with or without their name', () => {
    const sv = ['65 240791 K 538', '04 010170 B 018', '53 311299 Z 503', '28 150680 W 498', '17 290204 A 123', '65240791K538'];
    for (const field of ['SVNummer', 'sv_nummer', 'SV-Nr', 'Sozialversicherungsnummer', 'Rentenversicherungsnummer', 'x4']) {
      expect(column(field, sv, true, 'Mitarbeiter').category, field).toBe('national_id');
    }
  });

  it('finds dashed CPR numbers without a name', () => {
    expect(column('x1', cprs).category).toBe('national_id');
  });

  it('finds Swedish personnummer and SSNs without a name', () => {
    expect(column('x2', fc.sample(personnummerArb, { numRuns: 30, seed: 2 })).category).toBe('national_id');
    expect(column('x3', Array.from({ length: 30 }, (_, i) => `${100 + i * 7}-${pad(10 + i)}-${pad(1000 + i * 31, 4)}`)).category).toBe('national_id');
  });

  it('treats a bare 10-digit number as weak evidence', () => {
    const bare = cprs.map((c) => c.replace('-', ''));
    expect(has(column('number', bare), 'national_id')).toBe(false);
    expect(column('cpr', bare).category).toBe('national_id');
  });

  it('does not take phone numbers, CVR numbers or order numbers for ids', () => {
    expect(has(column('phone', ['+45 33 12 34 56', '33123456', '+45 20 30 40 50', '70 10 20 30', '22334455']), 'national_id')).toBe(false);
    expect(has(column('cvr', ['12345678', '87654321', '25313763', '10150817']), 'national_id')).toBe(false);
    expect(has(column('order_id', Array.from({ length: 30 }, (_, i) => String(1_000_000_000 + i * 104_729))), 'national_id')).toBe(false);
    expect(has(column('vat_number', cprs), 'national_id')).toBe(false);
  });
});
