import { Readable } from 'node:stream';
import { parse, type CsvError } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import { PdmapError } from '../../errors.js';
import type { Row } from '../../types.js';
import { stripNul } from './encoding.js';
import { toRow } from './rows.js';

/**
 * CSV and TSV through csv-parse's streaming parser: the delimiter is sniffed from the first line,
 * the first record names the fields (unless it looks like data), ragged rows keep what they have.
 */

const DELIMITERS = [',', ';', '\t', '|'] as const;

/**
 * The delimiter that occurs most often outside quotes in the first line; on a tie or none, the
 * extension's (`,` for .csv, tab for .tsv). Danish and German exports use `;`.
 */
export function sniffDelimiter(firstLine: string, fallback: string): string {
  const counts = new Map<string, number>();
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (DELIMITERS as readonly string[]).includes(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = fallback;
  let bestCount = counts.get(fallback) ?? 0;
  for (const d of DELIMITERS) {
    const n = counts.get(d) ?? 0;
    if (n > bestCount) {
      best = d;
      bestCount = n;
    }
  }
  return best;
}

/** Excel's `sep=;` first line: names the delimiter and is not part of the data. */
export function excelSeparator(firstLine: string): string | undefined {
  const line = firstLine.trim();
  return line.length === 5 && line.toLowerCase().startsWith('sep=') ? line[4] : undefined;
}

/** The delimiter of a CSV head and whether its first line is Excel's `sep=` line. */
export function csvLayout(headText: string, fallback: string): { readonly delimiter: string; readonly sepLine: boolean } {
  const nl = headText.indexOf('\n');
  const first = nl === -1 ? headText : headText.slice(0, nl);
  const sep = excelSeparator(first);
  if (sep !== undefined) return { delimiter: sep, sepLine: true };
  return { delimiter: sniffDelimiter(first, fallback), sepLine: false };
}

/**
 * A header row has short, non-empty-ish cells with letters and no `@`. A first row that fails
 * this (a headerless export) is read as data, and the fields are named `column_1`, `column_2`…:
 * field names appear in reports, and a value must never become one.
 */
export function looksLikeHeader(cells: readonly string[]): boolean {
  const nonEmpty = cells.map((c) => c.trim()).filter((c) => c.length > 0);
  if (nonEmpty.length === 0 || nonEmpty.length * 2 < cells.length) return false;
  return nonEmpty.every((c) => c.length <= 64 && !c.includes('@') && /\p{L}/u.test(c));
}

/** Field names from a header row: trimmed; empty cells become `column_N`, repeats get `_N`. */
export function headerNames(cells: readonly string[]): string[] {
  const seen = new Set<string>();
  return cells.map((cell, i) => {
    let name = stripNul(cell).trim();
    if (name.length === 0) name = columnName(i);
    if (seen.has(name)) name = `${name}_${i + 1}`;
    seen.add(name);
    return name;
  });
}

export function columnName(index: number): string {
  return `column_${index + 1}`;
}

/** The field names of a CSV head, or undefined when the first record is not a header. */
export function headerFromHead(headText: string, delimiter: string, sepLine = false): string[] | undefined {
  const nl = headText.lastIndexOf('\n');
  const complete = nl === -1 ? headText : headText.slice(0, nl + 1);
  try {
    const records = parseSync(complete, {
      delimiter,
      relax_quotes: true,
      relax_column_count: true,
      to: 1,
      skip_empty_lines: true,
      ...(sepLine ? { from_line: 2 } : {}),
    }) as string[][];
    const first = records[0];
    return first && looksLikeHeader(first) ? headerNames(first) : undefined;
  } catch {
    return undefined;
  }
}

export interface CsvReadOptions {
  readonly delimiter: string;
  /** The first line is Excel's `sep=` line: skip it. */
  readonly sepLine?: boolean;
  /** A record (a quoted field that never closes, above all) longer than this stops the read. */
  readonly maxRecordBytes: number;
  /** Container id, for messages. */
  readonly file: string;
}

export interface CsvCounters {
  /** Records skipped for a quoting error that does not stop the read. */
  badRecords: number;
}

/** Errors after which the rest of the file cannot be trusted: the read stops with a parse error. */
const FATAL_CODES = new Set(['CSV_MAX_RECORD_SIZE', 'CSV_QUOTE_NOT_CLOSED']);

/** Rows of a CSV file given as UTF-8 chunks (BOM already skipped). */
export async function* csvRows(chunks: AsyncIterable<Uint8Array>, options: CsvReadOptions, counters: CsvCounters): AsyncGenerator<Row> {
  const parser = parse({
    delimiter: options.delimiter,
    relax_column_count: true,
    relax_quotes: true,
    bom: true,
    skip_empty_lines: true,
    max_record_size: options.maxRecordBytes,
    ...(options.sepLine ? { from_line: 2 } : {}),
    skip_records_with_error: true,
    on_skip: (err) => {
      // Throwing from on_skip turns the skip back into an error that ends the parse.
      if (err && FATAL_CODES.has(err.code)) throw err;
      counters.badRecords++;
      return undefined;
    },
  });
  const input = Readable.from(chunks, { objectMode: false });
  input.once('error', (err) => parser.destroy(err));
  input.pipe(parser);
  let header: string[] | undefined;
  let records = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (!header) {
        if (looksLikeHeader(record)) {
          header = headerNames(record);
          continue;
        }
        header = [];
      }
      records++;
      yield toRow(record.map((cell, i): [string, string] => [header?.[i] ?? columnName(i), stripNul(cell)]));
    }
  } catch (err) {
    const csv = err as Partial<CsvError> | null;
    if (csv && typeof csv.code === 'string' && csv.code.startsWith('CSV_')) throw csvError(csv, options, records);
    throw err;
  } finally {
    input.destroy();
    parser.destroy();
  }
}

function csvError(err: Partial<CsvError>, options: CsvReadOptions, records: number): PdmapError {
  const line = typeof err.lines === 'number' ? ` at line ${err.lines}` : '';
  const read = `${records} record${records === 1 ? '' : 's'} read before it`;
  if (err.code === 'CSV_MAX_RECORD_SIZE' || err.code === 'CSV_QUOTE_NOT_CLOSED') {
    return new PdmapError(
      'parse',
      `${options.file}: a quoted field${line} is never closed (or a record is longer than ${options.maxRecordBytes} bytes); the rest of the file was skipped, ${read}`,
      'fix the quoting in the file, or raise maxLineBytes if records really are that long',
      { cause: err },
    );
  }
  return new PdmapError('parse', `${options.file}: CSV error ${err.code ?? ''}${line}, ${read}`, 'check the file is valid CSV', { cause: err });
}
