import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scan } from '../../src/scan.js';
import type { Inventory } from '../../src/types.js';
import { createMysqlDatabase, createPostgresDatabase, serverAvailable, type TestDatabase } from '../support/databases.js';
import { cliScan } from './helpers.js';

/**
 * A container whose read runs past the source's statement timeout (a slow view) is reported as
 * timed out; the other containers, read before and after it on the same connections, get their
 * verdicts. The timeout is the server's own (statement_timeout, max_statement_time).
 */

const pgUp = await serverAvailable('postgres');
const myUp = await serverAvailable('mysql');

const TIMEOUT_MS = 300;

const engines = [
  {
    name: 'PostgreSQL',
    up: pgUp,
    kind: 'postgres' as const,
    create: () => createPostgresDatabase('pdmap_timeout_'),
    fixture: [
      `CREATE TABLE customers (id int PRIMARY KEY, email text)`,
      `INSERT INTO customers SELECT g, 'customer' || g || '@example.test' FROM generate_series(1, 40) g`,
      `CREATE TABLE staff (id int PRIMARY KEY, email text)`,
      `INSERT INTO staff SELECT g, 'staff' || g || '@example.test' FROM generate_series(1, 20) g`,
      `CREATE VIEW customer_emails AS SELECT email FROM customers`,
      `CREATE VIEW slow_view AS SELECT email FROM customers, pg_sleep(30)`,
    ],
  },
  {
    name: 'MariaDB',
    up: myUp,
    kind: 'mysql' as const,
    create: () => createMysqlDatabase('pdmap_timeout_'),
    fixture: [
      `CREATE TABLE customers (id INT PRIMARY KEY, email VARCHAR(100))`,
      `INSERT INTO customers SELECT seq, CONCAT('customer', seq, '@example.test') FROM seq_1_to_40`,
      `CREATE TABLE staff (id INT PRIMARY KEY, email VARCHAR(100))`,
      `INSERT INTO staff SELECT seq, CONCAT('staff', seq, '@example.test') FROM seq_1_to_20`,
      `CREATE VIEW customer_emails AS SELECT email FROM customers`,
      `CREATE VIEW slow_view AS SELECT email, SLEEP(30) AS s FROM customers`,
    ],
  },
];

describe.each(engines)('statement timeout in $name', (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    if (!engine.up) return;
    db = await engine.create();
    for (const sql of engine.fixture) await db.exec(sql);
  });
  afterAll(async () => {
    await db?.drop();
  });

  const byName = (inv: Inventory, name: string) => inv.containers.find((c) => c.name === name);

  it.skipIf(!engine.up)('the slow view is reported as timed out, the rest has verdicts', async () => {
    const started = Date.now();
    const inventory = await scan({ sources: [{ kind: engine.kind, url: db.url, statementTimeoutMs: TIMEOUT_MS }], views: true, concurrency: 2 });
    // The view would sleep 30 s per row: the server stopped it.
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(inventory.errors).toHaveLength(1);
    expect(inventory.errors[0]).toMatchObject({ code: 'timeout' });
    expect(inventory.errors[0]?.container).toMatch(/\.slow_view$/);
    expect(inventory.errors[0]?.message).toContain('statementTimeoutMs');
    expect(byName(inventory, 'slow_view')?.status).toBe('error');
    for (const name of ['customers', 'staff', 'customer_emails']) {
      expect(byName(inventory, name)?.status, name).toBe('scanned');
      const email = inventory.fields.find((f) => f.location.container.endsWith(`.${name}`) && f.location.field === 'email');
      expect(email?.category, name).toBe('email');
    }
    expect(inventory.partial).toBe(false);
  });

  it.skipIf(!engine.up)('through the CLI with the timeout in the config file: exit 2, a [timeout] line for the view', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pdmap-timeout-config-'));
    const config = join(dir, 'pdmap.config.json');
    writeFileSync(config, JSON.stringify({ sources: [{ url: db.url, statementTimeoutMs: TIMEOUT_MS }], views: true }));
    const r = await cliScan(['--config', config]);
    expect(r.code, r.stderr).toBe(2);
    const lines = r.stderr.split('\n').filter((l) => /^error .* \[[a-z-]+\]: /.test(l));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/slow_view \[timeout\]/);
    expect(r.inventory?.containers.filter((c) => c.status === 'scanned')).toHaveLength(3);
  });
});
