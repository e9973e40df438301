/**
 * Helpers shared by the SQL connectors (postgres.ts, mysql.ts, sqlite.ts): identifier quoting,
 * row building, abort handling, connection-error wrapping and key-range sampling.
 *
 * Identifiers are quoted here rather than with knex: knex splits identifiers on `.` (it reads
 * `a.b` as schema `a`, table `b`), which is wrong for the hostile names a scanner must handle.
 */
import { PdmapError, describeError } from '../errors.js';
import { redactText } from '../redact.js';
import type { Container, Row, ScanErrorCode } from '../types.js';
import type { ConnectorStats, RowBatch } from './connector.js';

export const DEFAULT_STATEMENT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_CONNECTIONS = 2;

/** `"name"` with embedded double quotes doubled: PostgreSQL and SQLite. */
export function quoteDouble(name: string): string {
  assertIdentifier(name);
  return `"${name.replaceAll('"', '""')}"`;
}

/** `` `name` `` with embedded backticks doubled: MySQL and MariaDB. */
export function quoteBacktick(name: string): string {
  assertIdentifier(name);
  return `\`${name.replaceAll('`', '``')}\``;
}

function assertIdentifier(name: string): void {
  // No server accepts NUL in an identifier and quoting cannot express it: refuse rather than truncate.
  if (name.length === 0 || name.includes('\u0000')) {
    throw new PdmapError('parse', 'Invalid identifier (empty or containing NUL)', 'exclude the container');
  }
}

/**
 * Builds a row from positional values. Drivers are asked for arrays and the object is built
 * here so that a column called `__proto__` stays an ordinary own property.
 */
export function rowFromValues(names: readonly string[], values: readonly unknown[]): Row {
  // Only `__proto__` behaves differently under plain assignment; every other name takes the
  // fast path, which matters in full scans (one call per row, millions of rows).
  if (names.includes('__proto__')) return Object.fromEntries(names.map((name, i) => [name, values[i]]));
  const row: Record<string, unknown> = {};
  for (let i = 0; i < names.length; i++) row[names[i] as string] = values[i];
  return row;
}

/** The fields a sample reads: the requested ones, else all the container's fields. */
export function sampleFieldNames(container: Container, requested: readonly string[] | undefined): string[] {
  return requested ? [...requested] : container.fields.map((f) => f.name);
}

/** Stable container order: schema, then name, by code point (independent of server collation). */
export function compareContainers(a: Container, b: Container): number {
  return compareText(a.schema ?? '', b.schema ?? '') || compareText(a.name, b.name);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function statementTimeoutMs(value: number | undefined): number {
  const ms = value ?? DEFAULT_STATEMENT_TIMEOUT_MS;
  // The value is inlined into SET statements, so it must be a plain positive integer.
  return Number.isFinite(ms) && ms >= 1 ? Math.floor(ms) : DEFAULT_STATEMENT_TIMEOUT_MS;
}

export function maxConnections(value: number | undefined): number {
  const n = value ?? DEFAULT_MAX_CONNECTIONS;
  return Number.isFinite(n) && n >= 1 ? Math.floor(n) : DEFAULT_MAX_CONNECTIONS;
}

/** The error to throw for an aborted signal: its reason when that is an Error, else an AbortError. */
export function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof Error ? reason : new DOMException('The operation was aborted', 'AbortError');
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortError(signal);
}

/**
 * Settles with `promise`, or rejects as soon as `signal` aborts. The work behind `promise` keeps
 * running; `onLate` receives its value if it arrives after the abort (to release a connection).
 */
export function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined, onLate?: (value: T) => void): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const onAbort = (): void => {
      if (settled) return;
      settled = true;
      reject(abortError(signal));
    };
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        if (settled) onLate?.(value);
        else {
          settled = true;
          resolve(value);
        }
      },
      (err: unknown) => {
        signal.removeEventListener('abort', onAbort);
        if (!settled) {
          settled = true;
          reject(err);
        }
      },
    );
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** The driver's message, or its code when the message is empty (Node's AggregateError on refused connections). */
export function errorText(err: unknown): string {
  const e = err as { message?: unknown; code?: unknown } | null;
  if (e && typeof e.message === 'string' && e.message.length > 0) return e.message;
  if (e && typeof e.code === 'string') return e.code;
  return String(err);
}

/**
 * A connection failure as a PdmapError: what failed (the credential-free target), the driver's
 * reason (redacted), and the code `describeError` gives the driver error.
 */
export function connectError(what: string, target: string, err: unknown): PdmapError {
  if (err instanceof PdmapError) return err;
  const described = describeError(err);
  const code: ScanErrorCode = described.code === 'unknown' ? 'connect' : described.code;
  const hint =
    code === 'not-found'
      ? 'check the database name (or file path) of the source'
      : code === 'aborted'
        ? undefined
        : 'check host, port, user and password of the source, and that the server accepts connections';
  return new PdmapError(code, `Cannot connect to ${what} ${target}: ${redactText(errorText(err))}`, hint, { cause: err });
}

