import { faker } from '@faker-js/faker';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FieldVerdict } from '../../src/types.js';
import { phoneExtension, phoneScore } from './phone.js';
import { catalogueColumn } from '../_shared/testing.js';

const DK = { defaultCountry: 'DK' };
const column = catalogueColumn({ personContext: true, container: 'customers' });
const has = (v: FieldVerdict, category: string): boolean => v.categories.some((c) => c.category === category);

const ADVERSARIAL = ['0'.repeat(100_000), '@'.repeat(100_000), '.'.repeat(100_000), ' '.repeat(100_000), '+'.repeat(100_000), '1 '.repeat(50_000), '(1) '.repeat(25_000), `+45 ${'1'.repeat(99_990)} x1`, `${'1-'.repeat(50_000)}x`];

/** Phone numbers as Chinook writes them (international with country code). */
const CHINOOK = ['+55 (12) 3923-5555', '+1 (780) 428-9482', '+49 0711 2842222', '+47 22 44 22 22', '+420 2 4172 5555', '+43 01 5134505', '+32 02 219 03 03', '+351 (213) 466-111', '+33 01 49 70 65 65', '+358 09 870 2000', '+353 01 6792424', '+39 06 39733434', '+31 020 6223130', '+48 22 828 37 39', '+34 914 454 454', '+46 08-651 52 52', '+44 020 7707 0707', '+61 (02) 9332 3633', '+54 (0)11 4311 4333', '+91 080 22289999'];
/** Phone numbers as Northwind writes them (national, no country code). */
const NORTHWIND = ['030-0074321', '(5) 555-4729', '(5) 555-3932', '(171) 555-7788', '0921-12 34 65', '0621-08460', '88.60.15.31', '(91) 555 22 82', '91.24.45.40', '(604) 555-4729', '(171) 555-1212', '(1) 135-5555', '(5) 555-3392', '0452-076545', '(11) 555-7647', '(171) 555-2282', '0241-039123', '40.67.88.88', '86 21 32 43', '(93) 203 4560'];

describe('phoneScore', () => {
  it.each(CHINOOK)('accepts Chinook %s', (v) => {
    expect(phoneScore(v, DK)).toBeGreaterThanOrEqual(0.5);
  });

  it('gives Northwind national numbers of other countries at least partial credit', () => {
    for (const v of NORTHWIND) expect(phoneScore(v, DK), v).toBeGreaterThan(0);
  });

  it('reads national numbers with the default country', () => {
    expect(phoneScore('+45 33 12 34 56', DK)).toBe(1);
    expect(phoneScore('33 12 34 56', DK)).toBe(1);
    expect(phoneScore('0045 33123456', DK)).toBe(1);
    expect(phoneScore('(206) 555-9857', { defaultCountry: 'US' })).toBe(1);
    expect(phoneScore('(171) 555-7788', DK)).toBeLessThan(1);
  });

  it('gives bare digits valid for the default country half credit (they may be a CVR number)', () => {
    expect(phoneScore('33123456', DK)).toBe(0.5);
  });

  it('accepts extensions written after the number', () => {
    expect(phoneScore('+45 33 12 34 56 x12', DK)).toBe(1);
    expect(phoneScore('+1 (555) 123-4567 ext. 89', DK)).toBeGreaterThan(0);
  });

  it.each(['1996-07-04', '04.07.1996', '07/04/1996', '1996', '10248', '12.50', '1234,99', '2019-2021', '2021-000123', '12345-6789', '5467', 'ABC-1234', '1234567890123456789', 'call me'])(
    'rejects %s',
    (v) => {
      expect(phoneScore(v, DK)).toBe(0);
    },
  );

  it('accepts faker phone numbers for several countries', () => {
    faker.seed(45);
    const e164 = Array.from({ length: 30 }, () => `+45 ${faker.string.numeric({ length: 1, allowLeadingZeros: false, exclude: ['0', '1'] })}${faker.string.numeric(7)}`);
    expect(e164.filter((v) => phoneScore(v, DK) > 0).length).toBeGreaterThanOrEqual(27);
  });

  it('never throws and stays in [0, 1] on any string', () => {
    fc.assert(fc.property(fc.string({ maxLength: 40 }), (s) => {
      const r = phoneScore(s, DK);
      return r >= 0 && r <= 1;
    }));
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...'0123456789 +-().x'), maxLength: 40 }), (s) => phoneScore(s, DK) >= 0));
  });

  it('returns quickly on long adversarial strings', () => {
    // Warm up on short versions first: the first call into a library may compile its patterns.
    for (const w of ADVERSARIAL.map((a) => a.slice(0, 1000))) {
      phoneScore(w, DK);
    }
    for (const s of ADVERSARIAL) {
      const t0 = performance.now();
      phoneScore(s, DK);
      expect(performance.now() - t0).toBeLessThan(50);
    }
  });
});

