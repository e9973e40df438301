import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mysqlConnector } from '../../src/connectors/mysql.js';
import { postgresConnector } from '../../src/connectors/postgres.js';
import { scan } from '../../src/scan.js';
import type { Inventory } from '../../src/types.js';
import { createMysqlDatabase, createPostgresDatabase, serverAvailable, type TestDatabase } from '../support/databases.js';
import { killMysqlSessions, killingConnector, pdmapBackends, syntheticEmail, terminatePdmapBackends } from './helpers.js';

/**
 * A connection killed by the server in the middle of sampling a table (a DBA's
 * pg_terminate_backend / KILL, a failover, a proxy restart): the engine starts that table again on
 * a fresh connection, twice at most, and otherwise records a `connect` error for it alone.
 *
 * The kill is real and lands at a chosen row: the wrapper kills the session after the first rows
 * of the table and waits until the server has ended it, before the next row is pulled.
 * - PostgreSQL: a full scan reads through a cursor 1000 rows per FETCH; the table has 3000 rows,
 *   so the FETCH after the kill always meets the dead session.
 * - MariaDB: a bounded sample of a large keyed table reads short key runs, one query each; the
 *   query after the kill always meets the dead session.
 */

const pgUp = await serverAvailable('postgres');
const myUp = await serverAvailable('mysql');

const ROWS = 3000;

function container(inv: Inventory, suffix: string) {
  return inv.containers.find((c) => c.id.endsWith(suffix));
}

function expectOthersScanned(inv: Inventory): void {
  for (const name of ['.orders', '.staff']) expect(container(inv, name)?.status, name).toBe('scanned');
  const staffEmail = inv.fields.find((f) => f.location.container.endsWith('.staff') && f.location.field === 'email');
  expect(staffEmail?.category).toBe('email');
}

describe.skipIf(!pgUp)('PostgreSQL: connection killed mid-scan', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createPostgresDatabase('pdmap_kill_');
    await db.exec(`
      CREATE TABLE customers (id int PRIMARY KEY, email text NOT NULL, note text);
      INSERT INTO customers SELECT g, 'customer' || g || '@example.test', 'n' || g FROM generate_series(1, ${ROWS}) g;
      CREATE TABLE orders (id int PRIMARY KEY, amount numeric);
      INSERT INTO orders SELECT g, g * 1.5 FROM generate_series(1, 50) g;
      CREATE TABLE staff (id int PRIMARY KEY, email text);
      INSERT INTO staff SELECT g, 'staff' || g || '@example.test' FROM generate_series(1, 20) g;`);
  });
  afterAll(async () => {
    await db?.drop();
  });

  const scanWith = async (times: number) => {
    const connector = killingConnector(postgresConnector({ url: db.url }), {
      container: 'public.customers',
      afterRows: 10,
      times,
      kill: () => terminatePdmapBackends(db.name),
    });
    const inventory = await scan({ sources: [connector], full: true, concurrency: 1 });
    return { inventory, kills: connector.kills };
  };

  it('killed once: the table is read again on a fresh connection and classified', async () => {
    const { inventory, kills } = await scanWith(1);
    expect(kills).toBe(1);
    expect(inventory.errors).toEqual([]);
    const customers = container(inventory, '.customers');
    expect(customers).toMatchObject({ status: 'scanned', rowsSampled: ROWS });
    const email = inventory.fields.find((f) => f.location.container === 'public.customers' && f.location.field === 'email');
    expect(email?.category).toBe('email');
    expectOthersScanned(inventory);
    expect(inventory.partial).toBe(false);
  });

  it('killed on every attempt: a connect error for that table alone, the rest is scanned', async () => {
    const started = Date.now();
    const { inventory, kills } = await scanWith(Number.POSITIVE_INFINITY);
    // The first attempt and two retries.
    expect(kills).toBe(3);
    expect(inventory.errors).toHaveLength(1);
    expect(inventory.errors[0]).toMatchObject({ container: 'public.customers', code: 'connect' });
    expect(inventory.errors[0]?.message).not.toContain(syntheticEmail(1));
    expect(container(inventory, '.customers')?.status).toBe('error');
    expectOthersScanned(inventory);
    // Backoff is short: 200 ms, then 800 ms.
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(await pdmapBackends(db.name)).toBe(0);
  });
});

