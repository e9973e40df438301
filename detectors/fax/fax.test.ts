import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FieldVerdict } from '../../src/types.js';
import { fax } from './fax.js';
import { catalogueColumn } from '../_shared/testing.js';

const DK = { defaultCountry: 'DK' };
const column = catalogueColumn({ personContext: true, container: 'customers' });
const has = (v: FieldVerdict, category: string): boolean => v.categories.some((c) => c.category === category);

const ADVERSARIAL = ['0'.repeat(100_000), '@'.repeat(100_000), '.'.repeat(100_000), ' '.repeat(100_000), '+'.repeat(100_000), '1 '.repeat(50_000), `+45 ${'1'.repeat(99_990)}`];
const FAXES = ['+55 (12) 3923-5566', '+55 (11) 3033-4564', '+1 (780) 434-5565', '+1 (604) 688-8756', '+1 (650) 253-0000', '+420 2 4172 5555', '+1 (403) 262-3322', '+45 33 12 34 99'];
const NORTHWIND_FAXES = ['030-0076545', '(5) 555-3745', '0921-12 34 67', '0621-08924', '88.60.15.32', '(91) 555 91 99', '91.24.45.41', '(604) 555-3745', '(171) 555-9199', '(1) 135-5535'];

describe('fax value test', () => {
  it('is the phone test', () => {
    for (const v of FAXES) expect(fax.match?.(v, DK), v).toBeGreaterThan(0);
  });

  it('never throws and stays in [0, 1] on any string', () => {
    fc.assert(fc.property(fc.string({ maxLength: 40 }), (s) => {
      const r = Number(fax.match?.(s, DK));
      return r >= 0 && r <= 1;
    }));
  });

  it('returns quickly on long adversarial strings', () => {
    // Warm up on short versions first: the first call into a library may compile its patterns.
    for (const w of ADVERSARIAL.map((a) => a.slice(0, 1000))) {
      fax.match?.(w, DK);
    }
    for (const s of ADVERSARIAL) {
      const t0 = performance.now();
      fax.match?.(s, DK);
      expect(performance.now() - t0).toBeLessThan(50);
    }
  });
});

describe('fax columns', () => {
  it.each(['fax', 'Fax', 'fax_number', 'FaxNumber', 'faxnummer', 'telefax', 'faks', 'télécopie', 'kunde_fax'])('%s', (field) => {
    const v = column(field, FAXES);
    expect(v.category).toBe('fax');
    expect(has(v, 'phone')).toBe(false);
  });

  it('finds Northwind fax numbers', () => {
    expect(column('Fax', NORTHWIND_FAXES).category).toBe('fax');
  });

  it('is never reported from values alone: fax and phone numbers look the same', () => {
    expect(fax.requiresName).toBe(true);
    expect(column('Phone', FAXES).category).toBe('phone');
    expect(has(column('number', FAXES), 'fax')).toBe(false);
  });

  it('finds a sparse fax column by its name', () => {
    expect(column('Fax', ['+55 (12) 3923-5566', '+1 (780) 428-3457']).category).toBe('fax');
  });

  it('ignores facts about a fax', () => {
    expect(has(column('fax_opt_in', ['true', 'false', 'true', 'true', 'false']), 'fax')).toBe(false);
    expect(has(column('fax_server', FAXES, false, 'settings'), 'fax')).toBe(false);
  });
});
