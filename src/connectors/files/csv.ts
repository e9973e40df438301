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
  /** Split plain lines without csv-parse (default true; false is for tests comparing the two). */
  readonly fastLines?: boolean;
}

export interface CsvCounters {
  /** Records skipped for a quoting error that does not stop the read. */
  badRecords: number;
}

/** Errors after which the rest of the file cannot be trusted: the read stops with a parse error. */
const FATAL_CODES = new Set(['CSV_MAX_RECORD_SIZE', 'CSV_QUOTE_NOT_CLOSED']);

/**
 * Rows of a CSV file given as UTF-8 chunks (BOM already skipped).
 *
 * Most CSV lines hold no quote at all, and for those csv-parse's answer is simply the line split
 * at the delimiter: such lines are split here, on bytes, several times faster than csv-parse's
 * streaming parser (full scans read every line). Lines with quotes go to csv-parse's synchronous
 * parser a few at a time (see plainRecords). Whatever cannot be shown to give csv-parse's own
 * answer (an error, a skipped record, a record over `maxRecordBytes`, a lone CR line ending, a
 * stray BOM) hands the rest of the file to csv-parse's streaming parser, so the rows are the same
 * as with csv-parse alone.
 */
export async function* csvRows(chunks: AsyncIterable<Uint8Array>, options: CsvReadOptions, counters: CsvCounters): AsyncGenerator<Row> {
  let header: string[] | undefined;
  let plainHeader = true;
  let records = 0;
  const rowOf = (record: readonly string[]): Row | undefined => {
    if (!header) {
      if (looksLikeHeader(record)) {
        header = headerNames(record);
        plainHeader = !header.includes('__proto__');
        return undefined;
      }
      header = [];
    }
    const names = header;
    if (!plainHeader) return toRow(record.map((cell, i): [string, string] => [names[i] ?? columnName(i), stripNul(cell)]));
    // Plain assignment is safe: no name is `__proto__` (extra cells are `column_N`).
    const row: Record<string, string> = {};
    for (let i = 0; i < record.length; i++) row[names[i] ?? columnName(i)] = stripNul(record[i] as string);
    return row;
  };

  let rest: Fallback | undefined = { records: [], chunks, atStart: true, sepPending: options.sepLine === true, lineOffset: 0 };
  if (options.fastLines !== false && options.delimiter.length === 1 && options.delimiter.charCodeAt(0) < 0x80) {
    const plain = plainRecords(chunks, options);
    try {
      let step = await plain.next();
      while (!step.done) {
        for (const record of step.value) {
          const row = rowOf(record);
          if (row) {
            records++;
            yield row;
          }
        }
        step = await plain.next();
      }
      rest = step.value;
    } finally {
      await plain.return(undefined);
    }
  }
  if (!rest) return;
  for (const record of rest.records) {
    const row = rowOf(record);
    if (row) {
      records++;
      yield row;
    }
  }

  const parser = parse({
    delimiter: options.delimiter,
    relax_column_count: true,
    relax_quotes: true,
    bom: rest.atStart,
    skip_empty_lines: true,
    max_record_size: options.maxRecordBytes,
    ...(rest.recordDelimiter ? { record_delimiter: rest.recordDelimiter } : {}),
    ...(rest.sepPending ? { from_line: 2 } : {}),
    skip_records_with_error: true,
    on_skip: (err) => {
      // Throwing from on_skip turns the skip back into an error that ends the parse.
      if (err && FATAL_CODES.has(err.code)) throw err;
      counters.badRecords++;
      return undefined;
    },
  });
  const input = Readable.from(rest.chunks, { objectMode: false });
  input.once('error', (err) => parser.destroy(err));
  input.pipe(parser);
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      const row = rowOf(record);
      if (!row) continue;
      records++;
      yield row;
    }
  } catch (err) {
    const csv = err as Partial<CsvError> | null;
    if (csv && typeof csv.code === 'string' && csv.code.startsWith('CSV_')) throw csvError(csv, options, records, rest.lineOffset);
    throw err;
  } finally {
    input.destroy();
    parser.destroy();
  }
}

