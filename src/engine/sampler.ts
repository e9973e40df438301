import type { Row } from '../types.js';

/**
 * Turns a stream of rows into bounded per-field samples. Memory is bounded by
 * fields × perField × maxValueLength whatever the size of the container.
 */

export interface FieldSample {
  /** Rows in which the field was present (null and empty included). */
  rows: number;
  /** Non-empty values seen, kept or not. */
  seen?: number;
  /**
   * Reservoir state (full scans): the position of the next value to take (0 until the reservoir is
   * full), and Algorithm L's weight.
   */
  nextReplace?: number;
  weight?: number;
  /** Non-empty values as strings, at most `perField`, each cut to `maxValueLength`. */
  values: string[];
  /** First bytes of binary values (BLOB, bytea), at most `perField`. */
  binaryHeads: Uint8Array[];
}

export interface SamplerOptions {
  /** Non-empty values kept per field. */
  readonly perField: number;
  /**
   * Keep a uniform random sample of all values read (reservoir sampling) instead of the first
   * `perField`: used by full scans, so the verdict speaks for the whole table or file.
   */
  readonly reservoir?: boolean;
  /** Fields kept per container; beyond this new fields are counted, not kept (wide JSON). */
  readonly maxFields: number;
  readonly maxValueLength: number;
}

export interface ContainerSample {
  readonly fields: Map<string, FieldSample>;
  rows: number;
  /** Fields seen beyond `maxFields`. */
  droppedFields: number;
  /** State of the reservoir's pseudo-random generator: fixed seed, so runs repeat. */
  rng: number;
}

export const BINARY_HEAD_BYTES = 64;

/**
 * Every field the sampler makes has all its properties from the start: one object shape, so the
 * per-value code stays monomorphic (a full scan runs it ten million times).
 */
function newField(): FieldSample {
  return { rows: 0, seen: 0, nextReplace: 0, weight: 0, values: [], binaryHeads: [] };
}

export function newContainerSample(fieldNames: readonly string[]): ContainerSample {
  const fields = new Map<string, FieldSample>();
  for (const name of fieldNames) fields.set(name, newField());
  return { fields, rows: 0, droppedFields: 0, rng: 0x9e3779b9 };
}

/** Adds one row to the sample. */
export function addRow(sample: ContainerSample, row: Row, options: SamplerOptions): void {
  sample.rows++;
  for (const key of Object.keys(row)) {
    let field = sample.fields.get(key);
    if (!field) {
      if (sample.fields.size >= options.maxFields) {
        sample.droppedFields++;
        continue;
      }
      field = newField();
      sample.fields.set(key, field);
    }
    field.rows++;
    const value = row[key];
    if (!passedOver(field, value)) addValue(sample, field, value, options);
  }
}

/**
 * Where each positional value of a row goes, worked out once for rows that share their field
 * names (a batch from a database): `addValues` then does what `addRow` does for the same row as an
 * object, in the same order (the order `Object.keys` gives such an object), so the sample and its
 * reservoir draws are identical, without building an object per row.
 */
export interface RowTarget {
  /** Value indexes, in the order addRow would visit the keys. */
  readonly order: readonly number[];
  /** The field of each entry of `order`; undefined when it is beyond `maxFields` (counted, not kept). */
  readonly slots: readonly (FieldSample | undefined)[];
}

/**
 * The target for rows with these field names (less the excluded ones); creates fields as addRow
 * would on such a row. Call it when the first row is there: addRow creates fields only then.
 */
export function rowTarget(sample: ContainerSample, names: readonly string[], options: SamplerOptions, excluded?: (name: string) => boolean): RowTarget {
  // Key order and duplicates exactly as an object built by assignment has them (integer-like
  // names first, a repeated name keeps its first place and its last value).
  const lastIndex = new Map<string, number>();
  names.forEach((name, i) => {
    if (!excluded?.(name)) lastIndex.set(name, i);
  });
  const probe: Record<string, number> = {};
  for (const [name, i] of lastIndex) Object.defineProperty(probe, name, { value: i, enumerable: true, writable: true, configurable: true });
  const order: number[] = [];
  const slots: (FieldSample | undefined)[] = [];
  for (const key of Object.keys(probe)) {
    order.push(probe[key] as number);
    let field = sample.fields.get(key);
    if (!field && sample.fields.size < options.maxFields) {
      field = newField();
      sample.fields.set(key, field);
    }
    slots.push(field);
  }
  return { order, slots };
}

