import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mysqlConnector } from '../../src/connectors/mysql.js';
import { postgresConnector } from '../../src/connectors/postgres.js';
import { scan } from '../../src/scan.js';
import type { Inventory } from '../../src/types.js';
import { createMysqlDatabase, createPostgresDatabase, serverAvailable, type TestDatabase } from '../support/databases.js';

/**
 * Hostile schema, table and column names (SQL injection attempts, quotes and backticks, newlines,
 * driver placeholders, names at the length limit in multi-byte letters) scanned end to end
 * through `scan()`: every container is read, e-mail columns are classified as e-mail whatever
 * their name, and nothing in a name is executed: the victim table and every row count survive.
 */

const pgUp = await serverAvailable('postgres');
const myUp = await serverAvailable('mysql');

const ROWS = 30;
const utf8Bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

interface HostileTable {
  readonly schema?: string;
  readonly table: string;
  /** The column that holds e-mail addresses. */
  readonly email: string;
}

function emailVerdict(inv: Inventory, t: HostileTable) {
  return inv.fields.find((f) => f.location.container.endsWith(t.table) && f.location.field === t.email && (t.schema === undefined || f.location.schema === t.schema));
}

// PostgreSQL: identifiers up to 63 bytes (NAMEDATALEN − 1); 21 three-byte letters are 63 bytes.
const PG_LONG = '名'.repeat(21);
const PG_TABLES: readonly HostileTable[] = [
  { table: 'a"; DROP TABLE t; --', email: `e"mail'; DROP TABLE t; --` },
  { table: 'we`ird\nname', email: 'line\nbreak' },
  { table: PG_LONG, email: `${'ø'.repeat(31)}x` },
  { schema: 's"; DROP SCHEMA public CASCADE; --', table: 'x$1?%s', email: '?' },
  { table: 'Ünïcödé NFD e\u0301', email: '__proto__' },
];

const qpg = (name: string): string => `"${name.replaceAll('"', '""')}"`;