/** Where csv-parse takes over from the plain-line splitter. */
interface Fallback {
  /** Records split before the hand-over, not yet yielded. */
  readonly records: readonly string[][];
  /** The bytes not yet split, from the start of a line. */
  readonly chunks: AsyncIterable<Uint8Array>;
  /** Nothing was consumed yet: csv-parse sees the file from its first byte. */
  readonly atStart: boolean;
  /** Excel's `sep=` line has not been skipped yet. */
  readonly sepPending: boolean;
  /** The record delimiter csv-parse would have discovered, once it is known. */
  readonly recordDelimiter?: '\n' | '\r\n';
  /** Lines consumed before, so csv-parse's line numbers in messages stay true. */
  readonly lineOffset: number;
}

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
/** Consecutive lines with quotes are handed to csv-parse together, up to this size. */
const QUOTED_BLOCK_BYTES = 64 * 1024;
const EMPTY = Buffer.alloc(0);

function count(bytes: Buffer, byte: number): number {
  let n = 0;
  for (let at = bytes.indexOf(byte); at !== -1; at = bytes.indexOf(byte, at + 1)) n++;
  return n;
}

/**
 * Yields, in batches, the records csv-parse would give for the options csvRows uses, and returns
 * where csv-parse must take over (undefined: the input ended).
 * - A line without a quote is split at the delimiter.
 * - Lines with quotes (and, in a CRLF file, lines ending in a bare LF) are gathered until their
 *   quotes pair up at a line end, then parsed together by csv-parse's synchronous parser from
 *   the same clean state the streaming parser would be in. Its records are taken only if it ended
 *   cleanly: no error, no skipped record; anything else goes to the streaming parser.
 * - csv-parse takes the first line ending it meets outside quotes as the file's: until that is
 *   known from a plain line (LF or CRLF), a quoted line, a lone CR or a stray BOM goes to it.
 */