describe('phone columns', () => {
  it.each(['phone', 'Phone', 'HomePhone', 'mobile', 'cell_phone', 'telefon', 'telefonnummer', 'tlf', 'tlf_nr', 'mobil', 'Mobilnummer', 'Handynummer', 'Rufnummer', 'telefoon', 'mobiel', 'téléphone', 'teléfono', 'movil'])(
    '%s with Chinook numbers',
    (field) => {
      expect(column(field, CHINOOK).category).toBe('phone');
    },
  );

  it('finds Northwind national numbers under a phone name', () => {
    expect(column('Phone', NORTHWIND).category).toBe('phone');
  });

  it('finds Danish numbers written in the usual ways', () => {
    const dk = ['+45 33 12 34 56', '33123456', '+4520304050', '70 10 20 30', '22 33 44 55', '0045 40506070'];
    expect(column('tlf', dk).category).toBe('phone');
    expect(column('x', ['+45 33 12 34 56', '+45 20 30 40 50', '+45 70 10 20 30', '+45 22 33 44 55', '+45 40 50 60 70', '+45 31 41 51 61']).category).toBe('phone');
  });

  it('tells fax from phone by name', () => {
    expect(column('Fax', CHINOOK).category).toBe('fax');
    expect(has(column('Fax', CHINOOK), 'phone')).toBe(false);
    expect(column('telefax', CHINOOK).category).toBe('fax');
  });

  it('labels a phone extension as phone', () => {
    const ext = ['5467', '3457', '3355', '5176', '3453', '428', '465', '2344', '452'];
    const v = column('Extension', ext, true, 'employees');
    expect(v.category).toBe('phone');
    expect(v.categories[0]?.detector).toBe('phone-extension');
    expect(phoneExtension.requiresName).toBe(true);
  });

  it('does not take a file extension for a phone extension', () => {
    expect(has(column('extension', ['jpg', 'pdf', 'docx', 'png', 'txt']), 'phone')).toBe(false);
    expect(has(column('file_extension', ['123', '456']), 'phone')).toBe(false);
  });

  it('does not take dates, years, order numbers, CVR numbers or prices for phones', () => {
    const cvr = ['12345678', '87654321', '25313763', '10150817', '33258937', '29403473'];
    expect(has(column('cvr', cvr), 'phone')).toBe(false);
    expect(has(column('cvr_nr', cvr), 'phone')).toBe(false);
    expect(has(column('order_id', Array.from({ length: 30 }, (_, i) => String(10_248 + i))), 'phone')).toBe(false);
    expect(has(column('order_date', Array.from({ length: 30 }, (_, i) => `1996-07-${String((i % 28) + 1).padStart(2, '0')}`)), 'phone')).toBe(false);
    expect(has(column('unit_price', ['18.00', '19.00', '10.00', '22.00', '21.35', '25.00']), 'phone')).toBe(false);
    expect(has(column('year', ['1996', '1997', '1998']), 'phone')).toBe(false);
    expect(has(column('ref', cvr), 'phone')).toBe(false);
  });

  it('trusts a bare phone word less outside a table about people', () => {
    const shippers = ['(503) 555-9831', '(503) 555-3199', '(503) 555-9931'];
    expect(column('phone', shippers, true, 'customers').category).toBe('phone');
    expect(column('phone', shippers, false, 'shippers').confidence).toBeLessThan(column('phone', shippers, true, 'customers').confidence);
    // Organisation-only tables (shippers, offices, shops) are dropped whole by the engine:
    // test/engine/organisation.test.ts checks that through a scan.
  });

  it('reports a phone whose name says whose it is, in any table', () => {
    const mixed = ['+49 151 6335097', '50 78 41 30', '5166 0121', '42522182', '60 86 34 18', '+45 28 16 21 51', '91 26 48 40', '2986 9686'];
    for (const field of ['recipient_phone', 'customer_phone', 'ship_phone', 'home_phone', 'privat_tlf', 'Telefon_privat', 'mobile', 'kundetelefon']) {
      const v = column(field, mixed, false, 'deliveries');
      expect(v.category, field).toBe('phone');
    }
    expect(column('recipient_phone', mixed, false, 'deliveries').categories[0]?.detector).toBe('person-phone');
  });

  it('reports a column of phone numbers without a phone word by its values', () => {
    const mixed = ['+49-160-64129867', '+49-171-3908793', '030 0438602', '0170/3097931', '+49-40-4963164', '0351 851016', '0173 11506927', '+49-171-44535756'];
    expect(column('info', mixed, false, 'callbacks').category).toBe('phone');
  });

  it('ignores facts about a phone', () => {
    expect(has(column('phone_type', ['mobile', 'home', 'work', 'mobile', 'work']), 'phone')).toBe(false);
    expect(has(column('phone_verified', ['true', 'false', 'true', 'true', 'false']), 'phone')).toBe(false);
    expect(has(column('phone_country_code', ['+45', '+46', '+47', '+49']), 'phone')).toBe(false);
  });
});
