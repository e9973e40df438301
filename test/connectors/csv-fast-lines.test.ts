import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvRows, type CsvReadOptions } from '../../src/connectors/files/csv.js';
import type { Row } from '../../src/types.js';

/**
 * csvRows splits plain lines itself, gives quoted ones to csv-parse's synchronous parser a few at
 * a time, and hands the rest of a file to csv-parse's streaming parser when in doubt; the rows,
 * counters and errors must be those of csv-parse alone (`fastLines: false`), however the bytes are
 * cut into chunks.
 */

interface Outcome {
  rows: Row[];
  bad: number;
  error?: string;
}

async function read(bytes: Uint8Array, cuts: readonly number[], options: CsvReadOptions): Promise<Outcome> {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  async function* chunks(): AsyncGenerator<Uint8Array> {
    let from = 0;
    for (const p of [...points, bytes.length]) {
      if (p > from) yield bytes.subarray(from, p);
      from = Math.max(from, p);
    }
  }
  const counters = { badRecords: 0 };
  const rows: Row[] = [];
  try {
    for await (const row of csvRows(chunks(), options, counters)) rows.push({ ...row });
  } catch (err) {
    return { rows, bad: counters.badRecords, error: (err as Error).message };
  }
  return { rows, bad: counters.badRecords };
}

const pieces = ['a', 'b', 'name', 'é', '日本', ',', ';', '\t', ' ', '\n', '\r\n', '\r\n', '\r', '"', '""', 'x"y', '"q\nq"', '"q\r\nq"', '\u0000', '@', '12', '\ufeff'];

/**
 * Equal, except where csv-parse alone loses rows: records it parsed in the same chunk as an
 * error that ends the read are never delivered. The plain lines before that point are, as the
 * files connector promises ("the rows before it have been yielded").
 */
function expectSame(fast: Outcome, slow: Outcome): void {
  if (slow.error === undefined) {
    expect(fast).toEqual(slow);
    return;
  }
  const count = /\b(\d+) records? read before it$/;
  expect(fast.error?.replace(count, 'N records read before it')).toBe(slow.error.replace(count, 'N records read before it'));
  expect(fast.rows.slice(0, slow.rows.length)).toEqual(slow.rows);
  expect(Number(count.exec(fast.error ?? '')?.[1])).toBe(fast.rows.length);
  expect(fast.bad).toBe(slow.bad);
}

describe('csvRows line splitting', () => {
  it('gives exactly what csv-parse alone gives', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...pieces), { maxLength: 60 }),
        fc.constantFrom(',', ';', '\t'),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.integer({ min: 4, max: 64 }),
        fc.boolean(),
        async (parts, delimiter, sepLine, cuts, maxRecordBytes, header) => {
          const text = `${header ? 'name,email;phone\tnote\n' : ''}${parts.join('')}`;
          const bytes = new TextEncoder().encode(sepLine ? `sep=${delimiter}\n${text}` : text);
          const base = { delimiter, sepLine, maxRecordBytes, file: 'f.csv' };
          const fast = await read(bytes, cuts, { ...base, fastLines: true });
          const slow = await read(bytes, cuts, { ...base, fastLines: false });
          expectSame(fast, slow);
        },
      ),
      { numRuns: 4000, seed: 20261129 },
    );
  });

  it('leaves the line ending to csv-parse when the first record is quoted across lines', async () => {
    const text = 'id,"multi\nline ""name"""\r\n1,first\r\n2,\r\n3,third\r\n';
    const bytes = new TextEncoder().encode(text);
    for (const cuts of [[], [5], [12, 13, 14], [30]]) {
      const fast = await read(bytes, cuts, { delimiter: ',', maxRecordBytes: 100, file: 'f.csv' });
      expectSame(fast, await read(bytes, cuts, { delimiter: ',', maxRecordBytes: 100, file: 'f.csv', fastLines: false }));
      expect(fast.rows.map((r) => r['multi\nline "name"'])).toEqual(['first', '', 'third']);
    }
  });

  it('parses quoted records on the way and hands a broken one to csv-parse, keeping the rows before it and line numbers', async () => {
    const lines = ['id,name', ...Array.from({ length: 50 }, (_, i) => `${i},n${i}`), '51,"quoted, with comma"', '52,plain', '53,"never closed'];
    const bytes = new TextEncoder().encode(lines.join('\n'));
    const fast = await read(bytes, [7, 100, 333], { delimiter: ',', maxRecordBytes: 40, file: 'f.csv' });
    const slow = await read(bytes, [], { delimiter: ',', maxRecordBytes: 40, file: 'f.csv', fastLines: false });
    expectSame(fast, slow);
    // Every record before the broken one arrives, the quoted one too; csv-parse alone loses what
    // it read in the chunk that ended in its error.
    expect(fast.rows).toHaveLength(52);
    expect(fast.rows[50]).toEqual({ id: '51', name: 'quoted, with comma' });
    expect(fast.error).toContain('line 54');
  });
});
