import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMysqlDatabase, createPostgresDatabase, serverAvailable, type TestDatabase } from '../support/databases.js';
import { cliScan, pdmapBackends } from './helpers.js';

/**
 * Proof that pdmap never writes: a full `pdmap scan --full` (sampling, classification, retention
 * counts, reports) as a SELECT-only role, and again as the superuser whom only pdmap's own
 * read-only sessions hold back, leaves every table's checksum, the catalogue and (PostgreSQL)
 * the insert/update/delete counters exactly as they were.
 */

const pgUp = await serverAvailable('postgres');
const myUp = await serverAvailable('mysql');

const q = (name: string): string => `"${name.replaceAll('"', '""')}"`;

describe.skipIf(!pgUp)('PostgreSQL is left untouched', () => {
  let db: TestDatabase;
  let readerUrl: string;
  const TABLES = ['customers', 'orders', 'events', 'Odd "Name"'];

  beforeAll(async () => {
    db = await createPostgresDatabase('pdmap_nowrite_');
    await db.exec(`
      CREATE TABLE customers (id serial PRIMARY KEY, email text, phone text, born date, notes text, photo bytea);
      INSERT INTO customers (email, phone, born, notes, photo)
        SELECT 'customer' || g || '@example.test', '+45 20 ' || lpad(g::text, 6, '0'), DATE '1960-01-01' + g * 7,
               CASE WHEN g % 3 = 0 THEN NULL ELSE 'note ' || g END, decode('89504e47', 'hex')
        FROM generate_series(1, 3000) g;
      CREATE TABLE orders (id bigint PRIMARY KEY, customer_id int REFERENCES customers, total numeric(10,2), placed timestamptz, meta jsonb);
      INSERT INTO orders SELECT g, 1 + g % 3000, g * 1.25, TIMESTAMPTZ '2015-01-01' + g * interval '1 hour', jsonb_build_object('ip', '10.0.' || (g % 250) || '.1')
        FROM generate_series(1, 5000) g;
      CREATE TABLE events (at date NOT NULL, kind text) PARTITION BY RANGE (at);
      CREATE TABLE events_old PARTITION OF events FOR VALUES FROM ('2000-01-01') TO ('2020-01-01');
      CREATE TABLE events_new PARTITION OF events FOR VALUES FROM ('2020-01-01') TO ('2100-01-01');
      INSERT INTO events SELECT DATE '2010-01-01' + g, 'k' || (g % 7) FROM generate_series(1, 6000) g;
      CREATE TABLE ${q('Odd "Name"')} (${q('e-mail; --')} text);
      INSERT INTO ${q('Odd "Name"')} SELECT 'odd' || g || '@example.test' FROM generate_series(1, 50) g;
      CREATE VIEW customer_view AS SELECT id, email FROM customers;
      ANALYZE;`);
    const reader = await db.createUser('pdmap_reader_');
    await db.exec(`GRANT USAGE ON SCHEMA public TO ${q(reader.name)}; GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${q(reader.name)}`);
    readerUrl = reader.url;
    // Statistics reach pg_stat_user_tables asynchronously: wait until the fixture's inserts show.
    await until(async () => (await counters()).some((c) => c.startsWith('customers:') && c.includes(':3000:')));
  });
  afterAll(async () => {
    await db?.drop();
  });

  async function until(done: () => Promise<boolean>, withinMs = 10_000): Promise<void> {
    const deadline = Date.now() + withinMs;
    while (!(await done())) {
      if (Date.now() > deadline) throw new Error('statistics did not settle');
      await sleep(100);
    }
  }

  async function checksums(): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    for (const t of TABLES) {
      const rows = (await db.exec(`SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) AS sum FROM ${q(t)} t`)) as { n: number; sum: string }[];
      out[t] = `${rows[0]?.n}:${rows[0]?.sum}`;
    }
    const seq = (await db.exec(`SELECT last_value::text AS v FROM customers_id_seq`)) as { v: string }[];
    out['customers_id_seq'] = seq[0]?.v ?? '';
    return out;
  }

  /** Every relation, its kind and its on-disk file: a table rewritten or created would show. */
  async function catalogue(): Promise<string[]> {
    const rows = (await db.exec(
      `SELECT n.nspname || '.' || c.relname || ':' || c.relkind::text || ':' || c.relfilenode::text AS r FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%' ORDER BY 1`,
    )) as { r: string }[];
    return rows.map((r) => r.r);
  }

  async function counters(): Promise<string[]> {
    const rows = (await db.exec(
      `SELECT relname || ':' || n_tup_ins || ':' || n_tup_upd || ':' || n_tup_del || ':' || n_tup_hot_upd AS c FROM pg_stat_user_tables ORDER BY relname`,
    )) as { c: string }[];
    return rows.map((r) => r.c);
  }

  async function reads(): Promise<number> {
    const rows = (await db.exec(`SELECT sum(coalesce(seq_scan, 0) + coalesce(idx_scan, 0))::int AS n FROM pg_stat_user_tables`)) as { n: number }[];
    return rows[0]?.n ?? 0;
  }

  for (const who of ['a SELECT-only role', 'the superuser'] as const) {
    it(`a full scan as ${who} changes nothing`, async () => {
      const url = who === 'the superuser' ? db.url : readerUrl;
      const [sums, cat, ctr, readsBefore] = [await checksums(), await catalogue(), await counters(), await reads()];
      const r = await cliScan([url, '--full', '--views', '--format', 'json,csv,md']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.inventory?.settings.sampleSize).toBe('full');
      expect(r.inventory?.containers.find((c) => c.name === 'customers')?.rowsSampled).toBe(3000);
      // pdmap's sessions have ended and their statistics arrived (their reads show) …
      await until(async () => (await pdmapBackends(db.name)) === 0 && (await reads()) > readsBefore);
      // … and not one row was inserted, updated or deleted, nor any relation created or rewritten.
      expect(await counters()).toEqual(ctr);
      expect(await checksums()).toEqual(sums);
      expect(await catalogue()).toEqual(cat);
    });
  }
});