describe.skipIf(!myUp)('MariaDB: connection killed mid-scan', () => {
  let db: TestDatabase;
  let fixtureConnection: number;
  beforeAll(async () => {
    db = await createMysqlDatabase('pdmap_kill_');
    await db.exec('CREATE TABLE customers (id INT PRIMARY KEY, email VARCHAR(100) NOT NULL, note VARCHAR(20)) ENGINE=InnoDB');
    const rows = Array.from({ length: ROWS }, (_, k) => [k + 1, syntheticEmail(k + 1), `n${k + 1}`]);
    await db.exec('INSERT INTO customers VALUES ?', [rows]);
    await db.exec('CREATE TABLE orders (id INT PRIMARY KEY, amount DECIMAL(10,2)) ENGINE=InnoDB');
    await db.exec('INSERT INTO orders VALUES ?', [Array.from({ length: 50 }, (_, k) => [k + 1, (k + 1) * 1.5])]);
    await db.exec('CREATE TABLE staff (id INT PRIMARY KEY, email VARCHAR(100)) ENGINE=InnoDB');
    await db.exec('INSERT INTO staff VALUES ?', [Array.from({ length: 20 }, (_, k) => [k + 1, `staff${k + 1}@example.test`])]);
    // Row estimates well above twice the sample: key-range sampling, one short query per run.
    await db.exec('ANALYZE TABLE customers, orders, staff');
    // Wide rows: a full read of this table is still streaming when the session is killed.
    await db.exec('CREATE TABLE wide (id INT PRIMARY KEY, email VARCHAR(100) NOT NULL, pad TEXT) ENGINE=InnoDB');
    await db.exec('INSERT INTO wide VALUES ?', [Array.from({ length: 2000 }, (_, k) => [k + 1, syntheticEmail(k + 1), 'x'.repeat(4000)])]);
    fixtureConnection = Number(((await db.exec('SELECT CONNECTION_ID() AS id')) as { id: number }[])[0]?.id);
  });
  afterAll(async () => {
    await db?.drop();
  });

  const scanWith = async (times: number) => {
    const connector = killingConnector(mysqlConnector({ url: db.url }), {
      container: `${db.name}.customers`,
      afterRows: 5,
      times,
      kill: () => killMysqlSessions(db.name, [fixtureConnection]),
    });
    const inventory = await scan({ sources: [connector], sampleSize: 100, concurrency: 1, exclude: ['*.wide'] });
    return { inventory, kills: connector.kills };
  };

  it('killed while a full read streams: no hang, the table is read again whole', async () => {
    const connector = killingConnector(mysqlConnector({ url: db.url }), {
      container: `${db.name}.wide`,
      afterRows: 5,
      times: 1,
      kill: () => killMysqlSessions(db.name, [fixtureConnection]),
    });
    const inventory = await scan({ sources: [connector], full: true, concurrency: 1, include: ['*.wide'] });
    expect(connector.kills).toBe(1);
    expect(inventory.errors).toEqual([]);
    expect(container(inventory, '.wide')).toMatchObject({ status: 'scanned', rowsSampled: 2000 });
    // Whether the kill cut the stream or came after its last row, every row was read to the end.
    expect(connector.stats.rows).toBeGreaterThanOrEqual(2000);
  });

  it('killed once: the table is read again on a fresh connection and classified', async () => {
    const { inventory, kills } = await scanWith(1);
    expect(kills).toBe(1);
    expect(inventory.errors).toEqual([]);
    expect(container(inventory, '.customers')).toMatchObject({ status: 'scanned', rowsSampled: 100 });
    const email = inventory.fields.find((f) => f.location.container.endsWith('.customers') && f.location.field === 'email');
    expect(email?.category).toBe('email');
    expectOthersScanned(inventory);
  });

  it('killed on every attempt: a connect error for that table alone, the rest is scanned', async () => {
    const { inventory, kills } = await scanWith(Number.POSITIVE_INFINITY);
    expect(kills).toBe(3);
    expect(inventory.errors).toHaveLength(1);
    expect(inventory.errors[0]).toMatchObject({ container: `${db.name}.customers`, code: 'connect' });
    expect(container(inventory, '.customers')?.status).toBe('error');
    expectOthersScanned(inventory);
  });
});