/**
 * A session that died under a running sample (killed by an administrator, a failover, a proxy or
 * network drop), for driver errors that carry no code of their own. Coded `connect`, which the
 * engine retries on a fresh connection.
 */
export function lostConnectionError(what: string, target: string, err: unknown): PdmapError {
  return new PdmapError(
    'connect',
    `Lost the connection to ${what} ${target}: ${redactText(errorText(err))}`,
    'the server ended the session: check that it is up, and for idle or proxy timeouts between pdmap and it',
    { cause: err },
  );
}

/** Driver integers as BigInt (the key of key-range sampling); undefined for anything else. */
export function toBigInt(value: unknown): bigint | undefined {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return BigInt(value);
  return undefined;
}

/** Integer column types key-range sampling can walk (MySQL DATA_TYPE names). */
export const INTEGER_TYPES: ReadonlySet<string> = new Set(['tinyint', 'smallint', 'mediumint', 'int', 'integer', 'bigint']);

export interface KeyedRow {
  readonly row: Row;
  readonly key: bigint;
}

/**
 * Reads `count` rows in key order; from `from` (inclusive) when given, else from the start.
 * Each driver builds `SELECT … WHERE key >= from ORDER BY key LIMIT count` and streams it.
 */
export type KeyRunReader = (from: bigint | undefined, count: number) => AsyncIterable<KeyedRow>;

/** Key-range sampling pays off once the key range is clearly larger than the sample. */
export function wantsKeyRange(lo: bigint, hi: bigint, limit: number): boolean {
  return hi - lo + 1n > BigInt(limit) * 2n;
}

/**
 * Key-range sampling: spreads a bounded sample over a table with an integer key without
 * reading it all. The key range [lo, hi] is cut into `runs` strata; each run starts at a
 * random key inside its stratum and reads a short run of consecutive keys through the index.
 * Runs never start before the previous run's last key, so no row is read twice. When the
 * runs hit the end of the table before the sample is full (sparse keys), a last pass reads
 * from the start of the table and skips the keys already seen, so the sample always holds
 * min(limit, rows) distinct rows.
 */
export async function* keyRangeSample(
  lo: bigint,
  hi: bigint,
  limit: number,
  read: KeyRunReader,
  random: () => number = Math.random,
): AsyncGenerator<Row> {
  const runs = Math.min(32, Math.max(1, Math.round(Math.sqrt(limit))));
  const width = (hi - lo + 1n) / BigInt(runs);
  const seen = new Set<bigint>();
  let last: bigint | undefined;
  for (let i = 0; i < runs && seen.size < limit; i++) {
    const stratum = lo + BigInt(i) * width;
    let start = stratum + randomBelow(width, random);
    if (last !== undefined && start <= last) start = last + 1n;
    if (start > hi) break;
    const want = Math.ceil((limit - seen.size) / (runs - i));
    let got = 0;
    for await (const { row, key } of read(start, want)) {
      seen.add(key);
      last = key;
      got++;
      yield row;
    }
    // A short run means the table ended: later strata lie beyond its last key.
    if (got < want) break;
  }
  if (seen.size >= limit) return;
  let missing = limit - seen.size;
  for await (const { row, key } of read(undefined, missing + seen.size)) {
    if (seen.has(key)) continue;
    yield row;
    if (--missing === 0) return;
  }
}

function randomBelow(n: bigint, random: () => number): bigint {
  if (n <= 1n) return 0n;
  const r = BigInt(Math.floor(random() * Number(n)));
  return r >= n ? n - 1n : r < 0n ? 0n : r;
}

/**
 * The two faces of one read: row objects for `sample` (counted one by one as they are handed
 * out) and positional batches for `sampleBatches` (counted per batch). `convert` turns a driver
 * value into what row consumers expect (SQLite's BigInts into numbers).
 */
export async function* rowsOfBatches(
  batches: AsyncIterable<RowBatch>,
  stats: ConnectorStats,
  signal: AbortSignal | undefined,
  convert?: (value: unknown) => unknown,
): AsyncGenerator<Row> {
  for await (const batch of batches) {
    for (const values of batch.rows) {
      throwIfAborted(signal);
      stats.rows++;
      yield rowFromValues(batch.fields, convert ? values.map(convert) : values);
    }
  }
}

export async function* countedBatches(batches: AsyncIterable<RowBatch>, stats: ConnectorStats): AsyncGenerator<RowBatch> {
  for await (const batch of batches) {
    stats.rows += batch.rows.length;
    yield batch;
  }
}
