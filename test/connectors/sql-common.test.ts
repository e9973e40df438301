import { describe, expect, it } from 'vitest';
import {
  abortable,
  keyRangeSample,
  quoteBacktick,
  quoteDouble,
  rowFromValues,
  wantsKeyRange,
  type KeyRunReader,
} from '../../src/connectors/sql-common.js';
import { describeError } from '../../src/errors.js';
import type { Row } from '../../src/types.js';

/** A table as a sorted key list; counts the runs the sampler asks for. */
function table(keys: readonly bigint[]): { read: KeyRunReader; runs: number } {
  const sorted = [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const state = {
    runs: 0,
    read: async function* (from: bigint | undefined, count: number) {
      state.runs++;
      let n = 0;
      for (const key of sorted) {
        if (from !== undefined && key < from) continue;
        if (n++ >= count) return;
        yield { row: { id: key }, key };
      }
    },
  };
  return state;
}

async function ids(rows: AsyncIterable<Row>): Promise<bigint[]> {
  const out: bigint[] = [];
  for await (const row of rows) out.push(row.id as bigint);
  return out;
}

const range = (from: number, to: number): bigint[] => Array.from({ length: to - from + 1 }, (_, i) => BigInt(from + i));

describe('keyRangeSample', () => {
  it('spreads a dense table and returns exactly `limit` distinct rows', async () => {
    const t = table(range(1, 100_000));
    const got = await ids(keyRangeSample(1n, 100_000n, 400, t.read));
    expect(got).toHaveLength(400);
    expect(new Set(got).size).toBe(400);
    // Every tenth of the key range is visited.
    const tenths = new Set(got.map((k) => Number((k - 1n) / 10_000n)));
    expect(tenths.size).toBe(10);
    expect(t.runs).toBeLessThanOrEqual(21);
  });

  it('fills up from the start when the runs hit the end of a sparse table', async () => {
    for (const seed of [0, 0.5, 0.999]) {
      const keys = [...range(1, 150), ...range(1_000_000_000_000, 1_000_000_000_004)];
      const got = await ids(keyRangeSample(1n, 1_000_000_000_004n, 100, table(keys).read, () => seed));
      expect(got).toHaveLength(100);
      expect(new Set(got).size).toBe(100);
    }
  });

  it('returns every row when the table has fewer rows than the limit', async () => {
    const keys = [1n, 5n, 900n, 901n, 5_000n];
    const got = await ids(keyRangeSample(1n, 5_000n, 50, table(keys).read));
    expect([...got].sort((a, b) => Number(a - b))).toEqual(keys);
  });

  it('handles keys beyond 2^53 and negative keys', async () => {
    const base = 2n ** 62n;
    const keys = Array.from({ length: 1_000 }, (_, i) => base + BigInt(i) * 1_000n);
    const got = await ids(keyRangeSample(keys[0]!, keys.at(-1)!, 20, table(keys).read));
    expect(new Set(got).size).toBe(20);
    const negative = range(-5_000, 5_000);
    const neg = await ids(keyRangeSample(-5_000n, 5_000n, 30, table(negative).read));
    expect(new Set(neg).size).toBe(30);
    expect(neg.some((k) => k < 0n) && neg.some((k) => k > 0n)).toBe(true);
  });

  it('is only used when the key range is clearly larger than the sample', () => {
    expect(wantsKeyRange(1n, 200n, 100)).toBe(false);
    expect(wantsKeyRange(1n, 201n, 100)).toBe(true);
  });
});

describe('identifier quoting', () => {
  it('doubles the quote character and nothing else', () => {
    expect(quoteDouble('a"; DROP TABLE t; --')).toBe('"a""; DROP TABLE t; --"');
    expect(quoteDouble('a.b')).toBe('"a.b"');
    expect(quoteBacktick('we`ird"col\'\nname')).toBe('`we``ird"col\'\nname`');
  });

  it('refuses names no server can hold', () => {
    expect(describeError(captured(() => quoteDouble('a\u0000b'))).code).toBe('parse');
    expect(describeError(captured(() => quoteBacktick(''))).code).toBe('parse');
  });
});

describe('rowFromValues', () => {
  it('keeps __proto__ as an ordinary field', () => {
    const row = rowFromValues(['__proto__', 'x'], ['evil', 1]);
    expect(Object.keys(row)).toEqual(['__proto__', 'x']);
    expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
  });
});

describe('abortable', () => {
  it('rejects on abort and hands a late value to onLate', async () => {
    const controller = new AbortController();
    let resolveLater: (v: string) => void = () => undefined;
    const late: string[] = [];
    const pending = abortable(new Promise<string>((r) => (resolveLater = r)), controller.signal, (v) => late.push(v));
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    resolveLater('connection');
    await new Promise((r) => setTimeout(r, 0));
    expect(late).toEqual(['connection']);
  });
});

function captured(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected a throw');
}
