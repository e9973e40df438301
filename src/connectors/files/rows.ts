import type { Row } from '../../types.js';

/**
 * Nested values (JSON documents, NDJSON records) become flat rows of key paths:
 * `{"customer":{"email":"x"},"items":[{"sku":"a"},{"sku":"b"}]}` gives
 * `customer.email` and `items[].sku`. Array elements beyond the first go to extra rows of the
 * same record, so every element's value reaches the sampler as a plain string:
 * row 1 `{customer.email: x, items[].sku: a}`, row 2 `{items[].sku: b}` (at most
 * MAX_ROWS_PER_RECORD rows per record, so long arrays do not use up the sample).
 */

export interface RowLimits {
  /** Distinct paths in one row. */
  readonly maxFields: number;
  /** Characters of values in one row (the record-size bound). */
  readonly maxChars: number;
  /** Rows one record may expand into; further repeated paths are dropped. */
  readonly maxRowsPerRecord: number;
}

export interface RowCounters {
  /** Values not kept: beyond a row's field, size or expansion bounds, or nested too deep. */
  droppedValues: number;
}

/** Values longer than this are cut: detectors look at far less. */
export const MAX_VALUE_CHARS = 64 * 1024;
const MAX_KEY_CHARS = 128;
const MAX_PATH_CHARS = 512;
/** Deeper values are dropped: keeps flattening off the call-stack limit on hostile input. */
export const MAX_DEPTH = 64;
/** A record expands to at most this many rows, so long arrays do not use up the sample. */
export const MAX_ROWS_PER_RECORD = 10;

/**
 * Keys that are data rather than names (ids, UUIDs, hashes, e-mail addresses as map keys in
 * exports such as `{"users":{"4711":{…}}}`) become `*`: the field name then carries no personal
 * value and all elements of the map share one path.
 */
const ID_KEY = /^(?:\d+|[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}|[\da-f]{16,})$/i;

export function keySegment(key: string): string {
  if (key.length === 0) return '_';
  if (ID_KEY.test(key) || key.includes('@')) return '*';
  return key.length > MAX_KEY_CHARS ? key.slice(0, MAX_KEY_CHARS) : key;
}

/**
 * Paths already built, per parent and key: NDJSON records repeat their keys line after line, and
 * a full scan builds the same paths millions of times. Bounded: keys that are data (ids in a map)
 * can be endless.
 */
const paths = new Map<string, Map<string, string>>();
let pathCount = 0;
const MAX_CACHED_PATHS = 20_000;

export function joinPath(parent: string, key: string): string {
  let byKey = paths.get(parent);
  const known = byKey?.get(key);
  if (known !== undefined) return known;
  const seg = keySegment(key);
  const path = capPath(parent.length === 0 ? seg : `${parent}.${seg}`);
  if (pathCount < MAX_CACHED_PATHS) {
    if (!byKey) paths.set(parent, (byKey = new Map()));
    byKey.set(key, path);
    pathCount++;
  }
  return path;
}

export function arrayPath(parent: string): string {
  return capPath(`${parent}[]`);
}

/** The field name of a scalar at the root of a record. */
export const ROOT_VALUE_FIELD = 'value';

function capPath(path: string): string {
  return path.length > MAX_PATH_CHARS ? path.slice(0, MAX_PATH_CHARS) : path;
}

export function capValue(value: unknown): unknown {
  return typeof value === 'string' && value.length > MAX_VALUE_CHARS ? value.slice(0, MAX_VALUE_CHARS) : value;
}

function valueChars(value: unknown): number {
  return typeof value === 'string' ? value.length : 8;
}

export interface RowBuilder {
  /** Adds a value; returns a row when this value closed the previous one (streaming mode only). */
  add(path: string, value: unknown): Row | undefined;
  /** Ends the record: returns its rows. */
  end(): Row[];
}

/**
 * Rows of one record: the values of each path are kept (bounded) until the record ends, then
 * row k holds the k-th value of every path that has one, so the first row is the whole record
 * with the first element of each array.
 */
