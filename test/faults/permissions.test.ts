import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Inventory } from '../../src/types.js';
import { createMysqlDatabase, createPostgresDatabase, serverAvailable, type TestDatabase } from '../support/databases.js';
import { cliScan, syntheticEmail } from './helpers.js';

/**
 * A scanning role that may read only some tables: pdmap scans what it may, reports each table it
 * may not read as a `permission` error (with the fix in the hint), and exits 2.
 */

const pgUp = await serverAvailable('postgres');
const myUp = await serverAvailable('mysql');

const q = (name: string): string => `"${name.replaceAll('"', '""')}"`;

function byId(inv: Inventory | undefined, suffix: string) {
  return inv?.containers.find((c) => c.id.endsWith(suffix));
}

describe.skipIf(!pgUp)('PostgreSQL role with SELECT on some tables only', () => {
  let db: TestDatabase;
  let roleUrl: string;
  beforeAll(async () => {
    db = await createPostgresDatabase('pdmap_perm_');
    await db.exec(`
      CREATE TABLE customers (id int PRIMARY KEY, email text);
      INSERT INTO customers SELECT g, 'customer' || g || '@example.test' FROM generate_series(1, 30) g;
      CREATE TABLE secrets (id int PRIMARY KEY, email text);
      INSERT INTO secrets SELECT g, 'secret' || g || '@example.test' FROM generate_series(1, 30) g;
      CREATE TABLE partial_cols (id int PRIMARY KEY, email text);
      INSERT INTO partial_cols SELECT g, 'partial' || g || '@example.test' FROM generate_series(1, 30) g;
      CREATE SCHEMA hr;
      CREATE TABLE hr.staff (id int PRIMARY KEY, email text);
      INSERT INTO hr.staff SELECT g, 'staff' || g || '@example.test' FROM generate_series(1, 30) g;`);
    const role = await db.createUser('pdmap_some_');
    await db.exec(`GRANT SELECT ON customers TO ${q(role.name)}`);
    // Only one column of this table; and SELECT on hr.staff but no USAGE on the schema.
    await db.exec(`GRANT SELECT (id) ON partial_cols TO ${q(role.name)}`);
    await db.exec(`GRANT SELECT ON hr.staff TO ${q(role.name)}`);
    roleUrl = role.url;
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('scans the readable table, reports each unreadable one as permission, exits 2', async () => {
    const r = await cliScan([roleUrl]);
    expect(r.code, r.stderr).toBe(2);
    const inv = r.inventory;
    expect(byId(inv, 'public.customers')?.status).toBe('scanned');
    const email = inv?.fields.find((f) => f.location.container === 'public.customers' && f.location.field === 'email');
    expect(email?.category).toBe('email');
    const errors = new Map(inv?.errors.map((e) => [e.container, e]));
    for (const id of ['public.secrets', 'public.partial_cols', 'hr.staff']) {
      expect(errors.get(id)?.code, id).toBe('permission');
      expect(errors.get(id)?.message, id).toMatch(/grant the scanning role SELECT/);
      expect(byId(inv, id)?.status, id).toBe('error');
    }
    expect(inv?.errors).toHaveLength(3);
    // Only what the role was allowed to read went anywhere, and not as raw values.
    const everything = [r.stdout, r.stderr, r.inventoryText ?? ''].join('\n');
    for (const value of ['secret1@example.test', 'partial1@example.test', 'staff1@example.test', syntheticEmail(1)]) {
      expect(everything).not.toContain(value);
    }
  });
});

describe.skipIf(!myUp)('MariaDB user with SELECT on some tables only', () => {
  let db: TestDatabase;
  let userUrl: string;
  beforeAll(async () => {
    db = await createMysqlDatabase('pdmap_perm_');
    for (const t of ['customers', 'secrets', 'hidden', 'partial_cols']) {
      await db.exec(`CREATE TABLE ${t} (id INT PRIMARY KEY, email VARCHAR(100))`);
      await db.exec(`INSERT INTO ${t} SELECT seq, CONCAT('${t}', seq, '@example.test') FROM seq_1_to_30`);
    }
    const user = await db.createUser('pdmap_some_');
    await db.exec(`GRANT SELECT ON \`${db.name}\`.customers TO ?@'%'`, [user.name]);
    // INSERT only: listed in the catalogue, not readable.
    await db.exec(`GRANT INSERT ON \`${db.name}\`.secrets TO ?@'%'`, [user.name]);
    await db.exec(`GRANT SELECT (id) ON \`${db.name}\`.partial_cols TO ?@'%'`, [user.name]);
    userUrl = user.url;
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('scans the readable table, reports the visible unreadable one as permission, exits 2', async () => {
    const r = await cliScan([userUrl]);
    expect(r.code, r.stderr).toBe(2);
    const inv = r.inventory;
    expect(byId(inv, '.customers')?.status).toBe('scanned');
    const email = inv?.fields.find((f) => f.location.container.endsWith('.customers') && f.location.field === 'email');
    expect(email?.category).toBe('email');
    expect(inv?.errors).toHaveLength(1);
    expect(inv?.errors[0]).toMatchObject({ container: `${db.name}.secrets`, code: 'permission' });
    expect(inv?.errors[0]?.message).toMatch(/grant the scanning role SELECT/);
    // MariaDB hides tables and columns the user has no privilege on at all from its catalogue:
    // pdmap cannot list them, so it cannot report them either.
    expect(byId(inv, '.hidden')).toBeUndefined();
    expect(byId(inv, '.partial_cols')?.status).toBe('scanned');
    expect(inv?.fields.filter((f) => f.location.container.endsWith('.partial_cols')).map((f) => f.location.field)).toEqual(['id']);
    const everything = [r.stdout, r.stderr, r.inventoryText ?? ''].join('\n');
    for (const value of ['secrets1@example.test', 'hidden1@example.test', 'partial_cols1@example.test', 'customers1@example.test']) {
      expect(everything).not.toContain(value);
    }
  });
});
