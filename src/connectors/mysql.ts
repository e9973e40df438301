/**
 * MySQL and MariaDB connector (mysql2). Read-only by construction: every session is set to
 * read-only transactions with a statement timeout, every sample runs in `START TRANSACTION
 * READ ONLY`, and every sampling SELECT carries its own timeout too (MariaDB `SET STATEMENT
 * max_statement_time=… FOR`, MySQL `/*+ MAX_EXECUTION_TIME(…) *\/`), so a pool that resets
 * session state cannot lose it.
 *
 * Rows are streamed with mysql2's query `.stream()`, which pauses the socket when the consumer
 * is slow. A stream left before its end cannot be stopped in the protocol, so that connection
 * is destroyed rather than returned to the pool.
 */
import { addAbortSignal } from 'node:stream';
import mysql from 'mysql2';
import type { Pool, PoolConnection } from 'mysql2';
import { PdmapError, describeError } from '../errors.js';
import { redactUrl } from '../redact.js';
import { sourceDisplayName } from '../sources.js';
import type { Container, FieldInfo, Row } from '../types.js';
import { newStats, type Connector, type DatabaseConnectorOptions, type DiscoverOptions, type RowBatch, type SampleOptions } from './connector.js';
import {
  countedBatches,
  rowsOfBatches,
  INTEGER_TYPES,
  abortable,
  compareContainers,
  connectError,
  keyRangeSample,
  lostConnectionError,
  maxConnections,
  quoteBacktick,
  sampleFieldNames,
  statementTimeoutMs,
  throwIfAborted,
  toBigInt,
  wantsKeyRange,
  type KeyedRow,
} from './sql-common.js';

const SYSTEM_SCHEMAS = ['mysql', 'sys', 'information_schema', 'performance_schema'];
/** MariaDB lists system-versioned tables under their own type; they hold ordinary rows. */
const TABLE_TYPES = ['BASE TABLE', 'SYSTEM VERSIONED'];
const ER_UNKNOWN_SYSTEM_VARIABLE = 1193;

interface TableRow {
  s: string;
  n: string;
  t: string;
  r: string | number | null;
  dl: string | number | null;
  il: string | number | null;
  u: Date | string | null;
}

interface ColumnRow {
  s: string;
  n: string;
  c: string;
  ct: string;
  dt: string;
  nl: string;
  k: string;
}

interface Session {
  readonly conn: PoolConnection;
  readonly signal: AbortSignal | undefined;
  mariadb: boolean;
  /** The connection is mid-command or mid-stream and cannot be reused. */
  poisoned: boolean;
  released: boolean;
}

