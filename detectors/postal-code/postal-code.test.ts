import { describe, expect, it } from 'vitest';
import { confidence } from '../_shared/testing.js';
import { postalCode, postalCodeScore } from './postal-code.js';

const score = (v: string, country = 'DK'): number => postalCodeScore(v, { defaultCountry: country });

describe('postal-code values', () => {
  it.each([
    ['SW1A 1AA', 1], ['EC2 5NT', 1], ['T2P 5M5', 1], ['H2G 1A7', 1], ['1234 AB', 1], ['9999 ZZ', 1], ['D02 X285', 1],
    ['123 45', 0.9], ['S-958 22', 0.9], ['00-358', 0.9], ['1000-001', 0.9], ['01310-200', 0.9], ['94043-1351', 0.9],
    ['DK-2100', 0.9], ['160 00', 0.9], ['2100', 0.8], ['8000', 0.8], ['70174', 0.7], ['0171', 0.8], ['110017', 0.5],
  ] as const)('scores %s as %d', (v, expected) => {
    expect(score(v)).toBe(expected);
  });

  it('prefers the default country for bare digits', () => {
    expect(score('70174', 'DE')).toBe(0.8);
    expect(score('2100', 'DE')).toBe(0.6);
  });

  it.each(['1987', '2024'])('doubts a year: %s', (v) => {
    expect(score(v)).toBe(0.3);
  });

  it.each(['12', 'ORD-12345', '2020-05-12', '12.50', '+45 33 12 34 56', 'M14 GSD', 'hello', '1234567890123', 'SW1A-1AA-X', ''])(
    'rejects %s',
    (v) => {
      expect(score(v)).toBe(0);
    },
  );

  it('stays fast on long adversarial values', () => {
    score('SW1A 1AA'); // compiles the format table outside the timing
    for (const v of ['1'.repeat(100_000), ' '.repeat(100_000), 'SW1A 1AA '.repeat(11_000)]) {
      const t = performance.now();
      score(v);
      expect(performance.now() - t).toBeLessThan(50);
    }
  });
});

describe('postal-code names', () => {
  // Chinook's customers come from 24 countries: every country's format counts.
  const mixed = ['12227-000', '70174', 'H2G 1A7', '0171', '160 00', '1010', '1000', '1720', 'T6G 2C7', '94043-1351', 'SW1V 3EN', '00-358', '75009', '2010', '110017'];

  it.each(['PostalCode', 'BillingPostalCode', 'ship_postal_code', 'zip', 'zip_code', 'ZipCode', 'postcode', 'postnr', 'PLZ', 'Postleitzahl', 'code_postal', 'codigo_postal', 'postnummer', 'eircode'])(
    'reports %s',
    (name) => {
      expect(confidence(postalCode, name, mixed)).toBeGreaterThanOrEqual(0.8);
    },
  );

  it('reports the short French/Spanish `cp` with less confidence', () => {
    expect(confidence(postalCode, 'cp', mixed)).toBeGreaterThanOrEqual(0.7);
  });

  it('reports an order address anywhere, a shop address only about people', () => {
    expect(confidence(postalCode, 'ship_postal_code', mixed, false)).toBeGreaterThanOrEqual(0.8);
    expect(confidence(postalCode, 'lev_postnr', mixed, false)).toBeGreaterThanOrEqual(0.8);
    expect(confidence(postalCode, 'postal_code', mixed, false)).toBe(0);
  });

  it('never reports bare numbers on values alone', () => {
    const numbers = ['2100', '8000', '5000', '9000', '1165', '2200', '3000', '4000', '6000', '7100'];
    expect(confidence(postalCode, 'territory_id', numbers)).toBe(0);
    expect(confidence(postalCode, 'quantity', numbers)).toBe(0);
    expect(confidence(postalCode, 'code', ['SW1A 1AA', 'EC2 5NT', 'T2P 5M5', 'H2G 1A7', '1234 AB', '123 45'])).toBe(0);
  });

  it.each(['zip_file', 'zip_path', 'postal_service'])('does not take %s for a postal code', (name) => {
    expect(confidence(postalCode, name, mixed)).toBe(0);
  });
});
