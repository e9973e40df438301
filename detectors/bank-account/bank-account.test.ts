import { faker } from '@faker-js/faker';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FieldVerdict } from '../../src/types.js';
import { bankAccountScore } from './bank-account.js';
import { catalogueColumn } from '../_shared/testing.js';

const column = catalogueColumn({ personContext: true, container: 'customers' });
const has = (v: FieldVerdict, category: string): boolean => v.categories.some((c) => c.category === category);

const ADVERSARIAL = ['0'.repeat(100_000), '@'.repeat(100_000), '.'.repeat(100_000), ' '.repeat(100_000), `DK${'0'.repeat(99_998)}`, `DK50${' 0'.repeat(50_000)}`, '1-'.repeat(50_000), `${'1.'.repeat(50_000)}x`];

faker.seed(50);
const ibans = Array.from({ length: 30 }, () => faker.finance.iban({ formatted: faker.datatype.boolean() }));

describe('bankAccountScore', () => {
  it('accepts valid IBANs, written compact or in groups', () => {
    for (const v of ['DK50 0040 0440 1162 43', 'DK5000400440116243', 'DE89 3704 0044 0532 0130 00', 'GB29 NWBK 6016 1331 9268 19', 'NL91ABNA0417164300', 'SE45 5000 0000 0583 9825 7466', 'NO93 8601 1117 947', 'FR14 2004 1010 0505 0001 3M02 606', 'ES91 2100 0418 4502 0005 1332']) {
      expect(bankAccountScore(v), v).toBe(1);
    }
    for (const v of ibans) expect(bankAccountScore(v), v).toBeGreaterThanOrEqual(0.8);
  });

  it('rejects an IBAN with a wrong check digit', () => {
    expect(bankAccountScore('DK50 0040 0440 1162 44')).toBe(0);
    expect(bankAccountScore('DE88 3704 0044 0532 0130 00')).toBe(0);
  });

  it('gives domestic account formats partial credit', () => {
    expect(bankAccountScore('1234-1234567890')).toBeGreaterThan(0);
    expect(bankAccountScore('1234 0001234567')).toBeGreaterThan(0);
    expect(bankAccountScore('12-34-56 12345678')).toBeGreaterThan(0);
    expect(bankAccountScore('1234-1234567890')).toBeLessThan(0.5);
  });

  it.each(['DABADKKK', 'NWBKGB2L', 'Danske Bank', '2100', 'hello world', '+45 33 12 34 56', '2024-01-01'])('rejects %s', (v) => {
    expect(bankAccountScore(v)).toBe(0);
  });

  it('never throws and stays in [0, 1] on any string', () => {
    fc.assert(fc.property(fc.string({ maxLength: 60 }), (s) => {
      const r = bankAccountScore(s);
      return r >= 0 && r <= 1;
    }));
  });

  it('returns quickly on long adversarial strings', () => {
    // Warm up on short versions first: the first call into a library may compile its patterns.
    for (const w of ADVERSARIAL.map((a) => a.slice(0, 1000))) {
      bankAccountScore(w);
    }
    for (const s of ADVERSARIAL) {
      const t0 = performance.now();
      bankAccountScore(s);
      expect(performance.now() - t0).toBeLessThan(50);
    }
  });
});

describe('bank_account columns', () => {
  const dk = Array.from({ length: 20 }, (_, i) => `${1000 + i * 37}-${String(1_000_000 + i * 7919).padStart(10, '0')}`);

  it('finds IBANs with or without a name', () => {
    expect(column('iban', ibans).category).toBe('bank_account');
    expect(column('x', ibans).category).toBe('bank_account');
  });

  it.each(['kontonummer', 'konto_nr', 'account_number', 'bank_account', 'Kontonummer', 'bankkonto', 'rekeningnummer', 'numero_de_cuenta'])('Danish reg.nr + kontonr in %s', (field) => {
    expect(column(field, dk).category).toBe('bank_account');
  });

  it('does not report domestic-looking numbers without a name', () => {
    expect(has(column('ref', dk), 'bank_account')).toBe(false);
  });

  it('does not report a BIC or a bookkeeping account', () => {
    expect(has(column('bic', ['DABADKKK', 'NDEADKKK', 'JYBADKKK']), 'bank_account')).toBe(false);
    expect(has(column('gl_account', ['1010', '2020', '3030', '4040']), 'bank_account')).toBe(false);
    expect(has(column('account_number', dk, false, 'ledger'), 'bank_account')).toBe(false);
  });
});
