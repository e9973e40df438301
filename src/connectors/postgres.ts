/**
 * PostgreSQL connector (node-postgres). Read-only by construction: every session is set to
 * read-only transactions with a statement timeout, and every sample runs in its own
 * `BEGIN … READ ONLY` transaction that is rolled back afterwards.
 *
 * Rows are streamed through a server-side cursor (`DECLARE … CURSOR` + `FETCH`) inside that
 * transaction: plain SQL, no extra package, and memory stays bounded by the fetch size.
 */
import pg from 'pg';
import { PdmapError, describeError } from '../errors.js';
import { redactUrl } from '../redact.js';
import { sourceDisplayName } from '../sources.js';
import type { Container, FieldInfo, Row } from '../types.js';
import { newStats, type Connector, type DatabaseConnectorOptions, type DiscoverOptions, type RowBatch, type SampleOptions } from './connector.js';
import {
  countedBatches,
  rowsOfBatches,
  abortable,
  compareContainers,
  connectError,
  lostConnectionError,
  maxConnections,
  quoteDouble,
  sampleFieldNames,
  statementTimeoutMs,
  throwIfAborted,
} from './sql-common.js';

const FETCH_SIZE = 1000;

/** Relation kinds read as tables and, with `views: true`, as views (materialized views hold data too). */
const TABLE_KINDS = ['r', 'p'];
const VIEW_KINDS = ['v', 'm'];

/** Excludes catalogues, TOAST and every session's temporary schemas. */
const SCHEMA_FILTER = `n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp\\_%'`;

/**
 * One query for all relations. Partitions are skipped (their parent is the container) and a
 * partitioned parent gets its leaves' estimates and sizes. Sizes come from the catalogue and
 * the file system, never from reading the table.
 */
const TABLES_SQL = `
SELECT c.oid::text AS oid, n.nspname AS schema, c.relname AS name, c.relkind::text AS kind,
       current_database() AS database,
       CASE WHEN c.relkind = 'p' THEN parts.reltuples ELSE c.reltuples::float8 END AS reltuples,
       CASE WHEN c.relkind = 'p' THEN parts.relpages ELSE c.relpages::float8 END AS relpages,
       CASE WHEN c.relkind = 'p' THEN parts.heap_bytes ELSE pg_relation_size(c.oid)::float8 END AS heap_bytes,
       CASE WHEN c.relkind = 'p' THEN parts.total_bytes ELSE pg_total_relation_size(c.oid)::float8 END AS total_bytes,
       current_setting('block_size')::float8 AS block_size,
       (pg_stat_get_tuples_inserted(c.oid) + pg_stat_get_tuples_updated(c.oid) + pg_stat_get_tuples_deleted(c.oid))::text AS changes
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN LATERAL (
  SELECT (sum(ch.reltuples) FILTER (WHERE ch.reltuples >= 0))::float8 AS reltuples,
         sum(ch.relpages)::float8 AS relpages,
         sum(pg_relation_size(ch.oid))::float8 AS heap_bytes,
         sum(pg_total_relation_size(ch.oid))::float8 AS total_bytes
  FROM pg_inherits i JOIN pg_class ch ON ch.oid = i.inhrelid
  WHERE i.inhparent = c.oid
) parts ON c.relkind = 'p'
WHERE c.relkind::text = ANY($1::text[]) AND NOT c.relispartition AND ${SCHEMA_FILTER}`;

/** Single-column foreign keys: which lookup tables a table's rows point at (see src/engine/lookups.ts). */
const FOREIGN_KEYS_SQL = `
SELECT con.conrelid::text AS oid, a.attname AS field, fn.nspname AS ref_schema, fc.relname AS ref_name
FROM pg_constraint con
JOIN pg_class c ON c.oid = con.conrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = con.conkey[1]
JOIN pg_class fc ON fc.oid = con.confrelid
JOIN pg_namespace fn ON fn.oid = fc.relnamespace
WHERE con.contype = 'f' AND cardinality(con.conkey) = 1 AND ${SCHEMA_FILTER}`;