export function recordBuilder(limits: RowLimits, counters: RowCounters): RowBuilder {
  let values = new Map<string, unknown[]>();
  let chars = 0;
  return {
    add(path, raw) {
      const value = capValue(raw);
      const size = valueChars(value);
      const list = values.get(path);
      const fits = chars + size <= limits.maxChars || values.size === 0;
      if (!fits || (list ? list.length >= limits.maxRowsPerRecord : values.size >= limits.maxFields)) {
        counters.droppedValues++;
        return undefined;
      }
      if (list) list.push(value);
      else values.set(path, [value]);
      chars += size;
      return undefined;
    },
    end() {
      const rows: Row[] = [];
      for (let k = 0; ; k++) {
        const entries: [string, unknown][] = [];
        for (const [path, list] of values) if (k < list.length) entries.push([path, list[k]]);
        if (entries.length === 0) break;
        rows.push(toRow(entries));
      }
      values = new Map();
      chars = 0;
      return rows;
    },
  };
}

/**
 * Rows of a stream of values with no record boundary (the parts of a JSON document outside its
 * arrays): a row is emitted when a path repeats or the row is full, so a map keyed by id
 * (`users.*.email` again and again) gives one row per entry and memory stays bounded.
 */
export function streamingBuilder(limits: Omit<RowLimits, 'maxRowsPerRecord'>): RowBuilder {
  let current = new Map<string, unknown>();
  let chars = 0;
  const emit = (): Row => {
    const row = toRow(current);
    current = new Map();
    chars = 0;
    return row;
  };
  return {
    add(path, raw) {
      const value = capValue(raw);
      const size = valueChars(value);
      const full = current.size > 0 && (current.size >= limits.maxFields || chars + size > limits.maxChars);
      const done = current.has(path) || full ? emit() : undefined;
      current.set(path, value);
      chars += size;
      return done;
    },
    end() {
      return current.size > 0 ? [emit()] : [];
    },
  };
}

/** A plain object from field/value pairs; `__proto__` as a field name stays an own property. */
export function toRow(entries: Iterable<readonly [string, unknown]>): Row {
  // Assignment, as Object.fromEntries does but faster (full scans build one row per record);
  // only `__proto__` needs defineProperty to stay an own field.
  const row: Record<string, unknown> = {};
  for (const [key, value] of entries) {
    if (key === '__proto__') Object.defineProperty(row, key, { value, enumerable: true, writable: true, configurable: true });
    else row[key] = value;
  }
  return row;
}

/** Flattens a parsed JSON value into rows (see the module comment). */
export function flattenRecord(value: unknown, limits: RowLimits, counters: RowCounters): Row[] {
  const flat = flatRecord(value, limits);
  if (flat) return [flat];
  const builder = recordBuilder(limits, counters);
  visit(value, '', 0, builder, counters);
  return builder.end();
}

/**
 * The common record, built straight into one row: objects of scalars, no array, no path twice,
 * within the row's bounds. Undefined for anything else, which the general builder then does (the
 * same rows either way; a property test holds the two together). A full scan flattens millions
 * of such records.
 */
function flatRecord(value: unknown, limits: RowLimits): Row | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const row: Record<string, unknown> = {};
  const state = { fields: 0, chars: 0 };
  return flatInto(value as Record<string, unknown>, '', 1, row, state, limits) && state.fields > 0 ? row : undefined;
}

function flatInto(
  record: Record<string, unknown>,
  parent: string,
  depth: number,
  row: Record<string, unknown>,
  state: { fields: number; chars: number },
  limits: RowLimits,
): boolean {
  for (const k of Object.keys(record)) {
    const v = record[k];
    const path = joinPath(parent, k);
    if (v !== null && typeof v === 'object') {
      if (Array.isArray(v) || depth >= MAX_DEPTH || !flatInto(v as Record<string, unknown>, path, depth + 1, row, state, limits)) return false;
      continue;
    }
    if (path === '__proto__' || Object.hasOwn(row, path)) return false;
    const capped = capValue(v);
    const size = valueChars(capped);
    if (state.fields >= limits.maxFields || (state.fields > 0 && state.chars + size > limits.maxChars)) return false;
    row[path] = capped;
    state.fields++;
    state.chars += size;
  }
  return true;
}

function visit(v: unknown, path: string, depth: number, builder: RowBuilder, counters: RowCounters): void {
  if (depth > MAX_DEPTH) {
    counters.droppedValues++;
    return;
  }
  if (Array.isArray(v)) {
    const p = arrayPath(path);
    for (const el of v) visit(el, p, depth + 1, builder, counters);
  } else if (v !== null && typeof v === 'object') {
    const record = v as Record<string, unknown>;
    for (const k of Object.keys(record)) visit(record[k], joinPath(path, k), depth + 1, builder, counters);
  } else {
    builder.add(path.length === 0 ? ROOT_VALUE_FIELD : path, v);
  }
}
