import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { capValue, flattenRecord, joinPath, arrayPath, ROOT_VALUE_FIELD, type RowCounters, type RowLimits } from '../../src/connectors/files/rows.js';
import type { Row } from '../../src/types.js';

/**
 * What flattening a record means, written as plainly as possible: a list of values per path, row
 * k from the k-th values, paths in the order they first appeared. flattenRecord is tuned for full
 * scans; whatever it becomes, it must give these rows, in this key order, and drop these values.
 */
function reference(value: unknown, limits: RowLimits, counters: RowCounters): Row[] {
  const values = new Map<string, unknown[]>();
  let chars = 0;
  const add = (path: string, raw: unknown): void => {
    const v = capValue(raw);
    const size = typeof v === 'string' ? v.length : 8;
    const list = values.get(path);
    const fits = chars + size <= limits.maxChars || values.size === 0;
    if (!fits || (list ? list.length >= limits.maxRowsPerRecord : values.size >= limits.maxFields)) {
      counters.droppedValues++;
      return;
    }
    if (list) list.push(v);
    else values.set(path, [v]);
    chars += size;
  };
  const visit = (v: unknown, path: string, depth: number): void => {
    if (depth > 64) {
      counters.droppedValues++;
      return;
    }
    if (Array.isArray(v)) for (const el of v) visit(el, arrayPath(path), depth + 1);
    else if (v !== null && typeof v === 'object') for (const k of Object.keys(v)) visit((v as Record<string, unknown>)[k], joinPath(path, k), depth + 1);
    else add(path.length === 0 ? ROOT_VALUE_FIELD : path, v);
  };
  visit(value, '', 0);
  const rows: Row[] = [];
  for (let k = 0; ; k++) {
    const row: Record<string, unknown> = {};
    let any = false;
    for (const [path, list] of values) {
      if (k < list.length) {
        Object.defineProperty(row, path, { value: list[k], enumerable: true, writable: true, configurable: true });
        any = true;
      }
    }
    if (!any) break;
    rows.push(row);
  }
  return rows;
}

describe('flattenRecord', () => {
  const key = fc.constantFrom('a', 'b', 'email', 'items', '__proto__', '4711', 'x@y.dk');
  const json = fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: 'small' }, fc.string({ maxLength: 12 }), fc.integer(), fc.boolean(), fc.constant(null), tie('array'), tie('object')),
    array: fc.array(tie('value'), { maxLength: 5 }),
    object: fc.dictionary(key, tie('value'), { maxKeys: 5 }),
  })).value;

  it('gives the rows, key order and dropped values of the plain per-path lists', () => {
    fc.assert(
      fc.property(json, fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 80 }), fc.integer({ min: 1, max: 4 }), (value, maxFields, maxChars, maxRowsPerRecord) => {
        const limits = { maxFields, maxChars, maxRowsPerRecord };
        const got = { droppedValues: 0 };
        const want = { droppedValues: 0 };
        const rows = flattenRecord(value, limits, got);
        const expected = reference(value, limits, want);
        expect(rows.map((r) => Object.entries(r))).toEqual(expected.map((r) => Object.entries(r)));
        expect(got.droppedValues).toBe(want.droppedValues);
      }),
      { numRuns: 2_000, seed: 11 },
    );
  });

  it('spreads array elements over rows of the same record', () => {
    const rows = flattenRecord({ customer: { email: 'a@b.dk' }, items: [{ sku: 'a' }, { sku: 'b' }] }, { maxFields: 10, maxChars: 1000, maxRowsPerRecord: 10 }, { droppedValues: 0 });
    expect(rows).toEqual([{ 'customer.email': 'a@b.dk', 'items[].sku': 'a' }, { 'items[].sku': 'b' }]);
  });
});
