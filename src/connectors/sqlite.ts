/**
 * SQLite connector (better-sqlite3). The file is opened `readonly` (the OS-level guarantee)
 * with `PRAGMA query_only` on top, and never created: a missing file is an error.
 *
 * One connection serves every sample: better-sqlite3 allows several open `.iterate()`
 * statements on one connection, and rows are pulled one at a time so memory stays bounded.
 */
import { statSync } from 'node:fs';
import { setImmediate } from 'node:timers/promises';
import path from 'node:path';
import Database from 'better-sqlite3';
import { PdmapError, describeError } from '../errors.js';
import { redactText } from '../redact.js';
import { sourceDisplayName } from '../sources.js';
import type { Container, FieldInfo, Row } from '../types.js';
import { newStats, type Connector, type DiscoverOptions, type RowBatch, type SampleOptions } from './connector.js';
import {
  countedBatches,
  rowsOfBatches,
  compareContainers,
  errorText,
  keyRangeSample,
  quoteDouble,
  sampleFieldNames,
  throwIfAborted,
  toBigInt,
  wantsKeyRange,
  type KeyedRow,
} from './sql-common.js';

export interface SqliteConnectorOptions {
  readonly path: string;
  readonly name?: string;
}

interface ObjectRow {
  name: string;
  type: string;
  wr: number | bigint;
}

interface ColumnRow {
  tbl: string;
  name: string;
  type: string;
  notnull: number | bigint;
  hidden: number | bigint;
}

/** Rows per batch handed to the engine. */
const BATCH_ROWS = 1000;

/** Longest stretch a full read keeps the event loop waiting (signals, timers, other sources). */
const EVENT_LOOP_TURN_MS = 10;

/** Names SQLite accepts for the rowid, unless a real column has taken them. */
const ROWID_NAMES = ['rowid', '_rowid_', 'oid'];

