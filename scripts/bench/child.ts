/**
 * One measurement in its own process (started by `runChild` in common.ts): a pdmap scan, a
 * bare-driver floor, a raw file read, or the detection loop. The task arrives as a JSON file named
 * by PDMAP_BENCH_TASK_FILE; the last stdout line is the JSON report with wall time, CPU time and peak RSS
 * of the measured work. Reports carry counts only, never sampled values.
 */
import { createReadStream, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import mysql from 'mysql2';
import pg from 'pg';
import { planMysqlSample } from '../../src/connectors/mysql.js';
import { planPostgresSample } from '../../src/connectors/postgres.js';
import { keyRangeSample, toBigInt, wantsKeyRange, type KeyedRow } from '../../src/connectors/sql-common.js';
import { planSqliteSample } from '../../src/connectors/sqlite.js';
import { scan } from '../../src/scan.js';
import type { SourceConfig } from '../../src/sources.js';
import type { Container } from '../../src/types.js';
import { benchDetection, warmUpDetectors } from './detection.js';
import { writeFileSet } from './files-data.js';

export type ChildTask =
  | {
      readonly type: 'scan';
      readonly sources: readonly (string | SourceConfig)[];
      readonly full?: boolean;
      readonly include?: readonly string[];
      readonly concurrency?: number;
      /** Load the detectors' gazetteers before the clock starts (reported as `warmMs`). */
      readonly warm?: boolean;
    }
  | { readonly type: 'floor'; readonly engine: 'postgres' | 'mysql'; readonly url: string; readonly containers: readonly Container[]; readonly limit?: number; readonly concurrency: number }
  | { readonly type: 'floor'; readonly engine: 'sqlite'; readonly path: string; readonly containers: readonly Container[]; readonly limit?: number; readonly concurrency: number }
  | { readonly type: 'read'; readonly files: readonly string[] }
  /** Bench files, written here so the bench's own event loop stays free. */
  | { readonly type: 'write-files'; readonly dir: string; readonly bytes: number }
  /** Fixture SQL for a bench SQLite file, run here so the bench's own event loop stays free. */
  | { readonly type: 'sqlite-exec'; readonly path: string; readonly sql: readonly string[] }
  | { readonly type: 'detection'; readonly fields: number; readonly valuesPerField: number };

/** Statement timeout the connectors use by default; the floor sets the same. */
const TIMEOUT_MS = 30_000;
const PG_FETCH = 1000;

async function main(): Promise<void> {
  const file = process.env.PDMAP_BENCH_TASK_FILE;
  if (!file) throw new Error('PDMAP_BENCH_TASK_FILE is not set');
  const task = JSON.parse(readFileSync(file, 'utf8')) as ChildTask;
  let warmMs: number | undefined;
  if (task.type === 'scan' && task.warm) {
    const w0 = performance.now();
    warmUpDetectors();
    warmMs = performance.now() - w0;
  }
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const extra = await run(task);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const report = { ms, cpuMs: (cpu.user + cpu.system) / 1000, maxRssMb: process.resourceUsage().maxRSS / 1024, ...(warmMs === undefined ? {} : { warmMs }), ...extra };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

async function run(task: ChildTask): Promise<Record<string, unknown>> {
  switch (task.type) {
    case 'scan': {
      const inventory = await scan({
        sources: task.sources,
        ...(task.full ? { full: true } : {}),
        ...(task.include ? { include: task.include } : {}),
        ...(task.concurrency ? { concurrency: task.concurrency } : {}),
      });
      return {
        containers: inventory.containers.length,
        fields: inventory.fields.length,
        personalFields: inventory.fields.filter((f) => f.personal).length,
        rowsSampled: inventory.containers.reduce((n, c) => n + c.rowsSampled, 0),
        errors: inventory.errors.map((e) => `${e.container ?? e.source}: ${e.code}`),
      };
    }
    case 'floor': {
      const rows = task.engine === 'sqlite' ? await floorSqlite(task) : task.engine === 'postgres' ? await floorPostgres(task) : await floorMysql(task);
      return { rows };
    }
    case 'read': {
      let bytes = 0;
      for (const file of task.files) {
        for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 })) bytes += (chunk as Buffer).length;
      }
      return { bytes };
    }
    case 'detection':
      return benchDetection({ fields: task.fields, valuesPerField: task.valuesPerField });
    case 'write-files':
      return { bytes: writeFileSet(task.dir, task.bytes).bytes };
    case 'sqlite-exec': {
      const db = new Database(task.path);
      try {
        // A bench file is rebuilt from scratch on failure: no journal, no fsync.
        db.pragma('journal_mode = OFF');
        db.pragma('synchronous = OFF');
        for (const sql of task.sql) db.exec(sql);
      } finally {
        db.close();
      }
      return {};
    }
  }
}

