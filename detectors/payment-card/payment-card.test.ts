import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FieldVerdict } from '../../src/types.js';
import { cardNetwork, cardScore, luhn } from './payment-card.js';
import { catalogueColumn } from '../_shared/testing.js';

const column = catalogueColumn({ personContext: true, container: 'payments' });
const has = (v: FieldVerdict, category: string): boolean => v.categories.some((c) => c.category === category);

const ADVERSARIAL = ['0'.repeat(100_000), '@'.repeat(100_000), '.'.repeat(100_000), ' '.repeat(100_000), '*'.repeat(100_000), '4'.repeat(100_000), '4 '.repeat(50_000), '4-'.repeat(50_000), `${'1234 '.repeat(20_000)}x`];

/** Appends the Luhn check digit to a digit string. */
function withCheckDigit(body: string): string {
  for (let d = 0; d <= 9; d++) if (luhn(body + String(d))) return body + String(d);
  throw new Error('unreachable');
}

/** Synthetic card numbers: a network prefix, random digits, a valid check digit. */
const cardArb = fc
  .constantFrom(['4', 16], ['4', 19], ['51', 16], ['55', 16], ['2221', 16], ['2720', 16], ['34', 15], ['37', 15], ['6011', 16], ['65', 16], ['3530', 16], ['5019', 16], ['62', 17])
  .chain(([prefix, len]) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: Number(len) - String(prefix).length - 1, maxLength: Number(len) - String(prefix).length - 1 }).map((mid) => withCheckDigit(String(prefix) + mid)));

const group4 = (n: string): string => n.replace(/(\d{4})(?=\d)/g, '$1 ');

describe('cardScore', () => {
  it('accepts Luhn-valid numbers with a network prefix, bare or grouped', () => {
    fc.assert(fc.property(cardArb, (n) => cardScore(n) === 1 && cardScore(group4(n)) === 1 && cardScore(n.replace(/(\d{4})(?=\d)/g, '$1-')) === 1));
  });

  it('doubts a number whose check digit is wrong: test data at most', () => {
    fc.assert(fc.property(cardArb, (n) => {
      const last = Number(n.slice(-1));
      return cardScore(n.slice(0, -1) + String((last + 1) % 10)) < 0.5;
    }));
  });

  it.each(['4111 1111 1111 1111', '5500-0000-0000-0004', '378282246310005', '6011111111111117', '5019717010103742'])('accepts test number %s', (n) => {
    expect(cardScore(n)).toBe(1);
  });

  it('gives masked card numbers partial credit', () => {
    for (const m of ['**** **** **** 1234', 'XXXX-XXXX-XXXX-1234', '411111******1111', '************4242']) expect(cardScore(m), m).toBe(0.5);
    for (const m of ['****', '**** 1234', '1234 5678 9012 3456 7890 1234']) expect(cardScore(m), m).toBe(0);
  });

  it('rejects EAN-13 barcodes and other Luhn-valid numbers without a card prefix', () => {
    // 13 digits that pass Luhn: a Danish-prefixed barcode, and one starting with 4 (old Visa, or a German EAN).
    const danishBarcode = withCheckDigit('570123456789');
    const germanBarcode = withCheckDigit('400638133393');
    expect(luhn(danishBarcode) && luhn(germanBarcode)).toBe(true);
    expect(cardScore(danishBarcode)).toBe(0);
    expect(cardScore('1234567812345678')).toBeLessThan(0.5);
    expect(cardScore(germanBarcode)).toBeLessThan(0.5);
    expect(cardScore('7350053850019')).toBe(0);
    expect(cardScore('490154203237518')).toBeLessThan(0.5); // IMEI: 15 digits, Luhn-valid, no network uses 49 with 15 digits
    expect(cardNetwork('8945000000000000000')).toBeUndefined(); // SIM ICCID
  });

  it('never throws and stays in [0, 1] on any string', () => {
    fc.assert(fc.property(fc.string({ maxLength: 40 }), (s) => {
      const r = cardScore(s);
      return r >= 0 && r <= 1;
    }));
  });

  it('returns quickly on long adversarial strings', () => {
    // Warm up on short versions first: the first call into a library may compile its patterns.
    for (const w of ADVERSARIAL.map((a) => a.slice(0, 1000))) {
      cardScore(w);
    }
    for (const s of ADVERSARIAL) {
      const t0 = performance.now();
      cardScore(s);
      expect(performance.now() - t0).toBeLessThan(50);
    }
  });
});

describe('payment_card columns', () => {
  const cards = fc.sample(cardArb, { numRuns: 30, seed: 11 }).map(group4);

  it.each(['card_number', 'CardNumber', 'credit_card', 'cc_number', 'pan', 'kortnummer', 'Kreditkartennummer', 'kaartnummer', 'numero_de_carte', 'numero_tarjeta'])('%s', (field) => {
    expect(column(field, cards).category).toBe('payment_card');
  });

  it('recognises a column of card numbers without a name', () => {
    expect(column('c7', cards).category).toBe('payment_card');
  });

  it('recognises masked card numbers with a name', () => {
    const masked = cards.map((c) => `**** **** **** ${c.slice(-4)}`);
    expect(column('card_number', masked).category).toBe('payment_card');
  });

  it('is not a barcode or an order number', () => {
    const eans = ['570123456789', '400638133393', '590123412345', '401234567890', '871234567890', '731086500470'].map(withCheckDigit);
    expect(has(column('ean', eans, false, 'products'), 'payment_card')).toBe(false);
    expect(has(column('barcode', cards, false, 'products'), 'payment_card')).toBe(false);
    expect(has(column('order_number', Array.from({ length: 30 }, (_, i) => String(10_248_000_000_000 + i * 7919))), 'payment_card')).toBe(false);
  });

  it('finds invented card numbers (sample databases) by the name only', () => {
    const invented = ['33332664695310', '55552127249722', '77778344838353', '33332126386493', '55553465625901', '11114404600042'];
    expect(column('cardnumber', invented, false, 'creditcard').category).toBe('payment_card');
    expect(has(column('reference', invented, false, 'transfers'), 'payment_card')).toBe(false);
  });

  it('is not a card type or expiry', () => {
    expect(has(column('card_type', ['VISA', 'MASTERCARD', 'AMEX', 'VISA']), 'payment_card')).toBe(false);
    expect(has(column('card_expiry', ['12/27', '01/26', '05/28']), 'payment_card')).toBe(false);
  });
});
