import { describe, expect, it } from 'vitest';
import { classifyField, type ClassifyOptions, type ContainerContext } from '../../src/engine/classify.js';
import type { FieldSample } from '../../src/engine/sampler.js';
import type { Detector, Location } from '../../src/types.js';

const digits: Detector = {
  id: 'digits',
  category: 'phone',
  description: 'digit strings',
  valueWeight: 0.9,
  match: (v) => /^\d+$/.test(v),
  names: [
    { pattern: 'phone', weight: 0.9 },
    { pattern: 'fax', weight: -0.95 },
  ],
};
const options: ClassifyOptions = { detectors: [digits], match: { defaultCountry: 'DK' }, minConfidence: 0.5, revealValues: false, maxExamples: 3 };
const ctx: ContainerContext = { name: 't', fieldNames: [], personContext: false };
const at = (field: string): Location => ({ source: 's', sourceKind: 'sqlite', container: 'main.t', containerType: 'table', field });
const sample = (values: string[]): FieldSample => ({ rows: values.length, values, binaryHeads: [] });

describe('classifyField', () => {
  it('combines value and name evidence and explains itself', () => {
    const v = classifyField(at('phone'), 'text', sample(Array.from({ length: 50 }, (_, i) => String(10_000_000 + i))), ctx, options);
    expect(v.category).toBe('phone');
    expect(v.confidence).toBeGreaterThan(0.95);
    expect(v.categories[0]?.evidence).toMatchObject({ sampled: 50, matched: 50, name: { pattern: 'phone' } });
    expect(v.categories[0]?.reason).toBe('50 of 50 sampled values match digit strings; the field name matches "phone".');
  });
  it('keeps evidence masked', () => {
    const v = classifyField(at('phone'), 'text', sample(['12345678']), ctx, options);
    expect(v.categories[0]?.evidence.examples).toEqual(['12****78']);
  });
  it('lets a counter-hint win over matching values', () => {
    const v = classifyField(at('fax'), 'text', sample(Array.from({ length: 50 }, () => '12345678')), ctx, options);
    expect(v.personal).toBe(false);
  });
  it('does not trust a name that the values contradict', () => {
    const v = classifyField(at('phone'), 'text', sample(Array.from({ length: 50 }, () => 'n/a')), ctx, options);
    expect(v.personal).toBe(false);
  });
  it('discounts id-like field names', () => {
    const v = classifyField(at('customer_id'), 'int', sample(Array.from({ length: 50 }, (_, i) => String(i))), ctx, options);
    expect(v.personal).toBe(false);
  });
  it('survives a detector that throws', () => {
    const bad: Detector = { id: 'bad', category: 'email', match: () => { throw new Error('boom'); } };
    const v = classifyField(at('x'), 'text', sample(['a']), ctx, { ...options, detectors: [bad, digits] });
    expect(v.personal).toBe(false);
  });
  it('gives 3 of 3 less confidence than 300 of 300', () => {
    const few = classifyField(at('x'), 'text', sample(['1', '2', '3']), ctx, options);
    const many = classifyField(at('x'), 'text', sample(Array.from({ length: 300 }, (_, i) => String(i))), ctx, options);
    expect(few.confidence).toBeCloseTo(0.54, 2);
    expect(many.confidence).toBeGreaterThan(0.85);
  });
  it('tests each distinct value once and counts every occurrence', () => {
    let calls = 0;
    const counting: Detector = { ...digits, match: (v) => (calls++, /^\d+$/.test(v)) };
    const values = Array.from({ length: 100 }, (_, i) => (i % 2 === 0 ? '12345678' : '87654321'));
    const v = classifyField(at('phone'), 'text', sample(values), ctx, { ...options, detectors: [counting] });
    expect(calls).toBe(2);
    expect(v.categories[0]?.evidence).toMatchObject({ sampled: 100, matched: 100 });
  });
  it('stops testing values once a detector cannot reach the threshold, without changing verdicts', () => {
    let calls = 0;
    const counting: Detector = { ...digits, match: (v) => (calls++, /^\d+$/.test(v)) };
    const words = Array.from({ length: 1000 }, (_, i) => `word${i}x`);
    const none = classifyField(at('notes'), 'text', sample(words), ctx, { ...options, detectors: [counting] });
    expect(none.personal).toBe(false);
    expect(calls).toBeLessThan(1000);
    calls = 0;
    // Half digits: reachable until the end, so every value is tested and the evidence is complete.
    const half = Array.from({ length: 1000 }, (_, i) => (i % 2 === 0 ? String(10_000_000 + i) : `w${i}`));
    const v = classifyField(at('phone'), 'text', sample(half), ctx, { ...options, detectors: [counting] });
    expect(calls).toBe(1000);
    expect(v.categories[0]?.evidence).toMatchObject({ sampled: 1000, matched: 500 });
  });
});

describe('anonymous field names', () => {
  const weak: Detector = { id: 'weak', category: 'address.city', description: 'cities', valueWeight: 0.45, match: (v) => v.startsWith('City') };
  const cities = sample(Array.from({ length: 100 }, (_, i) => `City ${i}`));
  const opts = { ...options, detectors: [weak] };

  it.each([['col7'], ['c4'], ['value'], ['Kolonne 3'], ['unnamed_2']])('lets values decide for %s in a table about people', (name) => {
    expect(classifyField(at(name), 'text', cities, { ...ctx, personContext: true }, opts).category).toBe('address.city');
  });
  it('keeps weak value evidence weak elsewhere', () => {
    expect(classifyField(at('col7'), 'text', cities, ctx, opts).personal).toBe(false);
    expect(classifyField(at('description'), 'text', cities, { ...ctx, personContext: true }, opts).personal).toBe(false);
  });
});

describe('small samples', () => {
  it('weaken a name less than many contradicting values do', () => {
    const two = classifyField(at('phone'), 'text', sample(['n/a', 'none']), ctx, options);
    const fifty = classifyField(at('phone'), 'text', sample(Array.from({ length: 50 }, () => 'n/a')), ctx, options);
    expect(two.confidence).toBeGreaterThan(0.5);
    expect(fifty.personal).toBe(false);
  });
});