/** Runs `work` over the containers with at most `concurrency` at once, as scan() does. */
async function pool<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<number>): Promise<number> {
  let next = 0;
  let total = 0;
  const lanes = Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      total += await work(item);
    }
  });
  await Promise.all(lanes);
  return total;
}

const pgQuote = (name: string): string => `"${name.replaceAll('"', '""')}"`;
const myQuote = (name: string): string => `\`${name.replaceAll('`', '``')}\``;

/**
 * The PostgreSQL connector's queries with node-postgres alone: the same session settings, the
 * same read-only transaction, the same plan (`planPostgresSample`), the same cursor and fetch
 * size; rows are drained as arrays and dropped.
 */
async function floorPostgres(task: { url: string; containers: readonly Container[]; limit?: number; concurrency: number }): Promise<number> {
  const clients = new pg.Pool({ connectionString: task.url, max: task.concurrency });
  const ready = new WeakSet<pg.PoolClient>();
  let seq = 0;
  try {
    return await pool(task.containers, task.concurrency, async (container) => {
      const client = await clients.connect();
      try {
        if (!ready.has(client)) {
          await client.query(`SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY; SET statement_timeout = ${TIMEOUT_MS}`);
          ready.add(client);
        }
        const names = container.fields.map((f) => f.name);
        const table = `${pgQuote(container.schema ?? 'public')}.${pgQuote(container.name)}`;
        const columns = names.map(pgQuote).join(', ');
        const plan = planPostgresSample(container, task.limit);
        let rows = 0;
        const drain = async (select: string, values: unknown[] = []): Promise<unknown[][]> => {
          const cursor = `floor_${++seq}`;
          await client.query(`DECLARE ${cursor} NO SCROLL CURSOR FOR ${select}`, values);
          const kept: unknown[][] = [];
          for (;;) {
            const batch = (await client.query<unknown[]>({ text: `FETCH FORWARD ${PG_FETCH} FROM ${cursor}`, rowMode: 'array' })).rows;
            rows += batch.length;
            if (plan.kind === 'tablesample') kept.push(...batch);
            if (batch.length < PG_FETCH) return kept;
          }
        };
        await client.query(`BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SET LOCAL statement_timeout = ${TIMEOUT_MS}`);
        if (plan.kind === 'all') await drain(`SELECT ${columns} FROM ${table}`);
        else if (plan.kind === 'limit') await drain(`SELECT ${columns} FROM ${table} LIMIT ${plan.limit}`);
        else {
          const rowKey = `(tableoid::text || ':' || ctid::text)`;
          const got = await drain(`SELECT ${columns}, ${rowKey} FROM ${table} TABLESAMPLE ${plan.method} ($1) ORDER BY random() LIMIT ${plan.limit}`, [plan.percent]);
          if (got.length < plan.limit) {
            const seen = got.map((r) => String(r[names.length]));
            await drain(`SELECT ${columns} FROM ${table} WHERE NOT (${rowKey} = ANY($1::text[])) LIMIT ${plan.limit - got.length}`, [seen]);
          }
        }
        await client.query('ROLLBACK');
        return rows;
      } finally {
        client.release();
      }
    });
  } finally {
    await clients.end();
  }
}

/**
 * The MySQL/MariaDB connector's queries with mysql2 alone: the same session settings, read-only
 * transaction, per-statement timeout, plan (`planMysqlSample`, then `keyRangeSample` over the
 * key), and streaming; rows are drained and dropped.
 */