export function mysqlConnector(options: DatabaseConnectorOptions): Connector {
  const target = redactUrl(options.url);
  const name = sourceDisplayName({ kind: 'mysql', url: options.url, name: options.name });
  const timeoutMs = statementTimeoutMs(options.statementTimeoutMs);
  const urlDatabase = databaseFromUrl(options.url);
  const stats = newStats();
  /** Server flavour per connection, known once its session is set up. */
  const flavour = new WeakMap<PoolConnection, { mariadb: boolean }>();
  const active = new Set<Session>();
  /** Statements given up mid-way that are being stopped on the server; close() waits for them. */
  const stopping = new Set<Promise<void>>();
  let pool: Pool | undefined;
  let closing: Promise<void> | undefined;

  function getPool(): Pool {
    if (!pool) {
      pool = mysql.createPool({
        uri: options.url.replace(/^mariadb:/i, 'mysql:'),
        connectionLimit: maxConnections(options.maxConnections),
        connectTimeout: 15_000,
        supportBigNumbers: true,
        bigNumberStrings: true,
        multipleStatements: false,
        charset: 'utf8mb4',
      });
    }
    return pool;
  }

  function getConnection(): Promise<PoolConnection> {
    return new Promise((resolve, reject) => getPool().getConnection((err, conn) => (err ? reject(err) : resolve(conn))));
  }

  async function acquire(signal: AbortSignal | undefined): Promise<Session> {
    if (closing) throw new PdmapError('aborted', `The connector for ${name} is closed`);
    throwIfAborted(signal);
    let conn: PoolConnection;
    try {
      conn = await abortable(getConnection(), signal, (late) => (closing ? destroyConnection(late) : late.release()));
    } catch (err) {
      if (signal?.aborted) throw err;
      throw connectError('MySQL/MariaDB', target, err);
    }
    let known = flavour.get(conn);
    const session: Session = { conn, signal, mariadb: known?.mariadb ?? false, poisoned: false, released: false };
    active.add(session);
    if (!known) {
      try {
        // An idle pooled connection that fails emits 'error'; unhandled, that would crash the process.
        conn.on('error', () => undefined);
        known = await setUpSession(session);
        flavour.set(conn, known);
        session.mariadb = known.mariadb;
      } catch (err) {
        release(session, true);
        if (signal?.aborted) throw err;
        throw connectError('MySQL/MariaDB', target, err);
      }
    }
    return session;
  }

  async function setUpSession(session: Session): Promise<{ mariadb: boolean }> {
    const version = await query(session, 'SELECT VERSION()');
    const mariadb = /mariadb/i.test(String(version[0]?.[0] ?? ''));
    await query(session, 'SET SESSION TRANSACTION READ ONLY');
    try {
      await query(
        session,
        mariadb ? `SET SESSION max_statement_time = ${timeoutMs / 1000}` : `SET SESSION max_execution_time = ${timeoutMs}`,
      );
    } catch (err) {
      // Servers older than MySQL 5.7.8 / MariaDB 10.1 have no statement timeout at all.
      if ((err as { errno?: unknown }).errno !== ER_UNKNOWN_SYSTEM_VARIABLE) throw err;
    }
    return { mariadb };
  }

  function release(session: Session, destroy: boolean): void {
    if (session.released) return;
    session.released = true;
    active.delete(session);
    const threadId = session.conn.threadId;
    if (destroy) destroyConnection(session.conn);
    else session.conn.release();
    if (destroy && session.poisoned && Number.isInteger(threadId)) stopStatement(threadId as number);
  }

  /**
   * MySQL and MariaDB go on running a statement whose client has gone (a slow view, until the
   * statement timeout). Like the mysql client's Ctrl-C, a second connection stops it at once with
   * KILL QUERY: it ends that statement of pdmap's own session and nothing else.
   */
  function stopStatement(threadId: number): void {
    const stop = killQuery(options.url, threadId).finally(() => stopping.delete(stop));
    stopping.add(stop);
  }

  async function finish(session: Session): Promise<void> {
    if (session.released) return;
    if (session.poisoned) return release(session, true);
    try {
      // No signal: after an abort between rows the connection is idle and can still be rolled back.
      await query(session, 'ROLLBACK', undefined, null);
      release(session, false);
    } catch {
      release(session, true);
    }
  }

  /** A buffered query with positional rows; for catalogue reads and short statements. */
  async function query(session: Session, sql: string, values?: unknown[], signal: AbortSignal | null = session.signal ?? null): Promise<unknown[][]> {
    const pending = new Promise<unknown[][]>((resolve, reject) => {
      session.conn.query({ sql, values, rowsAsArray: true }, (err, rows) => {
        if (err) reject(err);
        else resolve(Array.isArray(rows) ? (rows as unknown[]).filter((r): r is unknown[] => Array.isArray(r)) : []);
      });
    });
    try {
      return await abortable(pending, signal ?? undefined);
    } catch (err) {
      if (signal?.aborted || (err as { fatal?: unknown }).fatal === true) session.poisoned = true;
      throw signal?.aborted ? err : lost(err);
    }
  }

  /** Streams one SELECT; rows are positional arrays. `onFields` receives the result's column names. */
  async function* stream(session: Session, sql: string, onFields?: (names: string[]) => void): AsyncGenerator<unknown[][]> {
    stats.queries++;
    const conn = session.conn;
    // mysql2 tells a streamed query nothing when its connection dies (before or during it): the
    // stream would wait forever. A closed connection is refused here, a dying one ends the stream.
    if (conn.state === 'error' || conn.state === 'disconnected') {
      session.poisoned = true;
      throw lostConnectionError('MySQL/MariaDB', target, new Error('the connection was closed by the server'));
    }
    const command = conn.query({ sql, rowsAsArray: true });
    if (onFields) command.on('fields', (fields: readonly { name: string }[]) => onFields(fields.map((f) => f.name)));
    const readable = command.stream({ highWaterMark: 256 });
    if (session.signal) addAbortSignal(session.signal, readable);
    const onGone = (err?: unknown): void => {
      readable.destroy(err instanceof Error ? err : lostConnectionError('MySQL/MariaDB', target, new Error('the server closed the connection')));
    };
    conn.on('error', onGone);
    conn.on('end', onGone);
    let settled = false;
    try {
      for await (const row of readable as AsyncIterable<unknown>) {
        // One await per batch: the rows the stream already holds are taken at once.
        const batch: unknown[][] = [];
        if (Array.isArray(row)) batch.push(row as unknown[]);
        for (let more: unknown = readable.read(); more !== null; more = readable.read()) {
          if (Array.isArray(more)) batch.push(more as unknown[]);
        }
        if (batch.length > 0) yield batch;
      }
      settled = true;
    } catch (err) {
      // A server error (timeout, no privilege) ends the command cleanly; anything else leaves it open.
      const fatal = (err as { fatal?: unknown }).fatal;
      if (!session.signal?.aborted && fatal === false) settled = true;
      throw session.signal?.aborted ? err : lost(err);
    } finally {
      conn.off('error', onGone);
      conn.off('end', onGone);
      if (!settled) session.poisoned = true;
    }
  }

  /** The SELECT with its own timeout, whatever the session says. */
  function timed(session: Session, select: string): string {
    return session.mariadb
      ? `SET STATEMENT max_statement_time = ${timeoutMs / 1000} FOR ${select}`
      : select.replace(/^SELECT /, `SELECT /*+ MAX_EXECUTION_TIME(${timeoutMs}) */ `);
  }

  async function* discover(discoverOptions: DiscoverOptions = {}): AsyncGenerator<Container> {
    const { signal } = discoverOptions;
    const schemas = urlDatabase !== undefined ? [urlDatabase] : options.databases?.length ? [...options.databases] : undefined;
    const types = discoverOptions.views ? [...TABLE_TYPES, 'VIEW'] : TABLE_TYPES;
    const session = await acquire(signal);
    let containers: Container[];
    try {
      const filter = schemas ? 'TABLE_SCHEMA IN (?)' : 'TABLE_SCHEMA NOT IN (?)';
      const schemaValue = schemas ?? SYSTEM_SCHEMAS;
      const tables = await objects<TableRow>(
        session,
        `SELECT TABLE_SCHEMA AS s, TABLE_NAME AS n, TABLE_TYPE AS t, TABLE_ROWS AS r, DATA_LENGTH AS dl,
                INDEX_LENGTH AS il, UPDATE_TIME AS u
         FROM information_schema.TABLES WHERE ${filter} AND TABLE_TYPE IN (?)`,
        [schemaValue, types],
      );
      const columns = await objects<ColumnRow>(
        session,
        `SELECT TABLE_SCHEMA AS s, TABLE_NAME AS n, COLUMN_NAME AS c, COLUMN_TYPE AS ct, DATA_TYPE AS dt,
                IS_NULLABLE AS nl, COLUMN_KEY AS k
         FROM information_schema.COLUMNS WHERE ${filter}
         ORDER BY TABLE_SCHEMA, TABLE_NAME, ORDINAL_POSITION`,
        [schemaValue],
      );
      // Single-column foreign keys: which lookup tables rows point at (src/engine/lookups.ts).
      const foreignKeys = await objects<ForeignKeyRow>(
        session,
        `SELECT k.TABLE_SCHEMA AS s, k.TABLE_NAME AS n, k.COLUMN_NAME AS c, k.REFERENCED_TABLE_SCHEMA AS rs, k.REFERENCED_TABLE_NAME AS rn
         FROM information_schema.KEY_COLUMN_USAGE k
         WHERE k.${filter} AND k.REFERENCED_TABLE_NAME IS NOT NULL
           AND (SELECT COUNT(*) FROM information_schema.KEY_COLUMN_USAGE k2
                WHERE k2.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND k2.TABLE_NAME = k.TABLE_NAME AND k2.CONSTRAINT_NAME = k.CONSTRAINT_NAME) = 1`,
        [schemaValue],
      );
      containers = buildContainers(tables, columns, foreignKeys);
    } finally {
      await finish(session);
    }
    for (const container of containers) {
      throwIfAborted(signal);
      yield container;
    }
  }

  /** Catalogue rows as objects keyed by our own column aliases. */
  async function objects<T>(session: Session, sql: string, values: unknown[]): Promise<T[]> {
    const pending = new Promise<T[]>((resolve, reject) => {
      session.conn.query({ sql, values }, (err, rows) => (err ? reject(err) : resolve(Array.isArray(rows) ? (rows as T[]) : [])));
    });
    try {
      return await abortable(pending, session.signal);
    } catch (err) {
      if (session.signal?.aborted) session.poisoned = true;
      throw session.signal?.aborted ? err : lost(err);
    }
  }

  /**
   * mysql2's own errors for a dead connection (`Can't add new command when connection is in
   * closed state`) are fatal but carry no code: they mean the session is gone, worth a retry.
   */
  function lost(err: unknown): unknown {
    const e = err as { fatal?: unknown; message?: unknown } | null;
    // Other fatal errors without a code (a result mysql2 cannot parse) are no lost connection:
    // another attempt would fail the same way.
    const closed = e?.fatal === true && typeof e.message === 'string' && e.message.includes('in closed state');
    return closed && describeError(err).code === 'unknown' ? lostConnectionError('MySQL/MariaDB', target, err) : err;
  }

  /** Rows as objects: the batches below, one by one (counted as they are handed out). */
  function sample(container: Container, sampleOptions: SampleOptions): AsyncGenerator<Row> {
    return rowsOfBatches(readBatches(container, sampleOptions), stats, sampleOptions.signal);
  }

  /** Rows in batches of positional values (what the engine reads). */
  function sampleBatches(container: Container, sampleOptions: SampleOptions): AsyncGenerator<RowBatch> {
    return countedBatches(readBatches(container, sampleOptions), stats);
  }

  async function* readBatches(container: Container, sampleOptions: SampleOptions): AsyncGenerator<RowBatch> {
    const { limit, signal } = sampleOptions;
    const names = sampleFieldNames(container, sampleOptions.fields);
    if (limit === 0) return;
    const table = container.schema === undefined ? quoteBacktick(container.name) : `${quoteBacktick(container.schema)}.${quoteBacktick(container.name)}`;
    // No fields from the catalogue: MariaDB hides the columns of a view it cannot open (a dropped
    // table, a function it may not run). Reading `*` surfaces the real error instead of an empty sample.
    // Positional aliases: mysql2 refuses result columns named like Object's own properties
    // (`__proto__`, `constructor`) even for array rows, and rows are built from `names` anyway.
    const columns = names.length > 0 ? names.map((n, i) => `${quoteBacktick(n)} AS \`c${i}\``).join(', ') : '*';
    const session = await acquire(signal);
    try {
      await query(session, 'START TRANSACTION READ ONLY');
      yield* sampleRows(session, container, table, columns, names, limit);
    } finally {
      await finish(session);
    }
  }

  /** Streams the rows of the sample `planMysqlSample` chooses, in batches. */
  async function* sampleRows(
    session: Session,
    container: Container,
    table: string,
    columns: string,
    names: readonly string[],
    limit: number | undefined,
  ): AsyncGenerator<RowBatch> {
    const plain = async function* (sql: string): AsyncGenerator<RowBatch> {
      let resultNames = names;
      const onFields = names.length === 0 ? (found: string[]) => (resultNames = found) : undefined;
      for await (const rows of stream(session, timed(session, sql), onFields)) yield { fields: resultNames, rows };
    };
    const plan = planMysqlSample(container, limit, names.length);
    if (plan.kind === 'all') return yield* plain(`SELECT ${columns} FROM ${table}`);
    if (plan.kind === 'limit') return yield* plain(`SELECT ${columns} FROM ${table} LIMIT ${plan.limit}`);
    const key = quoteBacktick(plan.key);
    stats.queries++;
    const bounds = await query(session, timed(session, `SELECT MIN(${key}), MAX(${key}) FROM ${table}`));
    const lo = toBigInt(bounds[0]?.[0]);
    const hi = toBigInt(bounds[0]?.[1]);
    if (lo === undefined || hi === undefined) return; // empty table
    if (!wantsKeyRange(lo, hi, plan.limit)) return yield* plain(`SELECT ${columns} FROM ${table} LIMIT ${plan.limit}`);
    const read = async function* (from: bigint | undefined, count: number): AsyncGenerator<KeyedRow> {
      // `from` is a BigInt we computed, so inlining its digits is safe.
      const where = from === undefined ? '' : ` WHERE ${key} >= ${from.toString()}`;
      const sql = `SELECT ${columns}, ${key} AS \`k\` FROM ${table}${where} ORDER BY ${key} LIMIT ${count}`;
      for await (const rows of stream(session, timed(session, sql))) {
        for (const values of rows) {
          const k = toBigInt(values[names.length]);
          // keyRangeSample hands rows back as it got them: the positional values travel as the row.
          if (k !== undefined) yield { row: values as unknown as Row, key: k };
        }
      }
    };
    // Row by row, as the runs arrive: a sample is small, and reading ahead of the consumer would
    // keep a dead connection from showing (the engine retries a table whose connection died).
    for await (const row of keyRangeSample(lo, hi, plan.limit, read)) yield { fields: names, rows: [row as unknown as unknown[]] };
  }

  /** Rows whose `column` is before `cutoff`, counted by the server in a read-only transaction (retention checks). */
  async function countOlder(container: Container, column: string, cutoff: Date, signal?: AbortSignal): Promise<number> {
    const table = container.schema === undefined ? quoteBacktick(container.name) : `${quoteBacktick(container.schema)}.${quoteBacktick(container.name)}`;
    const session = await acquire(signal);
    try {
      await query(session, 'START TRANSACTION READ ONLY');
      stats.queries++;
      // `YYYY-MM-DD hh:mm:ss` (UTC) reads as a DATE/DATETIME and compares correctly with ISO text.
      const at = cutoff.toISOString().slice(0, 19).replace('T', ' ');
      const rows = await query(session, timed(session, `SELECT COUNT(*) FROM ${table} WHERE ${quoteBacktick(column)} < ?`), [at]);
      return Number(rows[0]?.[0] ?? 0);
    } finally {
      await finish(session);
    }
  }

  async function close(): Promise<void> {
    if (!closing) {
      const current = pool;
      closing = (async () => {
        // A session still in use at close is mid-statement (an interrupted scan).
        for (const session of [...active]) {
          session.poisoned = true;
          release(session, true);
        }
        if (current) await new Promise<void>((resolve) => current.end(() => resolve()));
        await Promise.all([...stopping]);
      })();
    }
    await closing;
  }

  return { kind: 'mysql', name, target, stats, discover, sample, sampleBatches, close, countOlder };
}

