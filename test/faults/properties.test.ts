import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinDetectors } from '../../detectors/index.js';
import { csvRows } from '../../src/connectors/files/csv.js';
import { jsonRowReader } from '../../src/connectors/files/json.js';
import { MAX_ROWS_PER_RECORD, flattenRecord } from '../../src/connectors/files/rows.js';
import { PdmapError } from '../../src/errors.js';
import { matchesPattern, tokenize } from '../../src/engine/field-name.js';
import { maskValue } from '../../src/engine/mask.js';
import { redactText } from '../../src/redact.js';
import type { MatchContext } from '../../src/types.js';

/**
 * Property-based tests (fast-check) for the parsers and detectors that see hostile input: field
 * names, sampled values, error messages, file contents. Seeds are fixed so a failure repeats.
 */

const seed = 20_240_601;
const runs = { seed, numRuns: 300 };

const nameChars = fc.constantFrom(...'abcXYZ019_- .éøÆß名$"`\'\n\t*@'.split(''));
const fieldName = fc.string({ unit: nameChars, maxLength: 40 });

describe('tokenize and matchesPattern', () => {
  it('tokens are folded lower-case letters and digits, and tokenising them again changes nothing', () => {
    fc.assert(
      fc.property(fc.oneof(fieldName, fc.string({ maxLength: 60 }), fc.string({ unit: 'grapheme', maxLength: 30 })), (name) => {
        const tokens = tokenize(name);
        for (const t of tokens) expect(t).toMatch(/^[a-z0-9]+$/);
        expect(tokenize(tokens.join('_'))).toEqual(tokens);
      }),
      runs,
    );
  });

  it('a name always matches itself as a pattern, with or without compound stars', () => {
    fc.assert(
      fc.property(fieldName, (name) => {
        const tokens = tokenize(name);
        fc.pre(tokens.length > 0);
        expect(matchesPattern(tokens, name)).toBe(true);
      }),
      runs,
    );
    const word = fc.string({ unit: fc.constantFrom(...'abcdefghij'.split('')), minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(word, word, (head, tail) => {
        expect(matchesPattern([`${head}${tail}`], `*${tail}`)).toBe(true);
        expect(matchesPattern([`${head}${tail}`], `${head}*`)).toBe(true);
        expect(matchesPattern(tokenize(`${head}_${tail}`), `${head} ${tail}`)).toBe(true);
        expect(matchesPattern(tokenize(`${head}${tail.toUpperCase()}`), `${head}${tail}`)).toBe(true);
      }),
      runs,
    );
  });

  it('never throws and stays fast on huge names', () => {
    const huge = ['a_'.repeat(50_000), 'aB'.repeat(50_000), 'a1'.repeat(50_000), '*'.repeat(100_000), 'é'.repeat(100_000)];
    for (const name of huge) {
      const started = performance.now();
      const tokens = tokenize(name);
      matchesPattern(tokens, 'postal code');
      matchesPattern(tokens, '*mail');
      matchesPattern(tokens, name.slice(0, 1_000));
      expect(performance.now() - started, name.slice(0, 8)).toBeLessThan(2_000);
    }
  });
});

describe('maskValue', () => {
  const noStar = fc.string({ maxLength: 80 }).filter((s) => !s.includes('*'));
  const categories = fc.constantFrom(undefined, 'email', 'phone', 'person.name', 'address.street', 'national_id', 'free_text_personal', 'password');

  it('never returns its input (3+ characters with letters or digits)', () => {
    fc.assert(
      fc.property(noStar, categories, (value, category) => {
        fc.pre(value.trim().length >= 3 && /[\p{L}\p{N}]/u.test(value));
        const masked = maskValue(value, category);
        expect(masked).not.toBe(value);
        expect(masked).not.toBe(value.trim());
      }),
      runs,
    );
  });

  /** Runs of 3+ letters/digits left in a masked value, apart from an e-mail's top-level domain. */
  const leakedRuns = (masked: string): string[] => (masked.replace(/@\*\*\*\.[a-z]{2,24}$/i, '').match(/[\p{L}\p{N}]{3,}/gu) ?? []).filter(Boolean);

  it('keeps no run of 3 or more letters or digits of the input (except an e-mail TLD)', () => {
    const text = fc.string({ unit: fc.constantFrom(...'abcdef XYZ 0123456789 @.-+()/,;:'.split('')), maxLength: 80 });
    fc.assert(
      fc.property(fc.oneof(text, fc.string({ maxLength: 80 })), categories, (value, category) => {
        expect(leakedRuns(maskValue(value, category))).toEqual([]);
      }),
      runs,
    );
  });

  it('never shows the local part of an e-mail address, nor the words around one', () => {
    const local = fc.stringMatching(/^[a-z0-9][a-z0-9._+-]{1,20}$/);
    const domain = fc.stringMatching(/^[a-z0-9-]{1,15}\.[a-z]{2,6}$/);
    fc.assert(
      fc.property(local, domain, fc.constantFrom(undefined, 'email', 'free_text_personal'), (l, d, category) => {
        const email = `${l}@${d}`;
        // The kept top-level domain may happen to spell the local part (`co@x.com`): look before it.
        expect(maskValue(email, category).replace(/\.[a-z]{2,6}$/, '')).not.toContain(l);
        const note = `Contact ${email}. Best regards, Petronella Hansen`;
        const masked = maskValue(note, category);
        for (const word of ['Petronella', 'Hansen', 'regards', l]) expect(masked, masked).not.toContain(word);
      }),
      runs,
    );
  });
});

describe('redactText', () => {
  const password = fc.string({ unit: fc.constantFrom(...'aZ9!#$%&()*+,;=:@._~-'.split('')), minLength: 6, maxLength: 24 });
  const wrap = fc.constantFrom(
    (u: string) => `connect ECONNREFUSED ${u}`,
    (u: string) => `Cannot read ${u}: timeout`,
    (u: string) => `url=${u} failed`,
    (u: string) => `"${u}"`,
    (u: string) => `${u}?sslmode=require&application_name=x@y`,
  );

  it('never keeps the password of scheme://user:PASSWORD@host', () => {
    fc.assert(
      fc.property(password, fc.constantFrom('postgres', 'mysql', 'mariadb', 'https'), wrap, (pw, scheme, around) => {
        const url = `${scheme}://app_user:${pw}@db.internal:5432/crm`;
        const text = around(url);
        fc.pre(!text.replace(pw, '').includes(pw));
        const out = redactText(text);
        expect(out, out).not.toContain(pw);
        expect(out).toContain(`${scheme}://app_user:***@`);
      }),
      runs,
    );
  });

  it('never keeps password=… and stays fast on huge text', () => {
    fc.assert(
      fc.property(password, (pw) => {
        fc.pre(/[a-z0-9]/i.test(pw) && !pw.includes('"'));
        for (const text of [`password=${pw}`, `PWD: ${pw}`, `token = "${pw}"`]) expect(redactText(text)).not.toContain(pw);
      }),
      runs,
    );
    for (const text of ['a://'.repeat(30_000), 'x:@'.repeat(30_000), 'password='.repeat(20_000), `${'a'.repeat(100_000)}@`]) {
      const started = performance.now();
      redactText(text);
      expect(performance.now() - started).toBeLessThan(2_000);
    }
  });
});

describe('detectors on adversarial values', () => {
  const ctx: MatchContext = { defaultCountry: 'DK' };
  const LONG = 100_000;
  const adversarial = ['a@', '1 ', '.-', '\u0000', 'a.', '@.', '+1', '0-', 'aA', 'é ', '\t', '((', 'xn--', '1,', '::', '/1', '\\', 'ÆØ', '名', '😀'].map((piece) =>
    piece.repeat(Math.ceil(LONG / piece.length)).slice(0, LONG),
  );

  for (const detector of builtinDetectors) {
    it(`${detector.id}: never throws, and answers within a linear-time budget on 100k-char values`, () => {
      if (detector.match) {
        const match = detector.match;
        fc.assert(
          fc.property(fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 100 })), (value) => {
            fc.pre(value.length > 0);
            const score = match(value, ctx);
            expect(typeof score === 'boolean' || (typeof score === 'number' && score >= 0 && score <= 1)).toBe(true);
          }),
          { seed, numRuns: 150 },
        );
        for (const value of adversarial) {
          const started = performance.now();
          match(value, ctx);
          // Catastrophic backtracking takes minutes on 100k characters; linear code takes milliseconds.
          expect(performance.now() - started, `${detector.id} on ${JSON.stringify(value.slice(0, 6))}…`).toBeLessThan(1_500);
        }
      }
      if (detector.matchBinary) {
        const matchBinary = detector.matchBinary;
        fc.assert(
          fc.property(fc.uint8Array({ maxLength: 64 }), (head) => {
            expect(typeof matchBinary(head)).toBe('boolean');
          }),
          { seed, numRuns: 150 },
        );
      }
    });
  }
});