export function sqliteConnector(options: SqliteConnectorOptions): Connector {
  const file = options.path;
  const name = sourceDisplayName({ kind: 'sqlite', path: file, name: options.name });
  const database = path.parse(file).name;
  const stats = newStats();
  let db: Database.Database | undefined;
  let closed = false;

  function open(): Database.Database {
    if (closed) throw new PdmapError('aborted', `The connector for ${name} is closed`);
    if (!db) {
      try {
        const handle = new Database(file, { readonly: true, fileMustExist: true });
        try {
          handle.pragma('query_only = 1');
          // Reads the header: a file that is not a database fails here, not in the first sample.
          handle.prepare('SELECT count(*) FROM sqlite_schema').get();
        } catch (err) {
          handle.close();
          throw err;
        }
        db = handle;
      } catch (err) {
        throw openError(file, err);
      }
    }
    return db;
  }

  async function* discover(discoverOptions: DiscoverOptions = {}): AsyncGenerator<Container> {
    const { signal } = discoverOptions;
    throwIfAborted(signal);
    const handle = open();
    const types = discoverOptions.views ? ['table', 'view'] : ['table'];
    const objects = handle
      .prepare(
        `SELECT name, type, wr FROM pragma_table_list
         WHERE schema = 'main' AND type IN (${types.map((t) => `'${t}'`).join(', ')}) AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'`,
      )
      .all() as ObjectRow[];
    const columns = readColumns(handle, objects);
    const estimates = readEstimates(handle);
    const foreignKeys = readForeignKeys(handle);
    // SQLite keeps no per-table change counter: any change to the file counts for every table.
    // In WAL mode recent writes sit in the -wal file until a checkpoint.
    const changeMarker = [file, `${file}-wal`]
      .map((f) => statSync(f, { throwIfNoEntry: false }))
      .map((st) => (st ? `${st.size}:${st.mtimeMs}` : '-'))
      .join('/');
    const containers = objects.map((o): Container => {
      const fields = columns.get(o.name) ?? [];
      const rowKey = o.type === 'table' && Number(o.wr) === 0 ? ROWID_NAMES.find((r) => !fields.some((f) => f.name.toLowerCase() === r)) : undefined;
      const estimate = estimates.get(o.name);
      return {
        id: `main.${o.name}`,
        type: o.type === 'view' ? 'view' : 'table',
        database,
        schema: 'main',
        name: o.name,
        fields,
        ...(estimate !== undefined && o.type === 'table' ? { rowEstimate: estimate } : {}),
        meta: {
          ...(rowKey ? { rowKey } : {}),
          changeMarker,
          ...(foreignKeys.has(o.name) ? { foreignKeys: foreignKeys.get(o.name) } : {}),
        },
      };
    });
    containers.sort(compareContainers);
    for (const container of containers) {
      throwIfAborted(signal);
      yield container;
    }
  }

  /** Rows as objects: the batches below, one by one (counted as they are handed out). */
  function sample(container: Container, sampleOptions: SampleOptions): AsyncGenerator<Row> {
    return rowsOfBatches(readBatches(container, sampleOptions), stats, sampleOptions.signal, plainValue);
  }

  /**
   * Rows in batches of positional values (what the engine reads). Integers stay BigInt here: the
   * engine only needs their text, and converting ten million of them in a full scan costs more
   * than reading them.
   */
  function sampleBatches(container: Container, sampleOptions: SampleOptions): AsyncGenerator<RowBatch> {
    return countedBatches(readBatches(container, sampleOptions), stats);
  }

  async function* readBatches(container: Container, sampleOptions: SampleOptions): AsyncGenerator<RowBatch> {
    const { limit, signal } = sampleOptions;
    throwIfAborted(signal);
    const handle = open();
    const requested = sampleFieldNames(container, sampleOptions.fields);
    if (limit === 0) return;
    const table = `main.${quoteDouble(container.name)}`;
    // A container discovered without fields (a view whose definition no longer resolves) is
    // read with `*`, so that its real error surfaces here.
    const columns = requested.length > 0 ? requested.map(quoteDouble).join(', ') : '*';

    const prepare = (sql: string): Database.Statement => {
      try {
        return handle.prepare(sql).raw(true).safeIntegers(true);
      } catch (err) {
        throw brokenDefinition(container, err);
      }
    };
    const stream = function* (statement: Database.Statement, params: readonly unknown[] = []): Generator<unknown[]> {
      stats.queries++;
      for (const values of statement.iterate(...params) as Iterable<unknown>) {
        throwIfAborted(signal);
        if (Array.isArray(values)) yield values as unknown[];
      }
    };
    const namesOf = (statement: Database.Statement): string[] => (requested.length > 0 ? requested : statement.columns().map((c) => c.name));

    const plan = planSqliteSample(container, limit, requested.length);
    const plainSql = `SELECT ${columns} FROM ${table}${plan.kind === 'all' ? '' : ` LIMIT ${plan.limit}`}`;
    // better-sqlite3 steps rows synchronously: a batch is read without an await, and every few
    // milliseconds the event loop gets a turn (a macrotask; microtasks would not let it run), so
    // that a signal, a timer or another source's I/O is served during a full scan of a
    // ten-million-row table instead of after it.
    const batches = async function* (fields: readonly string[], statement: Database.Statement): AsyncGenerator<RowBatch> {
      stats.queries++;
      const rows = statement.iterate() as IterableIterator<unknown>;
      let nextTurn = performance.now() + EVENT_LOOP_TURN_MS;
      try {
        for (;;) {
          const batch: unknown[][] = [];
          for (let r = rows.next(); !r.done; r = rows.next()) {
            if (Array.isArray(r.value)) batch.push(r.value as unknown[]);
            if (batch.length >= BATCH_ROWS) break;
          }
          if (batch.length === 0) return;
          yield { fields, rows: batch };
          if (batch.length < BATCH_ROWS) return;
          if (performance.now() >= nextTurn) {
            await setImmediate();
            nextTurn = performance.now() + EVENT_LOOP_TURN_MS;
          }
          throwIfAborted(signal);
        }
      } finally {
        rows.return?.();
      }
    };
    if (plan.kind !== 'key-range') {
      const statement = prepare(plainSql);
      yield* batches(namesOf(statement), statement);
      return;
    }
    const key = quoteDouble(plan.key);
    stats.queries++;
    // Two subqueries: SQLite only reads min() or max() from the b-tree end when it is alone.
    const bounds = prepare(`SELECT (SELECT min(${key}) FROM ${table}), (SELECT max(${key}) FROM ${table})`).get() as unknown[] | undefined;
    const lo = toBigInt(bounds?.[0]);
    const hi = toBigInt(bounds?.[1]);
    if (lo === undefined || hi === undefined) return;
    if (!wantsKeyRange(lo, hi, plan.limit)) {
      yield* batches(requested, prepare(plainSql));
      return;
    }
    const fromStart = prepare(`SELECT ${columns}, ${key} FROM ${table} ORDER BY ${key} LIMIT ?`);
    const fromKey = prepare(`SELECT ${columns}, ${key} FROM ${table} WHERE ${key} >= ? ORDER BY ${key} LIMIT ?`);
    // keyRangeSample hands rows back as it got them: the positional values travel as the row.
    const read = async function* (from: bigint | undefined, count: number): AsyncGenerator<KeyedRow> {
      const rows = from === undefined ? stream(fromStart, [count]) : stream(fromKey, [from, count]);
      for (const values of rows) {
        const k = toBigInt(values[requested.length]);
        if (k !== undefined) yield { row: values as unknown as Row, key: k };
      }
    };
    // Row by row, as the runs arrive: a sample is small.
    for await (const row of keyRangeSample(lo, hi, plan.limit, read)) yield { fields: requested, rows: [row as unknown as unknown[]] };
  }

  /**
   * Rows whose `column` is before `cutoff`, counted by SQLite (retention checks). SQLite keeps dates
   * as ISO text, Unix seconds or milliseconds, or Julian day numbers: each is compared as what it is.
   */
  async function countOlder(container: Container, column: string, cutoff: Date, signal?: AbortSignal): Promise<number> {
    throwIfAborted(signal);
    const handle = open();
    const col = quoteDouble(column);
    const sql = `SELECT count(*) FROM main.${quoteDouble(container.name)} WHERE CASE
      WHEN typeof(${col}) = 'text' THEN ${col} < ?
      WHEN typeof(${col}) = 'real' AND ${col} BETWEEN 1000000 AND 4000000 THEN ${col} < julianday(?)
      WHEN typeof(${col}) IN ('integer', 'real') THEN ${col} < (CASE WHEN abs(${col}) >= 100000000000 THEN ? ELSE ? END)
      ELSE 0 END`;
    stats.queries++;
    const iso = cutoff.toISOString();
    const ms = cutoff.getTime();
    const value: unknown = handle.prepare(sql).pluck().get(iso, iso, ms, Math.floor(ms / 1000));
    return Number(value);
  }

  async function close(): Promise<void> {
    closed = true;
    if (db?.open) db.close();
    db = undefined;
  }

  return { kind: 'sqlite', name, target: file, stats, discover, sample, sampleBatches, close, countOlder };
}