async function* plainRecords(chunks: AsyncIterable<Uint8Array>, options: CsvReadOptions): AsyncGenerator<string[][], Fallback | undefined> {
  const { delimiter, maxRecordBytes } = options;
  const iterator = chunks[Symbol.asyncIterator]();
  let chunk: Buffer = EMPTY;
  let pos = 0;
  /** A line spanning chunks. */
  let parts: Buffer[] = [];
  let partBytes = 0;
  /** Lines with quotes waiting for their quotes to pair up. */
  let block: Buffer[] = [];
  let blockBytes = 0;
  let blockQuotes = 0;
  let ended = false;
  let recordDelimiter: '\n' | '\r\n' | undefined;
  let sepPending = options.sepLine === true;
  let atStart = true;
  let lines = 0;
  let handedOver = false;
  let out: string[][] = [];

  const fallback = (): Fallback => {
    const head = [...block, ...parts, chunk.subarray(pos)].filter((b) => b.length > 0);
    block = [];
    parts = [];
    handedOver = true;
    async function* remaining(): AsyncGenerator<Uint8Array> {
      try {
        yield* head;
        for (;;) {
          const next = await iterator.next();
          if (next.done) return;
          yield next.value;
        }
      } finally {
        await iterator.return?.();
      }
    }
    return { chunks: remaining(), records: out, atStart, sepPending, lineOffset: lines, ...(recordDelimiter ? { recordDelimiter } : {}) };
  };

  /** The next raw line with its LF (the last one may have none); undefined when more bytes are needed. */
  const nextLine = (): Buffer | undefined => {
    const nl = chunk.indexOf(LF, pos);
    if (nl !== -1) {
      const piece = chunk.subarray(pos, nl + 1);
      pos = nl + 1;
      if (partBytes === 0) return piece;
      const line = Buffer.concat([...parts, piece]);
      parts = [];
      partBytes = 0;
      return line;
    }
    if (pos < chunk.length) {
      parts.push(chunk.subarray(pos));
      partBytes += chunk.length - pos;
      pos = chunk.length;
    }
    if (!ended || partBytes === 0) return undefined;
    const last = parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts);
    parts = [];
    partBytes = 0;
    return last;
  };

  /** csv-parse's line count (for messages): every CR and LF, a CRLF record delimiter once. */
  const countLines = (raw: Buffer): void => {
    lines += count(raw, LF) + count(raw, CR);
    if (recordDelimiter === '\r\n' && raw.length >= 2 && raw[raw.length - 1] === LF && raw[raw.length - 2] === CR) lines--;
  };

  /** Parses the gathered block; false when csv-parse must take over from its start. */
  const flushBlock = (): boolean => {
    if (block.length === 0) return true;
    const raw = block.length === 1 ? (block[0] as Buffer) : Buffer.concat(block);
    let clean = true;
    let records: string[][];
    try {
      records = parseSync(raw, {
        delimiter,
        relax_column_count: true,
        relax_quotes: true,
        skip_empty_lines: true,
        max_record_size: maxRecordBytes,
        ...(recordDelimiter ? { record_delimiter: recordDelimiter } : {}),
        skip_records_with_error: true,
        on_skip: () => {
          clean = false;
          return undefined;
        },
      }) as string[][];
    } catch {
      return false;
    }
    if (!clean) return false;
    for (const r of records) out.push(r);
    countLines(raw);
    atStart = false;
    block = [];
    blockBytes = 0;
    blockQuotes = 0;
    return true;
  };

  try {
    for (;;) {
      const raw = nextLine();
      if (raw === undefined) {
        if (ended) break;
        // No line end in sight (CR-only line endings, a quote that never closes): csv-parse's call.
        if (partBytes + blockBytes > maxRecordBytes + QUOTED_BLOCK_BYTES + 2) return fallback();
        if (out.length > 0) {
          yield out;
          out = [];
        }
        const next = await iterator.next();
        if (next.done) {
          ended = true;
          continue;
        }
        chunk = Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength);
        pos = 0;
        // A BOM csv-parse would strip.
        if (atStart && partBytes === 0 && block.length === 0 && chunk[0] === 0xef) return fallback();
        continue;
      }
      const terminated = raw[raw.length - 1] === LF;
      const quotes = raw.indexOf(QUOTE) === -1 ? 0 : count(raw, QUOTE);
      if (recordDelimiter === undefined && quotes === 0) {
        // The first line ending outside quotes is the file's: LF or CRLF here; a CR elsewhere
        // (old Mac line endings) goes to csv-parse.
        const cr = raw.indexOf(CR);
        if (cr !== -1 && !(terminated && cr === raw.length - 2)) {
          block.push(raw);
          return fallback();
        }
        if (terminated) recordDelimiter = cr === -1 ? '\n' : '\r\n';
      }
      const bareLf = recordDelimiter === '\r\n' && terminated && raw[raw.length - 2] !== CR;
      if (block.length === 0 && quotes === 0 && !bareLf) {
        const end = raw.length - (terminated ? (recordDelimiter === '\r\n' ? 2 : 1) : 0);
        if (end > maxRecordBytes) {
          block.push(raw);
          return fallback();
        }
        countLines(raw);
        atStart = false;
        if (sepPending) {
          sepPending = false;
          continue;
        }
        if (end > 0) out.push(raw.toString('utf8', 0, end).split(delimiter));
        continue;
      }
      block.push(raw);
      blockBytes += raw.length;
      blockQuotes += quotes;
      if (recordDelimiter === undefined || sepPending) return fallback();
      // The record goes on while a quote is open, or past a bare LF in a CRLF file.
      if (blockQuotes % 2 === 1 || bareLf) continue;
      if (!flushBlock()) return fallback();
    }
    if (block.length > 0 && !flushBlock()) return fallback();
    if (out.length > 0) yield out;
    return undefined;
  } finally {
    // Stopped early (the sample is full) or done: the chunks' source can let go of the file.
    if (!handedOver) await iterator.return?.();
  }
}

function csvError(err: Partial<CsvError>, options: CsvReadOptions, records: number, lineOffset: number): PdmapError {
  const line = typeof err.lines === 'number' ? ` at line ${err.lines + lineOffset}` : '';
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