/** Adds one positional row (see RowTarget). */
export function addValues(sample: ContainerSample, target: RowTarget, values: readonly unknown[], options: SamplerOptions): void {
  addRows(sample, target, [values], options);
}

/**
 * Adds positional rows (see RowTarget), as addValues would one by one. Every field is in every
 * positional row, so the row counters move once per batch, not once per value.
 */
export function addRows(sample: ContainerSample, target: RowTarget, rows: readonly (readonly unknown[])[], options: SamplerOptions): void {
  const { order, slots } = target;
  const count = rows.length;
  sample.rows += count;
  for (const field of slots) {
    if (field) field.rows += count;
    else sample.droppedFields += count;
  }
  for (const values of rows) {
    for (let k = 0; k < order.length; k++) {
      const field = slots[k];
      if (!field) continue;
      const value = values[order[k] as number];
      if (!passedOver(field, value)) addValue(sample, field, value, options);
    }
  }
}

/**
 * The hot path of a full scan, small enough for V8 to inline into the row loops: true for a
 * missing value, and for a text or number value the reservoir passes over (counted as seen).
 */
function passedOver(field: FieldSample, value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'object') return false;
  const n = (field.seen ?? 0) + 1;
  if (n >= (field.nextReplace ?? 0)) return false;
  field.seen = n;
  return true;
}

/** A value passedOver did not settle: kept while the sample fills, or a reservoir replacement. */
function addValue(sample: ContainerSample, field: FieldSample, value: unknown, options: SamplerOptions): void {
  if (value instanceof Uint8Array) {
    if (value.length > 0 && field.binaryHeads.length < options.perField) {
      field.binaryHeads.push(Uint8Array.from(value.subarray(0, BINARY_HEAD_BYTES)));
    }
    return;
  }
  const full = field.values.length >= options.perField;
  if (full && !options.reservoir) return;
  let slot = field.values.length;
  if (full) {
    // Algorithm L (Li 1994): the same uniform sample as replacing the n-th value with probability
    // k/n, but it draws only where a replacement happens, so the millions of values a full scan
    // skips cost a counter increment each instead of a random draw.
    const k = options.perField;
    const n = (field.seen ?? 0) + 1;
    if (!field.nextReplace) {
      field.weight = Math.exp(Math.log(uniform(sample)) / k);
      field.nextReplace = k + skip(sample, field.weight) + 1;
    }
    if (n < field.nextReplace) {
      field.seen = n;
      return;
    }
    slot = Math.floor(uniform(sample) * k);
    field.weight = (field.weight ?? 1) * Math.exp(Math.log(uniform(sample)) / k);
    field.nextReplace = n + skip(sample, field.weight) + 1;
  }
  const text = valueToString(value, options.maxValueLength);
  if (text === undefined || text.length === 0) return;
  field.seen = (field.seen ?? 0) + 1;
  field.values[slot] = text;
}

/** A uniform number in (0, 1) from the sample's generator (fixed seed: runs repeat). */
function uniform(sample: ContainerSample): number {
  sample.rng = xorshift(sample.rng);
  return (sample.rng + 1) / 4_294_967_297;
}

/** How many values to pass over before the next replacement, for the current weight. */
function skip(sample: ContainerSample, weight: number): number {
  const s = Math.floor(Math.log(uniform(sample)) / Math.log(1 - weight));
  return Number.isFinite(s) && s > 0 ? s : 0;
}

function xorshift(x: number): number {
  let y = x ^ (x << 13);
  y ^= y >>> 17;
  y ^= y << 5;
  return y >>> 0;
}

/** The string a detector sees for a value; undefined for values that carry no text. */
export function valueToString(value: unknown, maxLength: number): string | undefined {
  let text: string;
  if (typeof value === 'string') text = value;
  else if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') text = String(value);
  else if (value instanceof Date) text = Number.isNaN(value.getTime()) ? '' : value.toISOString();
  else if (typeof value === 'object') {
    try {
      text = JSON.stringify(value) ?? '';
    } catch {
      return undefined;
    }
  } else return undefined;
  text = text.trim();
  return text.length > maxLength ? text.slice(0, maxLength) : text;
}

/** True once every known field holds `perField` values: reading more rows adds nothing. */
export function isSaturated(sample: ContainerSample, options: SamplerOptions): boolean {
  if (sample.fields.size === 0) return false;
  for (const f of sample.fields.values()) {
    if (f.values.length + f.binaryHeads.length < options.perField) return false;
  }
  return true;
}