const COLUMNS_SQL = `
SELECT a.attrelid::text AS oid, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS data_type,
       a.attnotnull AS not_null
FROM pg_attribute a
JOIN pg_class c ON c.oid = a.attrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind::text = ANY($1::text[]) AND NOT c.relispartition
  AND ${SCHEMA_FILTER}
ORDER BY a.attrelid, a.attnum`;

interface TableRow {
  oid: string;
  schema: string;
  name: string;
  kind: string;
  database: string;
  reltuples: number | null;
  relpages: number | null;
  heap_bytes: number | null;
  total_bytes: number | null;
  block_size: number;
  /** Rows inserted, updated and deleted since the statistics were reset: the change marker. */
  changes: string | null;
}

interface ForeignKeyRow {
  oid: string;
  field: string;
  ref_schema: string;
  ref_name: string;
}

interface ColumnRow {
  oid: string;
  name: string;
  data_type: string;
  not_null: boolean;
}

/** What `sample` needs from discovery, carried in `Container.meta`. */
interface PgMeta {
  relkind: string;
  /** Catalogue estimate, -1 when never analysed. */
  reltuples: number;
  /** Pages the estimate was made on. */
  relpages: number;
  /** Pages the table has now. */
  pages: number;
}

interface Session {
  readonly client: pg.PoolClient;
  readonly signal: AbortSignal | undefined;
  /** A query is still running on the connection after an abort: the client must be destroyed. */
  poisoned: boolean;
  released: boolean;
}

