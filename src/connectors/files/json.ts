import { jsonParser, type Token } from 'stream-json/core/parser.js';
import { getManyValues, isMany, none } from 'stream-chain/defs.js';
import type { Row } from '../../types.js';
import {
  MAX_DEPTH,
  MAX_ROWS_PER_RECORD,
  MAX_VALUE_CHARS,
  ROOT_VALUE_FIELD,
  arrayPath,
  joinPath,
  recordBuilder,
  streamingBuilder,
  type RowBuilder,
  type RowCounters,
  type RowLimits,
} from './rows.js';

/**
 * A JSON document of any size, read token by token (stream-json's tokenizer, with strings,
 * keys and numbers streamed in pieces so no single value is held whole).
 *
 * Rows are the elements of the outermost arrays: a top-level array gives one row per element
 * (paths without prefix), `{"customers":[…]}` gives one row per customer with paths such as
 * `customers[].email`, and `{"data":{"users":[…]}}` gives `data.users[].email`. Values outside
 * any array (`{"total": 3, …}`, or a plain object) make up document rows of their own; a path
 * that repeats there (a map keyed by id, `{"users":{"4711":{…},"4712":{…}}}`) starts a new row.
 * Several top-level values in one file (concatenated or line-delimited JSON) are all read.
 */

interface Frame {
  readonly kind: 'object' | 'array';
  /** Path of this container's value. */
  readonly path: string;
  /** An outermost array: its elements are records. */
  readonly rowArray: boolean;
  /** Inside a record (an element of a row array, at any depth). */
  readonly inRecord: boolean;
  /** The element of a row array that starts a record. */
  readonly recordRoot: boolean;
  /** A top-level array: its elements' paths have no prefix. */
  readonly root: boolean;
  key: string;
}

export interface JsonStep {
  /** Rows completed by this step, including those before an error. */
  readonly rows: Row[];
  /** Invalid or incomplete JSON: reading stops here. */
  readonly error?: Error;
}

export interface JsonRowReader {
  /** Feeds decoded text. */
  write(text: string): JsonStep;
  /** End of input. */
  end(): JsonStep;
  /** Rows still held by the builders, for reporting what was read before an error. */
  pending(): Row[];
  /** Records (row-array elements and document rows) completed so far. */
  readonly records: () => number;
}

/** Text is fed to the tokenizer in pieces this size, so an error loses at most this much. */
const FEED_CHARS = 8 * 1024;
const MAX_NUMBER_CHARS = 64;
/**
 * Nesting deeper than this is refused: the tokenizer keeps one stack entry per level, and a file
 * of nothing but `[[[[…` must not grow it without bound. Levels past MAX_DEPTH are tracked by a
 * counter only, and their values dropped.
 */
const MAX_NESTING = 10_000;

