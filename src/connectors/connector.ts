import type { Container, Row, SourceKind } from '../types.js';

/**
 * The one small interface every store implements. A connector is a plain object made by a
 * factory (`postgresConnector(options)`); it never writes to its source.
 */
export interface Connector {
  readonly kind: SourceKind;
  /** Display name of the source (never carries credentials). */
  readonly name: string;
  /** Connection target with credentials removed, e.g. `postgres://app@db:5432/crm`. */
  readonly target: string;
  /** Lists tables, views or files with their fields, in a few catalogue queries. */
  discover(options?: DiscoverOptions): AsyncIterable<Container>;
  /** Streams a bounded sample of rows of one container. Read-only, with a statement timeout. */
  sample(container: Container, options: SampleOptions): AsyncIterable<Row>;
  /**
   * Optional: the same rows as `sample`, as batches of positional values under one list of field
   * names. The engine prefers it when present: no object and no await per row, which is what a
   * full scan of millions of rows spends its time on. `sample` must stay equivalent.
   */
  sampleBatches?(container: Container, options: SampleOptions): AsyncIterable<RowBatch>;
  /** Counters for tests and progress: how much was actually read. */
  readonly stats: ConnectorStats;
  close(): Promise<void>;
  /**
   * Optional, for retention checks: rows of a table whose `column` holds a date before `cutoff`,
   * counted by the store (`SELECT COUNT(*) … WHERE column < cutoff`), read-only, no rows fetched.
   * Connectors that cannot count by date (files) leave it out.
   */
  countOlder?(container: Container, column: string, cutoff: Date, signal?: AbortSignal): Promise<number>;
}

/**
 * Rows as positional values: `rows[i][k]` is the value of `fields[k]` (values beyond `fields` are
 * ignored). Values are as the driver gives them (integers may be BigInt): the engine only needs
 * their text.
 */
export interface RowBatch {
  readonly fields: readonly string[];
  readonly rows: readonly (readonly unknown[])[];
}

export interface DiscoverOptions {
  readonly signal?: AbortSignal;
  /** Include views (default false: base tables only). */
  readonly views?: boolean;
}

export interface SampleOptions {
  /** Maximum rows to read; undefined reads everything (`--full`). */
  readonly limit?: number;
  /** Fields to read; undefined reads all the container's fields. */
  readonly fields?: readonly string[];
  readonly signal?: AbortSignal;
}

export interface ConnectorStats {
  /** Sampling queries (or file reads) started. */
  queries: number;
  /** Rows (or records, or lines) handed to the engine. */
  rows: number;
  /** Bytes read, for file connectors. */
  bytes: number;
}

export function newStats(): ConnectorStats {
  return { queries: 0, rows: 0, bytes: 0 };
}

/** Options every database connector accepts. */
export interface DatabaseConnectorOptions {
  /** Connection URL; printed only through `redactUrl`. */
  readonly url: string;
  /** Display name; defaults to the redacted URL's host/database. */
  readonly name?: string;
  /** Per-statement timeout in milliseconds (default 30 000). */
  readonly statementTimeoutMs?: number;
  /** Connections used at once (default 2). */
  readonly maxConnections?: number;
  /** Databases to scan on the server when the URL names none (MySQL: all non-system ones). */
  readonly databases?: readonly string[];
}
