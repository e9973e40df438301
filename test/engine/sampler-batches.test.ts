import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rowFromValues } from '../../src/connectors/sql-common.js';
import { addRow, addRows, addValues, newContainerSample, rowTarget, type ContainerSample } from '../../src/engine/sampler.js';

/**
 * Positional rows (addValues one by one, addRows in batches) must leave exactly the sample that the
 * same rows as objects (addRow) leave.
 */
describe('addValues and addRows', () => {
  const snapshot = (s: ContainerSample): unknown => ({ rows: s.rows, dropped: s.droppedFields, rng: s.rng, fields: [...s.fields.entries()] });

  it('matches addRow, reservoir draws included', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'b', '2', '10', '__proto__', 'e-mail', 'a'), { minLength: 1, maxLength: 6 }),
        fc.array(fc.array(fc.oneof(fc.constant(null), fc.constant(''), fc.string({ maxLength: 4 }), fc.integer()), { minLength: 6, maxLength: 6 }), { maxLength: 60 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 4 }),
        fc.constantFrom(undefined, 'b', '10'),
        fc.integer({ min: 1, max: 7 }),
        (names, rows, reservoir, maxFields, exclude, batchSize) => {
          const options = { perField: 3, maxFields, maxValueLength: 3, reservoir };
          const known = [...new Set(names)].filter((n) => n !== exclude).slice(0, 2);
          const byRow = newContainerSample(known);
          const byValues = newContainerSample(known);
          const byBatches = newContainerSample(known);
          const excluded = exclude === undefined ? undefined : (n: string): boolean => n === exclude;
          for (const values of rows) {
            const row = rowFromValues(names, values);
            // What scan's filterRow leaves (Object.fromEntries keeps `__proto__` an own field).
            const kept = Object.fromEntries(Object.entries(row).filter(([k]) => !excluded?.(k)));
            addRow(byRow, kept, options);
          }
          if (rows.length > 0) {
            const target = rowTarget(byValues, names, options, excluded);
            for (const values of rows) addValues(byValues, target, values, options);
            const batchTarget = rowTarget(byBatches, names, options, excluded);
            for (let i = 0; i < rows.length; i += batchSize) addRows(byBatches, batchTarget, rows.slice(i, i + batchSize), options);
          }
          expect(snapshot(byValues)).toEqual(snapshot(byRow));
          expect(snapshot(byBatches)).toEqual(snapshot(byRow));
        },
      ),
      { numRuns: 500, seed: 7 },
    );
  });

  it('puts integer-like names first, as an object does', () => {
    const s = newContainerSample([]);
    const target = rowTarget(s, ['name', '2', '1'], { perField: 2, maxFields: 10, maxValueLength: 10 });
    addValues(s, target, ['x', 'two', 'one'], { perField: 2, maxFields: 10, maxValueLength: 10 });
    expect([...s.fields.keys()]).toEqual(['1', '2', 'name']);
    expect(s.fields.get('1')?.values).toEqual(['one']);
  });
});