describe.skipIf(!pgUp)('hostile identifiers in PostgreSQL', () => {
  let db: TestDatabase;
  const counts = async (): Promise<number[]> => {
    const out: number[] = [];
    for (const t of [...PG_TABLES, { table: 't', email: 'note' }]) {
      const name = t.schema === undefined ? qpg(t.table) : `${qpg(t.schema)}.${qpg(t.table)}`;
      const rows = (await db.exec(`SELECT count(*)::int AS n FROM ${name}`)) as { n: number }[];
      out.push(rows[0]?.n ?? -1);
    }
    return out;
  };

  beforeAll(async () => {
    expect(utf8Bytes(PG_LONG)).toBe(63);
    expect(utf8Bytes(PG_TABLES[2]?.email ?? '')).toBe(63);
    db = await createPostgresDatabase('pdmap_hostile_');
    await db.exec(`CREATE TABLE t (id int PRIMARY KEY, note text); INSERT INTO t VALUES (1, 'one'), (2, 'two'), (3, 'three')`);
    for (const [i, t] of PG_TABLES.entries()) {
      if (t.schema !== undefined) await db.exec(`CREATE SCHEMA ${qpg(t.schema)}`);
      const name = t.schema === undefined ? qpg(t.table) : `${qpg(t.schema)}.${qpg(t.table)}`;
      await db.exec(`CREATE TABLE ${name} (id int PRIMARY KEY, ${qpg(t.email)} text)`);
      await db.exec(`INSERT INTO ${name} SELECT g, 'user' || g || '.t${i}@example.test' FROM generate_series(1, ${ROWS}) g`);
    }
    // The server kept every name whole (no truncation at 63 bytes).
    const names = (await db.exec(`SELECT relname FROM pg_class WHERE relkind = 'r' AND relname = $1`, [PG_LONG])) as unknown[];
    expect(names).toHaveLength(1);
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('scans every container, classifies the e-mail columns, executes nothing', async () => {
    const before = await counts();
    const inventory = await scan({ sources: [postgresConnector({ url: db.url })], sampleSize: 100 });
    expect(inventory.errors).toEqual([]);
    for (const t of PG_TABLES) {
      const v = emailVerdict(inventory, t);
      expect(v?.category, JSON.stringify(t)).toBe('email');
      expect(v?.rowsSampled).toBe(ROWS);
      if (t.schema !== undefined) expect(v?.location.schema).toBe(t.schema);
    }
    expect(inventory.containers).toHaveLength(PG_TABLES.length + 1);
    expect(await counts()).toEqual(before);
    expect(before).toEqual([...PG_TABLES.map(() => ROWS), 3]);
  });

  it('full scans and field exclusion quote the same names', async () => {
    const t = PG_TABLES[0] as HostileTable;
    // Excluding the id field makes the connector read a named list of columns.
    const inventory = await scan({ sources: [postgresConnector({ url: db.url })], full: true, excludeFields: ['**.id'] });
    expect(inventory.errors).toEqual([]);
    expect(emailVerdict(inventory, t)?.category).toBe('email');
    expect(inventory.fields.some((f) => f.location.field === 'id')).toBe(false);
    expect((await counts()).at(-1)).toBe(3);
  });
});

// MariaDB: identifiers up to 64 characters. Table names are also file names (non-ASCII letters
// take five bytes there), so the long table name is ASCII and the long column name is not.
const MY_TABLES: readonly HostileTable[] = [
  { table: 'a"; DROP TABLE t; --', email: "e`mail'; DROP TABLE t; --" },
  { table: 'we`ird\nname', email: 'line\nbreak' },
  { table: 'l'.repeat(64), email: 'ø'.repeat(64) },
  { table: 'x?y ??', email: '??' },
  { table: 'Ünïcödé', email: '__proto__' },
];

const qmy = (name: string): string => `\`${name.replaceAll('`', '``')}\``;

describe.skipIf(!myUp)('hostile identifiers in MariaDB', () => {
  let db: TestDatabase;
  const counts = async (): Promise<number[]> => {
    const out: number[] = [];
    for (const t of [...MY_TABLES, { table: 't', email: 'note' }]) {
      const rows = (await db.exec(`SELECT COUNT(*) AS n FROM ${qmy(t.table)}`)) as { n: number }[];
      out.push(Number(rows[0]?.n ?? -1));
    }
    return out;
  };

  beforeAll(async () => {
    db = await createMysqlDatabase('pdmap_hostile_');
    await db.exec(`CREATE TABLE t (id INT PRIMARY KEY, note TEXT)`);
    await db.exec(`INSERT INTO t VALUES (1, 'one'), (2, 'two'), (3, 'three')`);
    for (const [i, t] of MY_TABLES.entries()) {
      await db.exec(`CREATE TABLE ${qmy(t.table)} (id INT PRIMARY KEY, ${qmy(t.email)} VARCHAR(100))`);
      await db.exec(`INSERT INTO ${qmy(t.table)} SELECT seq, CONCAT('user', seq, '.t${i}@example.test') FROM seq_1_to_${ROWS}`);
    }
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('scans every container, classifies the e-mail columns, executes nothing', async () => {
    const before = await counts();
    const inventory = await scan({ sources: [mysqlConnector({ url: db.url })], sampleSize: 100 });
    expect(inventory.errors).toEqual([]);
    for (const t of MY_TABLES) {
      const v = emailVerdict(inventory, t);
      expect(v?.category, JSON.stringify(t)).toBe('email');
      expect(v?.rowsSampled).toBe(ROWS);
    }
    expect(inventory.containers).toHaveLength(MY_TABLES.length + 1);
    expect(await counts()).toEqual(before);
    expect(before).toEqual([...MY_TABLES.map(() => ROWS), 3]);
  });

  it('key-range sampling and field exclusion quote the same names', async () => {
    // A sample smaller than half the table walks the integer key in runs.
    await db.exec(`ANALYZE TABLE ${MY_TABLES.map((t) => qmy(t.table)).join(', ')}`);
    const inventory = await scan({ sources: [mysqlConnector({ url: db.url })], sampleSize: 5, excludeFields: ['**.__proto__'] });
    expect(inventory.errors).toEqual([]);
    for (const t of MY_TABLES.filter((x) => x.email !== '__proto__')) expect(emailVerdict(inventory, t)?.category, t.table).toBe('email');
    expect(inventory.fields.some((f) => f.location.field === '__proto__')).toBe(false);
    expect((await counts()).at(-1)).toBe(3);
  });

  it('retention counts (countOlder) quote the same names and bind nothing into them', async () => {
    const connector = mysqlConnector({ url: db.url });
    try {
      await db.exec(`ALTER TABLE ${qmy('x?y ??')} ADD COLUMN ${qmy('?at')} DATE`);
      await db.exec(`UPDATE ${qmy('x?y ??')} SET ${qmy('?at')} = IF(id <= 10, '2001-01-01', '2030-01-01')`);
      const containers = [];
      for await (const c of connector.discover()) containers.push(c);
      const target = containers.find((c) => c.name === 'x?y ??');
      expect(target).toBeDefined();
      expect(await connector.countOlder?.(target!, '?at', new Date('2020-01-01T00:00:00Z'))).toBe(10);
    } finally {
      await connector.close();
    }
    expect((await counts()).at(-1)).toBe(3);
  });
});