describe('row flattening and file parsers', () => {
  const limits = { maxFields: 2_000, maxChars: 1024 * 1024, maxRowsPerRecord: MAX_ROWS_PER_RECORD };
  const hostileKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', '', '.', '[]', 'a.b', '4711', 'x@y.z', '名前');
  const jsonish = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      fc.jsonValue({ maxDepth: 3 }),
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(fc.oneof(hostileKey, fc.string({ maxLength: 8 })), tie('value'), { maxKeys: 4 }),
    ),
  })).value;

  it('flattenRecord never throws, and rows are plain objects of own properties', () => {
    fc.assert(
      fc.property(jsonish, (value) => {
        const counters = { droppedValues: 0 };
        const rows = flattenRecord(value, limits, counters);
        expect(rows.length).toBeLessThanOrEqual(MAX_ROWS_PER_RECORD);
        for (const row of rows) {
          expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
          for (const key of Object.keys(row)) expect(Object.prototype.hasOwnProperty.call(row, key)).toBe(true);
        }
      }),
      runs,
    );
    // Far deeper than any stack: values past the depth bound are dropped, not recursed into.
    let deep: unknown = 'x@example.test';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(() => flattenRecord(deep, limits, { droppedValues: 0 })).not.toThrow();
  });

  it('NDJSON and JSON reading never throws: any text gives rows, or an error step', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string({ maxLength: 300 }), fc.array(fc.json(), { maxLength: 5 }).map((a) => a.join('\n'))), fc.integer({ min: 1, max: 50 }), (text, cut) => {
        const reader = jsonRowReader({ maxFields: 2_000, maxChars: 1024 * 1024 }, { droppedValues: 0 });
        const steps = [reader.write(text.slice(0, cut)), reader.write(text.slice(cut)), reader.end()];
        for (const step of steps) for (const row of step.rows) expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
        expect(() => reader.pending()).not.toThrow();
      }),
      runs,
    );
  });

  it('CSV reading never throws anything but a parse error, whatever the bytes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string({ maxLength: 400 }), fc.string({ unit: fc.constantFrom(...'a,;"\n\r\t \u0000é'.split('')), maxLength: 400 })),
        fc.constantFrom(',', ';', '\t', '|'),
        fc.integer({ min: 1, max: 64 }),
        async (text, delimiter, chunk) => {
          const bytes = new TextEncoder().encode(text);
          async function* chunks(): AsyncGenerator<Uint8Array> {
            for (let i = 0; i < bytes.length; i += chunk) yield bytes.subarray(i, i + chunk);
          }
          try {
            for await (const row of csvRows(chunks(), { delimiter, maxRecordBytes: 256, file: 'x.csv' }, { badRecords: 0 })) {
              expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
            }
          } catch (err) {
            expect(err).toBeInstanceOf(PdmapError);
            expect((err as PdmapError).code).toBe('parse');
          }
        },
      ),
      { seed, numRuns: 200 },
    );
  });
});