export type SqliteSamplePlan =
  | { readonly kind: 'all' }
  | { readonly kind: 'limit'; readonly limit: number }
  | { readonly kind: 'key-range'; readonly limit: number; readonly key: string };

/**
 * How a SQLite sample spreads over the table:
 * - no limit: the whole table, streamed;
 * - views, WITHOUT ROWID tables, containers without known fields and small tables (a known
 *   estimate not above twice the limit): plain `LIMIT n`;
 * - otherwise key-range sampling on the rowid: min/max of the rowid, and if that range is larger
 *   than twice the limit, short runs from random points (see `keyRangeSample`), each a cheap
 *   range read of the rowid b-tree; else plain `LIMIT n`.
 * Pure, so that tools (the benchmark's bare-driver floor) can replay the same queries.
 */
export function planSqliteSample(container: Container, limit: number | undefined, fieldCount: number): SqliteSamplePlan {
  if (limit === undefined) return { kind: 'all' };
  const key = typeof container.meta?.rowKey === 'string' ? container.meta.rowKey : undefined;
  const estimate = container.rowEstimate ?? 0;
  if (key === undefined || fieldCount === 0 || (estimate > 0 && estimate <= 2 * limit)) return { kind: 'limit', limit };
  return { kind: 'key-range', limit, key };
}

/**
 * Columns of every table and view in one query. A view whose definition no longer resolves
 * makes that query fail; then each object is read on its own and the broken ones get no fields
 * (sampling them reports the real error).
 */