export type MysqlSamplePlan =
  | { readonly kind: 'all' }
  | { readonly kind: 'limit'; readonly limit: number }
  | { readonly kind: 'key-range'; readonly limit: number; readonly key: string };

/**
 * How a MySQL/MariaDB sample spreads over the table:
 * - no limit: the whole table, streamed;
 * - no single-column integer primary key (views, composite keys), no known fields, or a row
 *   estimate not above twice the limit: plain `LIMIT n`;
 * - otherwise key-range: MIN/MAX of the key (read from the index ends), and if the key range is
 *   larger than twice the limit, short runs from random points (see `keyRangeSample`), each an
 *   index range scan; else plain `LIMIT n`.
 * Pure, so that tools (the benchmark's bare-driver floor) can replay the same queries.
 */
export function planMysqlSample(container: Container, limit: number | undefined, fieldCount: number): MysqlSamplePlan {
  if (limit === undefined) return { kind: 'all' };
  const key = typeof container.meta?.keyColumn === 'string' ? container.meta.keyColumn : undefined;
  const estimate = container.rowEstimate ?? 0;
  if (key === undefined || fieldCount === 0 || (estimate > 0 && estimate <= 2 * limit)) return { kind: 'limit', limit };
  return { kind: 'key-range', limit, key };
}

