import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import type { FieldVerdict, Inventory } from '../../src/types.js';
import { createMysqlDatabase, createPostgresDatabase, type TestDatabase } from '../support/databases.js';

/**
 * The foundation's must-show: `pdmap scan` over Chinook loaded into PostgreSQL and MariaDB finds
 * the customers' and employees' e-mails and phones, tells fax from phone by name, never puts a
 * sampled value in its output, and goes on past a table it may not read.
 */
const DATASETS = new URL('../../../shared/datasets/dev/chinook/', import.meta.url).pathname;

function loadScript(file: string, stripDbLines = true): string {
  const sql = execFileSync('zcat', [join(DATASETS, file)], { maxBuffer: 64 * 1024 * 1024 }).toString('utf8');
  return stripDbLines ? sql.split('\n').filter((l) => !/^(?:DROP DATABASE|CREATE DATABASE|\\c |USE )/.test(l)).join('\n') : sql;
}

async function scanToDir(args: string[]): Promise<{ code: number; out: string; stdout: string; stderr: string; inventory: Inventory }> {
  const out = mkdtempSync(join(tmpdir(), 'pdmap-e2e-'));
  let stdout = '';
  let stderr = '';
  const code = await run(['scan', ...args, '--out', out, '--no-cache'], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), isTTY: false });
  const inventory = JSON.parse(readFileSync(join(out, 'inventory.json'), 'utf8')) as Inventory;
  return { code, out, stdout, stderr, inventory };
}

function find(inv: Inventory, table: string, column: string): FieldVerdict | undefined {
  return inv.fields.find((f) => f.location.container.toLowerCase().endsWith(`.${table}`) && f.location.field.toLowerCase() === column);
}

const engines = [
  {
    name: 'PostgreSQL',
    create: () => createPostgresDatabase('pdmap_chinook_'),
    load: (db: TestDatabase) => execFileSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', db.url], { input: loadScript('Chinook_PostgreSql.sql.gz'), env: { ...process.env, PGOPTIONS: '-c client_min_messages=warning' } }),
    names: { customer: 'customer', employee: 'employee', email: 'email', phone: 'phone', fax: 'fax' },
    customerTable: 'customer',
    lockedTable: 'invoice_line',
  },
  {
    name: 'MariaDB',
    create: () => createMysqlDatabase('pdmap_chinook_'),
    load: (db: TestDatabase) => {
      const u = new URL(db.url);
      execFileSync('mariadb', ['--protocol=TCP', '-h', u.hostname, '-P', u.port || '3306', '-u', decodeURIComponent(u.username), '--default-character-set=utf8mb4', db.name], { input: loadScript('Chinook_MySql.sql.gz') });
    },
    names: { customer: 'customer', employee: 'employee', email: 'email', phone: 'phone', fax: 'fax' },
    customerTable: 'Customer',
    lockedTable: 'InvoiceLine',
  },
] as const;

describe.each(engines)('Chinook in $name', (engine) => {
  let db: TestDatabase;
  let result: Awaited<ReturnType<typeof scanToDir>>;

  beforeAll(async () => {
    db = await engine.create();
    engine.load(db);
    result = await scanToDir([db.url]);
  }, 120_000);
  afterAll(async () => {
    await db?.drop();
  });

  it('finds customer and employee e-mails and phones with high confidence', () => {
    for (const table of [engine.names.customer, engine.names.employee]) {
      expect(find(result.inventory, table, engine.names.email)).toMatchObject({ category: 'email', personal: true });
      expect(find(result.inventory, table, engine.names.email)!.confidence).toBeGreaterThanOrEqual(0.9);
      expect(find(result.inventory, table, engine.names.phone)).toMatchObject({ category: 'phone', personal: true });
      expect(find(result.inventory, table, engine.names.phone)!.confidence).toBeGreaterThanOrEqual(0.9);
    }
    expect(result.code).toBe(0);
  });

  it('tells fax columns from phone columns by name', () => {
    for (const table of [engine.names.customer, engine.names.employee]) {
      const fax = find(result.inventory, table, engine.names.fax);
      expect(fax?.category).toBe('fax');
      expect(fax?.categories.map((c) => c.category)).not.toContain('phone');
    }
  });

  it('puts none of the sampled values in its output', async () => {
    const raw = (await db.exec(`SELECT ${engine.name === 'PostgreSQL' ? 'email, phone, first_name, last_name, address' : 'Email, Phone, FirstName, LastName, Address'} FROM ${engine.customerTable}`)) as Record<string, string | null>[];
    const values = raw.flatMap((r) => Object.values(r)).filter((v): v is string => typeof v === 'string' && v.length >= 5);
    expect(values.length).toBeGreaterThan(200);
    const everything = [result.stdout, result.stderr, readFileSync(join(result.out, 'inventory.json'), 'utf8')].join('\n');
    const leaked = values.filter((v) => everything.includes(v));
    expect(leaked).toEqual([]);
  });

  it('goes on past a table it may not read, and says so', async () => {
    const user = await db.createUser('pdmap_ro_');
    if (engine.name === 'PostgreSQL') {
      await db.exec(`GRANT USAGE ON SCHEMA public TO ${user.name}`);
      await db.exec(`GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${user.name}`);
      await db.exec(`REVOKE SELECT ON ${engine.lockedTable} FROM ${user.name}`);
    } else {
      // MariaDB lists only the tables a user may see: give a column-less INSERT right so the table is visible but unreadable.
      const tables = (await db.exec(`SELECT TABLE_NAME AS t FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE'`)) as { t: string }[];
      for (const { t } of tables) {
        await db.exec(`GRANT ${t === engine.lockedTable ? 'INSERT' : 'SELECT'} ON \`${db.name}\`.\`${t}\` TO '${user.name}'@'%'`);
      }
    }
    const restricted = await scanToDir([user.url]);
    expect(restricted.code).toBe(2);
    const error = restricted.inventory.errors.find((e) => e.container?.endsWith(engine.lockedTable));
    expect(error?.code).toBe('permission');
    expect(find(restricted.inventory, engine.names.customer, engine.names.email)?.category).toBe('email');
    expect(restricted.inventory.containers.filter((c) => c.status === 'scanned').length).toBe(10);
  });
});