describe.skipIf(!myUp)('MariaDB is left untouched', () => {
  let db: TestDatabase;
  let readerUrl: string;
  const TABLES = ['customers', 'orders', 'Odd `Name`'];
  const qm = (name: string): string => `\`${name.replaceAll('`', '``')}\``;

  beforeAll(async () => {
    db = await createMysqlDatabase('pdmap_nowrite_');
    await db.exec(`CREATE TABLE customers (id INT AUTO_INCREMENT PRIMARY KEY, email VARCHAR(100), phone VARCHAR(30), born DATE, notes TEXT, photo BLOB) ENGINE=InnoDB`);
    await db.exec(`INSERT INTO customers (email, phone, born, notes, photo)
      SELECT CONCAT('customer', seq, '@example.test'), CONCAT('+45 20 ', LPAD(seq, 6, '0')), DATE('1960-01-01') + INTERVAL seq * 7 DAY,
             IF(seq % 3 = 0, NULL, CONCAT('note ', seq)), UNHEX('89504E47') FROM seq_1_to_3000`);
    await db.exec(`CREATE TABLE orders (id BIGINT PRIMARY KEY, customer_id INT, total DECIMAL(10,2), placed DATETIME, meta JSON) ENGINE=InnoDB`);
    await db.exec(`INSERT INTO orders SELECT seq, 1 + seq % 3000, seq * 1.25, TIMESTAMP('2015-01-01') + INTERVAL seq HOUR, JSON_OBJECT('ip', CONCAT('10.0.', seq % 250, '.1')) FROM seq_1_to_5000`);
    await db.exec(`CREATE TABLE ${qm('Odd `Name`')} (${qm('e-mail; --')} VARCHAR(100)) ENGINE=MyISAM`);
    await db.exec(`INSERT INTO ${qm('Odd `Name`')} SELECT CONCAT('odd', seq, '@example.test') FROM seq_1_to_50`);
    await db.exec(`CREATE VIEW customer_view AS SELECT id, email FROM customers`);
    await db.exec(`ANALYZE TABLE customers, orders`);
    const reader = await db.createUser('pdmap_reader_');
    await db.exec(`GRANT SELECT, SHOW VIEW ON \`${db.name}\`.* TO ?@'%'`, [reader.name]);
    readerUrl = reader.url;
  });
  afterAll(async () => {
    await db?.drop();
  });

  async function checksums(): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    for (const t of TABLES) {
      const rows = (await db.exec(`CHECKSUM TABLE ${qm(t)} EXTENDED`)) as { Checksum: string | number | null }[];
      const count = (await db.exec(`SELECT COUNT(*) AS n FROM ${qm(t)}`)) as { n: number }[];
      out[t] = `${count[0]?.n}:${String(rows[0]?.Checksum)}`;
    }
    const auto = (await db.exec(`SELECT AUTO_INCREMENT AS a FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'customers'`)) as { a: number }[];
    out['customers.auto_increment'] = String(auto[0]?.a);
    return out;
  }

  async function catalogue(): Promise<string[]> {
    const rows = (await db.exec(
      `SELECT CONCAT(TABLE_NAME, ':', TABLE_TYPE, ':', COALESCE(CREATE_TIME, ''), ':', COALESCE(ENGINE, '')) AS r FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() ORDER BY 1`,
    )) as { r: string }[];
    return rows.map((r) => r.r);
  }

  for (const who of ['a SELECT-only user', 'root'] as const) {
    it(`a full scan as ${who} changes nothing`, async () => {
      const url = who === 'root' ? db.url : readerUrl;
      const [sums, cat] = [await checksums(), await catalogue()];
      const r = await cliScan([url, '--full', '--views', '--format', 'json,csv,md']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.inventory?.containers.find((c) => c.name === 'customers')?.rowsSampled).toBe(3000);
      expect(await checksums()).toEqual(sums);
      expect(await catalogue()).toEqual(cat);
    });
  }
});