async function floorMysql(task: { url: string; containers: readonly Container[]; limit?: number; concurrency: number }): Promise<number> {
  const conns = mysql.createPool({ uri: task.url, connectionLimit: task.concurrency, supportBigNumbers: true, bigNumberStrings: true, charset: 'utf8mb4' });
  const ready = new WeakSet<mysql.PoolConnection>();
  const query = (conn: mysql.PoolConnection, sql: string): Promise<unknown[][]> =>
    new Promise((resolve, reject) => conn.query({ sql, rowsAsArray: true }, (err, rows) => (err ? reject(err) : resolve(Array.isArray(rows) ? (rows as unknown[][]) : []))));
  /** Streams rows; what the stream already holds is drained at once (the cheapest way to read it). */
  async function* stream(conn: mysql.PoolConnection, sql: string): AsyncGenerator<unknown[]> {
    const readable = conn.query({ sql: `SET STATEMENT max_statement_time = ${TIMEOUT_MS / 1000} FOR ${sql}`, rowsAsArray: true }).stream({ highWaterMark: 256 });
    for await (const row of readable as AsyncIterable<unknown>) {
      const batch: unknown[][] = [row as unknown[]];
      for (let more: unknown = readable.read(); more !== null; more = readable.read()) batch.push(more as unknown[]);
      yield* batch;
    }
  }
  try {
    return await pool(task.containers, task.concurrency, async (container) => {
      const conn = await new Promise<mysql.PoolConnection>((resolve, reject) => conns.getConnection((err, c) => (err ? reject(err) : resolve(c))));
      try {
        if (!ready.has(conn)) {
          await query(conn, 'SELECT VERSION()');
          await query(conn, 'SET SESSION TRANSACTION READ ONLY');
          await query(conn, `SET SESSION max_statement_time = ${TIMEOUT_MS / 1000}`);
          ready.add(conn);
        }
        const names = container.fields.map((f) => f.name);
        const table = `${myQuote(container.schema ?? '')}.${myQuote(container.name)}`;
        // Positional aliases, as the connector writes them.
        const columns = names.map((n, i) => `${myQuote(n)} AS \`c${i}\``).join(', ');
        const plan = planMysqlSample(container, task.limit, names.length);
        let rows = 0;
        await query(conn, 'START TRANSACTION READ ONLY');
        if (plan.kind !== 'key-range') {
          for await (const _ of stream(conn, `SELECT ${columns} FROM ${table}${plan.kind === 'limit' ? ` LIMIT ${plan.limit}` : ''}`)) rows++;
        } else {
          const key = myQuote(plan.key);
          const bounds = await query(conn, `SET STATEMENT max_statement_time = ${TIMEOUT_MS / 1000} FOR SELECT MIN(${key}), MAX(${key}) FROM ${table}`);
          const lo = toBigInt(bounds[0]?.[0]);
          const hi = toBigInt(bounds[0]?.[1]);
          if (lo !== undefined && hi !== undefined) {
            if (!wantsKeyRange(lo, hi, plan.limit)) {
              for await (const _ of stream(conn, `SELECT ${columns} FROM ${table} LIMIT ${plan.limit}`)) rows++;
            } else {
              const read = async function* (from: bigint | undefined, count: number): AsyncGenerator<KeyedRow> {
                const where = from === undefined ? '' : ` WHERE ${key} >= ${from.toString()}`;
                for await (const values of stream(conn, `SELECT ${columns}, ${key} AS \`k\` FROM ${table}${where} ORDER BY ${key} LIMIT ${count}`)) {
                  const k = toBigInt(values[names.length]);
                  if (k !== undefined) yield { row: {}, key: k };
                }
              };
              for await (const _ of keyRangeSample(lo, hi, plan.limit, read)) rows++;
            }
          }
        }
        await query(conn, 'ROLLBACK');
        return rows;
      } finally {
        conn.release();
      }
    });
  } finally {
    await new Promise<void>((resolve) => conns.end(() => resolve()));
  }
}

/** The SQLite connector's queries with better-sqlite3 alone (`planSqliteSample`, rowid key ranges). */
function floorSqlite(task: { path: string; containers: readonly Container[]; limit?: number }): Promise<number> {
  const db = new Database(task.path, { readonly: true, fileMustExist: true });
  db.pragma('query_only = 1');
  const run = async (): Promise<number> => {
    let rows = 0;
    for (const container of task.containers) {
      const names = container.fields.map((f) => f.name);
      const table = `main.${pgQuote(container.name)}`;
      const columns = names.map(pgQuote).join(', ');
      const plan = planSqliteSample(container, task.limit, names.length);
      const prepare = (sql: string): Database.Statement => db.prepare(sql).raw(true).safeIntegers(true);
      if (plan.kind !== 'key-range') {
        for (const _ of prepare(`SELECT ${columns} FROM ${table}${plan.kind === 'limit' ? ` LIMIT ${plan.limit}` : ''}`).iterate()) rows++;
        continue;
      }
      const key = pgQuote(plan.key);
      const bounds = prepare(`SELECT (SELECT min(${key}) FROM ${table}), (SELECT max(${key}) FROM ${table})`).get() as unknown[] | undefined;
      const lo = toBigInt(bounds?.[0]);
      const hi = toBigInt(bounds?.[1]);
      if (lo === undefined || hi === undefined) continue;
      if (!wantsKeyRange(lo, hi, plan.limit)) {
        for (const _ of prepare(`SELECT ${columns} FROM ${table} LIMIT ${plan.limit}`).iterate()) rows++;
        continue;
      }
      const fromStart = prepare(`SELECT ${columns}, ${key} FROM ${table} ORDER BY ${key} LIMIT ?`);
      const fromKey = prepare(`SELECT ${columns}, ${key} FROM ${table} WHERE ${key} >= ? ORDER BY ${key} LIMIT ?`);
      const read = async function* (from: bigint | undefined, count: number): AsyncGenerator<KeyedRow> {
        const it = from === undefined ? fromStart.iterate(count) : fromKey.iterate(from, count);
        for (const values of it as Iterable<unknown[]>) {
          const k = toBigInt(values[names.length]);
          if (k !== undefined) yield { row: {}, key: k };
        }
      };
      for await (const _ of keyRangeSample(lo, hi, plan.limit, read)) rows++;
    }
    return rows;
  };
  return run().finally(() => db.close());
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
