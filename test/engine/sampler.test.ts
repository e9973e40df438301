import { describe, expect, it } from 'vitest';
import { addRow, isSaturated, newContainerSample, valueToString } from '../../src/engine/sampler.js';

describe('sampler', () => {
  const opts = { perField: 3, maxFields: 2, maxValueLength: 5 };

  it('keeps at most perField non-empty values per field, cut to maxValueLength', () => {
    const s = newContainerSample(['a']);
    for (const v of ['x', '', null, 'abcdefgh', 'y', 'z', 'w']) addRow(s, { a: v }, opts);
    expect(s.fields.get('a')?.values).toEqual(['x', 'abcde', 'y']);
    expect(s.fields.get('a')?.rows).toBe(7);
    expect(isSaturated(s, opts)).toBe(true);
  });

  it('caps the number of fields (wide JSON) and counts the rest', () => {
    const s = newContainerSample([]);
    addRow(s, { a: 1, b: 2, c: 3 }, opts);
    expect([...s.fields.keys()]).toEqual(['a', 'b']);
    expect(s.droppedFields).toBe(1);
  });

  it('keeps binary heads apart from text', () => {
    const s = newContainerSample(['p']);
    addRow(s, { p: Buffer.alloc(200, 0xff) }, opts);
    expect(s.fields.get('p')?.binaryHeads[0]?.length).toBe(64);
    expect(s.fields.get('p')?.values).toEqual([]);
  });

  it('samples uniformly over everything read in reservoir mode, repeatably', () => {
    const run = () => {
      const s = newContainerSample(['n']);
      for (let i = 0; i < 100_000; i++) addRow(s, { n: i }, { perField: 1000, maxFields: 1, maxValueLength: 10, reservoir: true });
      return s.fields.get('n')!.values.map(Number);
    };
    const values = run();
    expect(values).toHaveLength(1000);
    expect(values).toEqual(run());
    // A uniform sample of 0..99999 has about half its values above 50000, and reaches the end.
    const upper = values.filter((v) => v >= 50_000).length;
    expect(upper).toBeGreaterThan(400);
    expect(upper).toBeLessThan(600);
    expect(Math.max(...values)).toBeGreaterThan(90_000);
  });

  it('turns dates, numbers and objects into text', () => {
    expect(valueToString(new Date('2020-01-02T00:00:00Z'), 100)).toBe('2020-01-02T00:00:00.000Z');
    expect(valueToString(12n, 100)).toBe('12');
    expect(valueToString({ a: 1 }, 100)).toBe('{"a":1}');
    expect(valueToString(Symbol('x'), 100)).toBeUndefined();
  });
});