export function jsonRowReader(limits: Omit<RowLimits, 'maxRowsPerRecord'>, counters: RowCounters): JsonRowReader {
  const parse = jsonParser({ packValues: false, streamValues: true, jsonStreaming: true });
  const stack: Frame[] = [];
  const recordRows: RowBuilder = recordBuilder({ ...limits, maxRowsPerRecord: MAX_ROWS_PER_RECORD }, counters);
  const docRows: RowBuilder = streamingBuilder(limits);
  let records = 0;
  let out: Row[] = [];
  /** Open containers nested past MAX_DEPTH: counted, not framed. */
  let hidden = 0;

  // The value being streamed in pieces: a key, a string or a number.
  let mode: 'key' | 'string' | 'number' | undefined;
  let acc = '';
  let accCut = false;

  const push = (row: Row | undefined): void => {
    if (row) out.push(row);
  };

  const top = (): Frame | undefined => stack[stack.length - 1];

  /** Where a value that starts now goes: its path and whether it belongs to a record. */
  const place = (): { path: string; inRecord: boolean; recordRoot: boolean; rootArray: boolean } => {
    const parent = top();
    if (!parent) return { path: '', inRecord: false, recordRoot: false, rootArray: true };
    if (parent.kind === 'object') return { path: joinPath(parent.path, parent.key), inRecord: parent.inRecord, recordRoot: false, rootArray: false };
    const path = parent.root ? '' : arrayPath(parent.path);
    return { path, inRecord: parent.inRecord || parent.rowArray, recordRoot: parent.rowArray, rootArray: false };
  };

  const scalar = (value: unknown): void => {
    const where = place();
    const field = where.path.length === 0 ? ROOT_VALUE_FIELD : where.path;
    if (hidden > 0) {
      counters.droppedValues++;
      return;
    }
    if (where.inRecord) {
      recordRows.add(field, value);
    } else {
      push(docRows.add(field, value));
    }
    if (where.recordRoot) endRecord();
    else if (stack.length === 0) endDocument();
  };

  const endRecord = (): void => {
    out.push(...recordRows.end());
    records++;
  };

  const endDocument = (): void => {
    const rows = docRows.end();
    out.push(...rows);
    if (rows.length > 0) records++;
  };

  const open = (kind: 'object' | 'array'): void => {
    if (hidden > 0 || stack.length >= MAX_DEPTH) {
      hidden++;
      if (stack.length + hidden > MAX_NESTING) throw new Error(`nested deeper than ${MAX_NESTING} levels`);
      return;
    }
    const where = place();
    stack.push({
      kind,
      path: where.path,
      rowArray: kind === 'array' && !where.inRecord,
      inRecord: where.inRecord,
      recordRoot: where.recordRoot,
      root: kind === 'array' && where.rootArray,
      key: '',
    });
  };

  const close = (): void => {
    if (hidden > 0) {
      hidden--;
      return;
    }
    const frame = stack.pop();
    if (frame?.recordRoot) endRecord();
    if (stack.length === 0) endDocument();
  };

  const append = (piece: string): void => {
    const room = (mode === 'number' ? MAX_NUMBER_CHARS : MAX_VALUE_CHARS) - acc.length;
    if (piece.length <= room) acc += piece;
    else {
      if (room > 0) acc += piece.slice(0, room);
      accCut = true;
    }
  };

  const onToken = (token: Token): void => {
    switch (token.name) {
      case 'startObject':
        open('object');
        break;
      case 'startArray':
        open('array');
        break;
      case 'endObject':
      case 'endArray':
        close();
        break;
      case 'startKey':
        mode = 'key';
        acc = '';
        accCut = false;
        break;
      case 'endKey': {
        const frame = top();
        if (frame && hidden === 0) frame.key = acc;
        mode = undefined;
        acc = '';
        break;
      }
      case 'startString':
        mode = 'string';
        acc = '';
        accCut = false;
        break;
      case 'startNumber':
        mode = 'number';
        acc = '';
        accCut = false;
        break;
      case 'stringChunk':
      case 'numberChunk':
        append(token.value);
        break;
      case 'endString':
        mode = undefined;
        if (accCut) counters.droppedValues++;
        scalar(acc);
        acc = '';
        break;
      case 'endNumber':
        mode = undefined;
        scalar(numberValue(acc, accCut));
        acc = '';
        break;
      // Packed tokens come only with other parser options; handled so an option change loses nothing.
      case 'keyValue': {
        const frame = top();
        if (frame && hidden === 0) frame.key = token.value;
        break;
      }
      case 'stringValue':
        scalar(token.value);
        break;
      case 'numberValue':
        scalar(numberValue(token.value, false));
        break;
      case 'nullValue':
        scalar(null);
        break;
      case 'trueValue':
        scalar(true);
        break;
      case 'falseValue':
        scalar(false);
        break;
      default:
        break;
    }
  };

  // The tokenizer is flushed by passing `none`, which its declared input type leaves out.
  const flushable = parse as unknown as (input: string | typeof none) => ReturnType<typeof parse>;
  const feed = (input: string | typeof none): void => {
    const result = flushable(input);
    if (isMany(result)) for (const token of getManyValues(result)) onToken(token);
  };

  const take = (): Row[] => {
    const rows = out;
    out = [];
    return rows;
  };

  return {
    write(text) {
      for (let i = 0; i < text.length; i += FEED_CHARS) {
        try {
          feed(text.slice(i, i + FEED_CHARS));
        } catch (err) {
          return { rows: take(), error: asError(err) };
        }
      }
      return { rows: take() };
    },
    end() {
      try {
        feed(none);
      } catch (err) {
        return { rows: take(), error: asError(err) };
      }
      if (stack.length > 0 || mode !== undefined) return { rows: take(), error: new Error('the document ends before it is complete') };
      return { rows: take() };
    },
    pending() {
      return [...take(), ...recordRows.end(), ...docRows.end()];
    },
    records: () => records,
  };
}

function asError(err: unknown): Error {
  return err instanceof Error ? err : new Error(String(err));
}

/** JSON numbers as numbers when that loses nothing, else as their text (long ids, 1.0). */
function numberValue(text: string, cut: boolean): number | string {
  if (cut) return text;
  const n = Number(text);
  return Number.isFinite(n) && String(n) === text ? n : text;
}