export function postgresConnector(options: DatabaseConnectorOptions): Connector {
  const target = redactUrl(options.url);
  const name = sourceDisplayName({ kind: 'postgres', url: options.url, name: options.name });
  const timeoutMs = statementTimeoutMs(options.statementTimeoutMs);
  const stats = newStats();
  const initialised = new WeakSet<pg.PoolClient>();
  const active = new Set<Session>();
  let pool: pg.Pool | undefined;
  let closing: Promise<void> | undefined;

  // Session defaults cover discovery; samples also set them per transaction, which survives
  // transaction-pooling proxies. client_connection_check_interval (PG 14+) lets the server stop
  // a query whose client went away after an abort, instead of running until the timeout.
  const sessionSetup = [
    'SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY',
    `SET statement_timeout = ${timeoutMs}`,
    "SET application_name = 'pdmap'",
    "SELECT set_config('client_connection_check_interval', '1000', false) WHERE current_setting('server_version_num')::int >= 140000",
  ].join('; ');
  const beginSample = `BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SET LOCAL statement_timeout = ${timeoutMs}`;

  function getPool(): pg.Pool {
    if (!pool) {
      pool = new pg.Pool({
        connectionString: options.url,
        max: maxConnections(options.maxConnections),
        connectionTimeoutMillis: 15_000,
        idleTimeoutMillis: 10_000,
        allowExitOnIdle: true,
      });
      // An idle client that loses its server emits on the pool; unhandled, that would crash the
      // process. The next checkout gets a fresh client and reports any real failure.
      pool.on('error', () => undefined);
    }
    return pool;
  }

  async function acquire(signal: AbortSignal | undefined): Promise<Session> {
    if (closing) throw new PdmapError('aborted', `The connector for ${name} is closed`);
    throwIfAborted(signal);
    let client: pg.PoolClient;
    try {
      client = await abortable(getPool().connect(), signal, (late) => late.release());
    } catch (err) {
      if (signal?.aborted) throw err;
      throw connectError('PostgreSQL', target, err);
    }
    const session: Session = { client, signal, poisoned: false, released: false };
    active.add(session);
    if (!initialised.has(client)) {
      // The pool listens for errors only while a client is idle. A server that ends a checked-out
      // session (pg_terminate_backend, failover, a proxy restart) makes the client emit 'error'
      // between two queries; unhandled, that would crash the process. The next query on the
      // client fails instead, as a lost connection.
      client.on('error', () => undefined);
      try {
        await run(session, sessionSetup);
        initialised.add(client);
      } catch (err) {
        release(session, true);
        if (signal?.aborted) throw err;
        throw connectError('PostgreSQL', target, err);
      }
    }
    return session;
  }

  function release(session: Session, destroy: boolean): void {
    if (session.released) return;
    session.released = true;
    active.delete(session);
    session.client.release(destroy);
  }

  /** Ends the sample's transaction and hands the client back, or destroys it if it cannot be trusted. */
  async function finish(session: Session): Promise<void> {
    if (session.released) return;
    if (session.poisoned) return release(session, true);
    try {
      await session.client.query('ROLLBACK');
      release(session, false);
    } catch {
      release(session, true);
    }
  }

  async function run(session: Session, text: string, values?: unknown[]): Promise<pg.QueryResult> {
    return settle(session, session.client.query(text, values));
  }

  async function runArray(session: Session, text: string): Promise<unknown[][]> {
    return (await settle(session, session.client.query<unknown[]>({ text, rowMode: 'array' }))).rows;
  }

  async function settle<T>(session: Session, pending: Promise<T>): Promise<T> {
    try {
      return await abortable(pending, session.signal);
    } catch (err) {
      if (session.signal?.aborted) {
        session.poisoned = true;
        throw err;
      }
      // Server errors carry a severity; pg's own errors for a dead session (`Connection terminated
      // unexpectedly`, `… is not queryable`) carry no code at all.
      const lost = typeof (err as { severity?: unknown } | null)?.severity !== 'string' && describeError(err).code === 'unknown';
      if (lost || describeError(err).code === 'connect') session.poisoned = true;
      throw lost ? lostConnectionError('PostgreSQL', target, err) : err;
    }
  }

  let cursorSeq = 0;
  /** Streams one SELECT through a server-side cursor, a FETCH at a time; rows are positional arrays. */
  async function* cursor(session: Session, select: string, values: unknown[] = []): AsyncGenerator<unknown[][]> {
    const cursorName = `pdmap_c${++cursorSeq}`;
    stats.queries++;
    await run(session, `DECLARE ${cursorName} NO SCROLL CURSOR FOR ${select}`, values);
    for (;;) {
      const rows = await runArray(session, `FETCH FORWARD ${FETCH_SIZE} FROM ${cursorName}`);
      throwIfAborted(session.signal);
      if (rows.length > 0) yield rows;
      if (rows.length < FETCH_SIZE) return;
    }
  }

  async function* discover(discoverOptions: DiscoverOptions = {}): AsyncGenerator<Container> {
    const { signal } = discoverOptions;
    const kinds = discoverOptions.views ? [...TABLE_KINDS, ...VIEW_KINDS] : TABLE_KINDS;
    const session = await acquire(signal);
    let containers: Container[];
    try {
      await run(session, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const tables = (await run(session, TABLES_SQL, [kinds])).rows as TableRow[];
      const columns = (await run(session, COLUMNS_SQL, [kinds])).rows as ColumnRow[];
      const foreignKeys = (await run(session, FOREIGN_KEYS_SQL)).rows as ForeignKeyRow[];
      containers = buildContainers(tables, columns, foreignKeys);
    } finally {
      await finish(session);
    }
    for (const container of containers) {
      throwIfAborted(signal);
      yield container;
    }
  }

  /** Rows as objects: the batches below, one by one (counted as they are handed out). */
  function sample(container: Container, sampleOptions: SampleOptions): AsyncGenerator<Row> {
    return rowsOfBatches(readBatches(container, sampleOptions), stats, sampleOptions.signal);
  }

  /** Rows in batches of positional values, one per FETCH (what the engine reads). */
  function sampleBatches(container: Container, sampleOptions: SampleOptions): AsyncGenerator<RowBatch> {
    return countedBatches(readBatches(container, sampleOptions), stats);
  }

  async function* readBatches(container: Container, sampleOptions: SampleOptions): AsyncGenerator<RowBatch> {
    const { limit, signal } = sampleOptions;
    const names = sampleFieldNames(container, sampleOptions.fields);
    if (names.length === 0 || limit === 0) return;
    const table = container.schema === undefined ? quoteDouble(container.name) : `${quoteDouble(container.schema)}.${quoteDouble(container.name)}`;
    const columns = names.map(quoteDouble).join(', ');
    const plan = planPostgresSample(container, limit);
    const session = await acquire(signal);
    try {
      await run(session, beginSample);
      if (plan.kind === 'all') {
        for await (const rows of cursor(session, `SELECT ${columns} FROM ${table}`)) yield { fields: names, rows };
        return;
      }
      if (plan.kind === 'limit') {
        for await (const rows of cursor(session, `SELECT ${columns} FROM ${table} LIMIT ${plan.limit}`)) yield { fields: names, rows };
        return;
      }
      // tableoid + ctid identify a row inside the snapshot (also across partitions), so the
      // top-up below can skip the rows the table sample already returned. It rides along as an
      // extra value after the fields.
      const rowKey = `(tableoid::text || ':' || ctid::text)`;
      const seen: string[] = [];
      const sampled = `SELECT ${columns}, ${rowKey} FROM ${table} TABLESAMPLE ${plan.method} ($1) ORDER BY random() LIMIT ${plan.limit}`;
      for await (const rows of cursor(session, sampled, [plan.percent])) {
        for (const values of rows) seen.push(String(values[names.length]));
        yield { fields: names, rows };
      }
      if (seen.length >= plan.limit) return;
      const topUp = `SELECT ${columns} FROM ${table} WHERE NOT (${rowKey} = ANY($1::text[])) LIMIT ${plan.limit - seen.length}`;
      for await (const rows of cursor(session, topUp, [seen])) yield { fields: names, rows };
    } finally {
      await finish(session);
    }
  }

  /** Rows whose `column` is before `cutoff`, counted by the server in a read-only transaction (retention checks). */
  async function countOlder(container: Container, column: string, cutoff: Date, signal?: AbortSignal): Promise<number> {
    const table = container.schema === undefined ? quoteDouble(container.name) : `${quoteDouble(container.schema)}.${quoteDouble(container.name)}`;
    const session = await acquire(signal);
    try {
      await run(session, beginSample);
      stats.queries++;
      // An ISO string lets the server read it as the column's own type (date, timestamp, or ISO text).
      const result = await run(session, `SELECT count(*)::text AS n FROM ${table} WHERE ${quoteDouble(column)} < $1`, [cutoff.toISOString()]);
      return Number((result.rows[0] as { n?: unknown } | undefined)?.n ?? 0);
    } finally {
      await finish(session);
    }
  }

  async function close(): Promise<void> {
    if (!closing) {
      const current = pool;
      closing = (async () => {
        for (const session of [...active]) release(session, true);
        if (current) await current.end();
      })();
    }
    await closing;
  }

  return { kind: 'postgres', name, target, stats, discover, sample, sampleBatches, close, countOlder };
}

function buildContainers(tables: readonly TableRow[], columns: readonly ColumnRow[], foreignKeys: readonly ForeignKeyRow[]): Container[] {
  const keysByOid = new Map<string, { field: string; references: string }[]>();
  for (const k of foreignKeys) {
    const list = keysByOid.get(k.oid) ?? [];
    list.push({ field: k.field, references: `${k.ref_schema}.${k.ref_name}` });
    keysByOid.set(k.oid, list);
  }
  const fieldsByOid = new Map<string, FieldInfo[]>();
  for (const column of columns) {
    let fields = fieldsByOid.get(column.oid);
    if (!fields) fieldsByOid.set(column.oid, (fields = []));
    fields.push({ name: column.name, dataType: column.data_type, nullable: !column.not_null });
  }
  const containers = tables.map((t): Container => {
    const isView = VIEW_KINDS.includes(t.kind);
    const reltuples = t.reltuples ?? -1;
    const meta: PgMeta = {
      relkind: t.kind,
      reltuples,
      relpages: t.relpages ?? 0,
      pages: t.heap_bytes !== null && t.block_size > 0 ? Math.ceil(t.heap_bytes / t.block_size) : 0,
    };
    return {
      id: `${t.schema}.${t.name}`,
      type: isView ? 'view' : 'table',
      database: t.database,
      schema: t.schema,
      name: t.name,
      fields: fieldsByOid.get(t.oid) ?? [],
      ...(t.kind !== 'v' && reltuples >= 0 ? { rowEstimate: Math.round(reltuples) } : {}),
      ...(t.kind !== 'v' && t.total_bytes !== null ? { sizeBytes: t.total_bytes } : {}),
      meta: {
        ...meta,
        ...(t.changes === null ? {} : { changeMarker: t.changes }),
        ...(keysByOid.has(t.oid) ? { foreignKeys: keysByOid.get(t.oid) } : {}),
      },
    };
  });
  return containers.sort(compareContainers);
}

export type PostgresSamplePlan =
  | { readonly kind: 'all' }
  | { readonly kind: 'limit'; readonly limit: number }
  | { readonly kind: 'tablesample'; readonly limit: number; readonly method: 'SYSTEM' | 'BERNOULLI'; readonly percent: number };

/** Rows per page assumed for a table that was never analysed: low, so the sample rate errs high. */
const GUESSED_ROWS_PER_PAGE = 30;
/** Up to ~8 MB BERNOULLI (row-level, reads every page) is cheap; beyond, SYSTEM samples whole pages. */
const BERNOULLI_MAX_PAGES = 1024;
/** SYSTEM picks whole pages: at least this many keeps the sample from resting on one or two pages. */
const SYSTEM_MIN_PAGES = 32;
/** Rows asked from the table sample per wanted row, so that it rarely comes back short. */
const OVERSAMPLE = 3;

/**
 * How a PostgreSQL sample spreads over the table:
 * - no limit: the whole table, streamed;
 * - views, and tables whose estimate is not above the limit: plain `LIMIT n`;
 * - larger tables: `TABLESAMPLE BERNOULLI` (small tables, row-level) or `SYSTEM` (large tables,
 *   page-level, cheap) at a rate that should return ~3× the limit, shuffled with
 *   `ORDER BY random() LIMIT n` so the rows kept are not just those of the first pages.
 *   If it still returns too few rows (stale estimate), `sample` tops up with plain rows not yet seen.
 * The estimate is reltuples scaled to the table's current size (as the planner does), so a
 * table that grew since the last ANALYZE is still sampled; never-analysed tables get a guess
 * from their size.
 */
export function planPostgresSample(container: Container, limit: number | undefined): PostgresSamplePlan {
  if (limit === undefined) return { kind: 'all' };
  const meta = readMeta(container);
  if (!meta || !['r', 'p', 'm'].includes(meta.relkind)) return { kind: 'limit', limit };
  const estimate =
    meta.reltuples > 0 && meta.relpages > 0
      ? (meta.reltuples / meta.relpages) * Math.max(meta.pages, meta.relpages)
      : meta.reltuples > 0
        ? meta.reltuples
        : meta.pages * GUESSED_ROWS_PER_PAGE;
  if (estimate <= limit) return { kind: 'limit', limit };
  const method = meta.pages > 0 && meta.pages <= BERNOULLI_MAX_PAGES ? 'BERNOULLI' : 'SYSTEM';
  let fraction = (OVERSAMPLE * limit) / estimate;
  if (method === 'SYSTEM' && meta.pages > 0) fraction = Math.max(fraction, SYSTEM_MIN_PAGES / meta.pages);
  if (fraction >= 1) return { kind: 'limit', limit };
  return { kind: 'tablesample', limit, method, percent: Math.max(fraction * 100, 0.000_1) };
}

function readMeta(container: Container): PgMeta | undefined {
  const m = container.meta;
  if (!m) return undefined;
  const { relkind, reltuples, relpages, pages } = m;
  if (typeof relkind !== 'string' || typeof reltuples !== 'number' || typeof relpages !== 'number' || typeof pages !== 'number') return undefined;
  return { relkind, reltuples, relpages, pages };
}