/**
 * Closes a connection that cannot be reused, at once. mysql2's `destroy()` only half-closes the
 * socket and then waits for the server, which is still running the query that was given up (a
 * slow view, after an abort): that kept pdmap alive after an interrupt until the server let go.
 */
function destroyConnection(conn: PoolConnection): void {
  conn.destroy();
  const socket: unknown = (conn as unknown as { stream?: unknown }).stream;
  if (socket && typeof (socket as { destroy?: unknown }).destroy === 'function') (socket as { destroy: () => void }).destroy();
}

/** Best effort, bounded: a server that cannot be reached now still ends the statement at its timeout. */
function killQuery(url: string, threadId: number): Promise<void> {
  return new Promise<void>((resolve) => {
    const conn = mysql.createConnection({ uri: url.replace(/^mariadb:/i, 'mysql:'), connectTimeout: KILL_TIMEOUT_MS });
    const timer = setTimeout(done, KILL_TIMEOUT_MS);
    conn.on('error', () => undefined);
    conn.query(`KILL QUERY ${threadId}`, () => conn.end(done));
    function done(): void {
      clearTimeout(timer);
      conn.destroy();
      resolve();
    }
  });
}

const KILL_TIMEOUT_MS = 3_000;

function databaseFromUrl(url: string): string | undefined {
  try {
    const path = new URL(url).pathname.replace(/^\//, '');
    return path.length > 0 ? decodeURIComponent(path) : undefined;
  } catch {
    return undefined;
  }
}

interface ForeignKeyRow {
  s: string;
  n: string;
  c: string;
  rs: string;
  rn: string;
}

function buildContainers(tables: readonly TableRow[], columns: readonly ColumnRow[], foreignKeys: readonly ForeignKeyRow[] = []): Container[] {
  const key = (schema: string, table: string): string => JSON.stringify([schema, table]);
  const references = new Map<string, { field: string; references: string }[]>();
  for (const f of foreignKeys) {
    const k = key(f.s, f.n);
    references.set(k, [...(references.get(k) ?? []), { field: f.c, references: `${f.rs}.${f.rn}` }]);
  }
  const fields = new Map<string, FieldInfo[]>();
  const primary = new Map<string, ColumnRow[]>();
  for (const c of columns) {
    const k = key(c.s, c.n);
    let list = fields.get(k);
    if (!list) fields.set(k, (list = []));
    list.push({ name: c.c, dataType: c.ct, nullable: c.nl === 'YES' });
    if (c.k === 'PRI') primary.set(k, [...(primary.get(k) ?? []), c]);
  }
  const containers = tables.map((t): Container => {
    const k = key(t.s, t.n);
    const isView = t.t === 'VIEW';
    const pk = primary.get(k);
    const keyColumn = pk?.length === 1 && pk[0] && INTEGER_TYPES.has(pk[0].dt.toLowerCase()) ? pk[0].c : undefined;
    const rows = toNumber(t.r);
    const size = (toNumber(t.dl) ?? 0) + (toNumber(t.il) ?? 0);
    const modified = t.u instanceof Date ? t.u : typeof t.u === 'string' ? new Date(t.u) : undefined;
    return {
      id: `${t.s}.${t.n}`,
      type: isView ? 'view' : 'table',
      database: t.s,
      schema: t.s,
      name: t.n,
      fields: fields.get(k) ?? [],
      ...(!isView && rows !== undefined ? { rowEstimate: rows } : {}),
      ...(!isView && size > 0 ? { sizeBytes: size } : {}),
      ...(modified && !Number.isNaN(modified.getTime()) ? { modifiedAt: modified.toISOString() } : {}),
      meta: {
        ...(keyColumn !== undefined ? { keyColumn } : {}),
        ...(references.has(k) ? { foreignKeys: references.get(k) } : {}),
      },
    };
  });
  return containers.sort(compareContainers);
}

function toNumber(value: string | number | null): number | undefined {
  if (value === null) return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}