function readColumns(handle: Database.Database, objects: readonly ObjectRow[]): Map<string, FieldInfo[]> {
  const byTable = new Map<string, FieldInfo[]>();
  const add = (rows: readonly ColumnRow[]): void => {
    for (const c of rows) {
      // hidden = 1: hidden columns of virtual tables; 2 and 3 are generated columns, which hold data.
      if (Number(c.hidden) === 1) continue;
      let list = byTable.get(c.tbl);
      if (!list) byTable.set(c.tbl, (list = []));
      list.push({ name: c.name, ...(c.type ? { dataType: c.type } : {}), nullable: Number(c.notnull) === 0 });
    }
  };
  const columnsSql = `SELECT m.name AS tbl, p.name AS name, p.type AS type, p."notnull" AS "notnull", p.hidden AS hidden
     FROM pragma_table_list AS m JOIN pragma_table_xinfo(m.name, 'main') AS p
     WHERE m.schema = 'main' AND m.type IN ('table', 'view') AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
     ORDER BY m.name, p.cid`;
  try {
    add(handle.prepare(columnsSql).all() as ColumnRow[]);
    return byTable;
  } catch {
    byTable.clear();
  }
  const perTable = handle.prepare(
    `SELECT ? AS tbl, name, type, "notnull", hidden FROM pragma_table_xinfo(?, 'main') ORDER BY cid`,
  );
  for (const o of objects) {
    try {
      add(perTable.all(o.name, o.name) as ColumnRow[]);
    } catch {
      // Broken definition: discovered without fields, reported when sampled.
    }
  }
  return byTable;
}

/** Single-column foreign keys of every table (see src/engine/lookups.ts), in one query. */
function readForeignKeys(handle: Database.Database): Map<string, { field: string; references: string }[]> {
  const byTable = new Map<string, { field: string; references: string }[]>();
  try {
    const rows = handle
      .prepare(
        `SELECT m.name AS tbl, f.id AS id, f."from" AS field, f."table" AS ref, COUNT(*) OVER (PARTITION BY m.name, f.id) AS parts
         FROM pragma_table_list AS m JOIN pragma_foreign_key_list(m.name, 'main') AS f
         WHERE m.schema = 'main' AND m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'`,
      )
      .all() as { tbl: string; field: string; ref: string; parts: number }[];
    for (const r of rows) {
      if (Number(r.parts) !== 1) continue;
      const list = byTable.get(r.tbl) ?? [];
      list.push({ field: r.field, references: `main.${r.ref}` });
      byTable.set(r.tbl, list);
    }
  } catch {
    // A broken schema entry: lookups fall back to `*_id` names.
  }
  return byTable;
}

/** Row counts from `sqlite_stat1` (written by ANALYZE), when the file has it. */
function readEstimates(handle: Database.Database): Map<string, number> {
  const estimates = new Map<string, number>();
  const hasStats = handle.prepare(`SELECT 1 FROM pragma_table_list WHERE schema = 'main' AND name = 'sqlite_stat1'`).get();
  if (!hasStats) return estimates;
  for (const { tbl, stat } of handle.prepare('SELECT tbl, stat FROM main.sqlite_stat1').all() as { tbl: string; stat: unknown }[]) {
    const rows = Number(/^\d+/.exec(String(stat))?.[0]);
    if (Number.isFinite(rows)) estimates.set(tbl, Math.max(estimates.get(tbl) ?? 0, rows));
  }
  return estimates;
}

/** Integers are read exactly (as BigInt) and handed on as numbers when safe, else as decimal strings. */
function plainValue(value: unknown): unknown {
  if (typeof value !== 'bigint') return value;
  // Exact: a BigInt beyond the safe range never converts to a safe number.
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : value.toString();
}

/** A file that cannot be opened is missing or unreadable (not-found/permission) or not a database (parse). */
function openError(file: string, err: unknown): PdmapError {
  const message = redactText(errorText(err));
  if (/not a database|malformed/i.test(message)) {
    return new PdmapError('parse', `Cannot read SQLite file ${file}: ${message}`, 'check that the path points to a SQLite database', { cause: err });
  }
  const code = describeError(err).code === 'permission' ? 'permission' : 'not-found';
  return new PdmapError(code, `Cannot open SQLite file ${file}: ${message}`, code === 'permission' ? 'check the file permissions' : 'check the path of the SQLite file', { cause: err });
}

function brokenDefinition(container: Container, err: unknown): unknown {
  const message = errorText(err);
  if (!/^no such (?:table|column)/i.test(message)) return err;
  return new PdmapError(
    'not-found',
    `Cannot read ${container.id}: ${redactText(message)}`,
    'its definition refers to a table or column that no longer exists; fix it or exclude it',
    { cause: err },
  );
}
