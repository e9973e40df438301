/**
 * Throw-away databases on the real test servers, for connector tests.
 *
 * Admin URLs come from PDMAP_PG_URL / PDMAP_MYSQL_URL (defaults: the local servers of the dev
 * container). A server that cannot be reached fails the suite. Outside CI, setting
 * PDMAP_SKIP_UNAVAILABLE_DBS=1 turns that into a skip, for machines without the servers.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import mysql from 'mysql2/promise';
import pg from 'pg';

export const PG_ADMIN_URL = process.env.PDMAP_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const MYSQL_ADMIN_URL = process.env.PDMAP_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/';

export interface TestDatabase {
  /** Admin URL of the new database, for the connector under test. */
  readonly url: string;
  readonly name: string;
  /** Runs SQL as admin inside the new database (fixtures); returns the rows, if any. */
  exec(sql: string, params?: readonly unknown[]): Promise<unknown[]>;
  /** A login with no privileges yet; grant them with `exec`. Dropped with the database. */
  createUser(prefix?: string): Promise<{ readonly name: string; readonly url: string }>;
  drop(): Promise<void>;
}

export function uniqueName(prefix = 'pdmap_t_'): string {
  return `${prefix}${randomBytes(5).toString('hex')}`;
}

/**
 * Whether the server answers. Fails (throws) when it does not, unless skipping was asked for
 * outside CI; the suites use the result with `describe.skipIf`.
 */
export async function serverAvailable(kind: 'postgres' | 'mysql'): Promise<boolean> {
  try {
    if (kind === 'postgres') {
      const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 5_000 });
      await client.connect();
      await client.end();
    } else {
      const conn = await mysql.createConnection({ uri: MYSQL_ADMIN_URL, connectTimeout: 5_000 });
      await conn.end();
    }
    return true;
  } catch (err) {
    const reason = `${kind} test server unreachable (${kind === 'postgres' ? 'PDMAP_PG_URL' : 'PDMAP_MYSQL_URL'}): ${(err as Error).message || String(err)}`;
    if (process.env.CI !== 'true' && process.env.PDMAP_SKIP_UNAVAILABLE_DBS === '1') {
      console.warn(`Skipping: ${reason}`);
      return false;
    }
    throw new Error(`${reason}. Start it, or set PDMAP_SKIP_UNAVAILABLE_DBS=1 outside CI to skip.`, { cause: err });
  }
}

function withDatabase(adminUrl: string, database: string, user?: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  if (user !== undefined) {
    url.username = encodeURIComponent(user);
    url.password = '';
  }
  return url.toString();
}

function quotePg(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export async function createPostgresDatabase(prefix = 'pdmap_t_'): Promise<TestDatabase> {
  const name = uniqueName(prefix);
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${quotePg(name)}`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(PG_ADMIN_URL, name);
  const users: string[] = [];
  let client: pg.Client | undefined;
  const connected = async (): Promise<pg.Client> => {
    if (!client) {
      client = new pg.Client({ connectionString: url });
      await client.connect();
    }
    return client;
  };
  return {
    url,
    name,
    async exec(sql, params) {
      const result = await (await connected()).query(sql, params ? [...params] : undefined);
      const results = Array.isArray(result) ? (result as pg.QueryResult[]) : [result];
      return results.flatMap((r) => r.rows as unknown[]);
    },
    async createUser(userPrefix = 'pdmap_ro_') {
      const user = uniqueName(userPrefix);
      await (await connected()).query(`CREATE ROLE ${quotePg(user)} LOGIN`);
      users.push(user);
      return { name: user, url: withDatabase(PG_ADMIN_URL, name, user) };
    },
    async drop() {
      await client?.end();
      client = undefined;
      const dropper = new pg.Client({ connectionString: PG_ADMIN_URL });
      await dropper.connect();
      try {
        await dropper.query(`DROP DATABASE IF EXISTS ${quotePg(name)} WITH (FORCE)`);
        for (const user of users) await dropper.query(`DROP ROLE IF EXISTS ${quotePg(user)}`);
      } finally {
        await dropper.end();
      }
    },
  };
}

function quoteMysql(name: string): string {
  return `\`${name.replaceAll('`', '``')}\``;
}

export async function createMysqlDatabase(prefix = 'pdmap_t_'): Promise<TestDatabase> {
  const name = uniqueName(prefix);
  const admin = await mysql.createConnection({ uri: MYSQL_ADMIN_URL });
  try {
    await admin.query(`CREATE DATABASE ${quoteMysql(name)} CHARACTER SET utf8mb4`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(MYSQL_ADMIN_URL, name);
  const users: string[] = [];
  let conn: mysql.Connection | undefined;
  const connected = async (): Promise<mysql.Connection> => {
    conn ??= await mysql.createConnection({ uri: url, multipleStatements: true, charset: 'utf8mb4' });
    return conn;
  };
  return {
    url,
    name,
    async exec(sql, params) {
      const [rows] = await (await connected()).query(sql, params ? [...params] : undefined);
      return Array.isArray(rows) ? (rows as unknown[]) : [];
    },
    async createUser(userPrefix = 'pdmap_ro_') {
      const user = uniqueName(userPrefix);
      await (await connected()).query(`CREATE USER ?@'%'`, [user]);
      users.push(user);
      return { name: user, url: withDatabase(MYSQL_ADMIN_URL, name, user) };
    },
    async drop() {
      await conn?.end();
      conn = undefined;
      const dropper = await mysql.createConnection({ uri: MYSQL_ADMIN_URL });
      try {
        await dropper.query(`DROP DATABASE IF EXISTS ${quoteMysql(name)}`);
        for (const user of users) await dropper.query(`DROP USER IF EXISTS ?@'%'`, [user]);
      } finally {
        await dropper.end();
      }
    },
  };
}

export interface TestSqliteFile {
  readonly path: string;
  /** Runs more SQL on the file through a writable connection (fixtures only). */
  exec(sql: string): void;
  /** Runs a function with a writable connection (prepared inserts for bulk fixtures). */
  write(fn: (db: Database.Database) => void): void;
  remove(): void;
}

/** A SQLite file in a fresh temp folder, built from SQL statements (one string or several). */
export function createSqliteFile(sqlStatements: string | readonly string[], fileName = 'test.db'): TestSqliteFile {
  const dir = mkdtempSync(path.join(tmpdir(), 'pdmap-sqlite-'));
  const file = path.join(dir, fileName);
  const write = (fn: (db: Database.Database) => void): void => {
    const db = new Database(file);
    try {
      fn(db);
    } finally {
      db.close();
    }
  };
  const exec = (sql: string): void => write((db) => db.exec(sql));
  write((db) => {
    for (const sql of typeof sqlStatements === 'string' ? [sqlStatements] : sqlStatements) db.exec(sql);
  });
  return { path: file, exec, write, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
