import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MYSQL_ADMIN_URL, PG_ADMIN_URL, createMysqlDatabase, createPostgresDatabase, serverAvailable, uniqueName, type TestDatabase } from '../support/databases.js';
import { cliScan, type CliResult } from './helpers.js';

/**
 * A source pdmap cannot open (server down, unknown role, wrong password, unknown database):
 * `pdmap scan` exits 2, prints one clear line naming the source, writes the (empty) inventory,
 * and the password is nowhere: not on stdout, stderr, nor in any written report.
 */

const pgUp = await serverAvailable('postgres');
const myUp = await serverAvailable('mysql');

const SECRET = 'Pdmap-S3cret%40pw';
/** The same password as the driver sees it, URL-decoded. */
const SECRET_DECODED = decodeURIComponent(SECRET);

function urlWith(admin: string, o: { user: string; password: string; database: string; port?: string }): string {
  const u = new URL(admin);
  return `${u.protocol}//${o.user}:${o.password}@${u.hostname}:${o.port ?? u.port}/${o.database}`;
}

function expectCleanFailure(r: CliResult, o: { sourceName: string; codes: readonly string[]; secrets: readonly string[] }): void {
  expect(r.code, r.stderr).toBe(2);
  // Progress is one line per event on a non-terminal: exactly one error line, naming the source.
  const errorLines = r.stderr.split('\n').filter((l) => l.startsWith('error '));
  expect(errorLines, r.stderr).toHaveLength(1);
  const line = errorLines[0] ?? '';
  expect(line).toContain(o.sourceName);
  expect(o.codes.some((c) => line.includes(`[${c}]`)), line).toBe(true);
  expect(line).toMatch(/check|start/i);
  // The target is named once, not repeated by each layer of the error.
  expect(line.split('://').length - 1, line).toBe(1);
  expect(r.inventory?.errors).toHaveLength(1);
  expect(r.inventory?.sources[0]?.status).toBe('error');
  const written = readdirSync(r.out).map((f) => readFileSync(join(r.out, f), 'utf8'));
  for (const secret of o.secrets) {
    for (const text of [r.stdout, r.stderr, ...written]) expect(text.includes(secret), `${secret} leaked`).toBe(false);
  }
}

describe.skipIf(!pgUp)('PostgreSQL source that cannot be opened', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createPostgresDatabase('pdmap_connfail_');
    await db.exec('CREATE TABLE t (id int)');
  });
  afterAll(async () => {
    await db?.drop();
  });

  // The test server trusts every local login, so a wrong password cannot fail there: an unknown
  // role is the authentication failure it can show.
  it('unknown role', async () => {
    const r = await cliScan([urlWith(PG_ADMIN_URL, { user: 'pdmap_no_such_role', password: SECRET, database: db.name })]);
    expectCleanFailure(r, { sourceName: `postgres:127.0.0.1:5432/${db.name}`, codes: ['connect'], secrets: [SECRET, SECRET_DECODED] });
  });

  it('unknown database', async () => {
    const missing = uniqueName('pdmap_missing_');
    const r = await cliScan([urlWith(PG_ADMIN_URL, { user: 'postgres', password: SECRET, database: missing })]);
    expectCleanFailure(r, { sourceName: missing, codes: ['not-found'], secrets: [SECRET, SECRET_DECODED] });
  });

  it('server not listening', async () => {
    const r = await cliScan([urlWith(PG_ADMIN_URL, { user: 'postgres', password: SECRET, database: db.name, port: '1' })]);
    expectCleanFailure(r, { sourceName: `postgres:127.0.0.1:1/${db.name}`, codes: ['connect'], secrets: [SECRET, SECRET_DECODED] });
  });

  it('a bad source does not stop the good one after it', async () => {
    const bad = urlWith(PG_ADMIN_URL, { user: 'postgres', password: SECRET, database: db.name, port: '1' });
    const r = await cliScan([bad, db.url]);
    expect(r.code).toBe(2);
    expect(r.inventory?.sources.map((s) => s.status)).toEqual(['error', 'scanned']);
    expect(r.inventory?.containers.map((c) => c.id)).toEqual(['public.t']);
  });
});

describe.skipIf(!myUp)('MariaDB source that cannot be opened', () => {
  let db: TestDatabase;
  const user = uniqueName('pdmap_pw_');
  const rightPassword = 'Right-Pa55word-For-Test';
  beforeAll(async () => {
    db = await createMysqlDatabase('pdmap_connfail_');
    await db.exec('CREATE TABLE t (id INT)');
    await db.exec(`CREATE USER ?@'%' IDENTIFIED BY ?`, [user, rightPassword]);
    await db.exec(`GRANT SELECT ON \`${db.name}\`.* TO ?@'%'`, [user]);
  });
  afterAll(async () => {
    await db?.exec(`DROP USER IF EXISTS ?@'%'`, [user]);
    await db?.drop();
  });

  it('wrong password', async () => {
    const r = await cliScan([urlWith(MYSQL_ADMIN_URL, { user, password: SECRET, database: db.name })]);
    expectCleanFailure(r, { sourceName: `mysql:127.0.0.1:3306/${db.name}`, codes: ['connect'], secrets: [SECRET, SECRET_DECODED, rightPassword] });
  });

  it('right password works (control)', async () => {
    const r = await cliScan([urlWith(MYSQL_ADMIN_URL, { user, password: rightPassword, database: db.name })]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.inventory?.containers.map((c) => c.name)).toEqual(['t']);
    for (const text of [r.stdout, r.stderr, r.inventoryText ?? '']) expect(text).not.toContain(rightPassword);
  });

  it('unknown database', async () => {
    const missing = uniqueName('pdmap_missing_');
    const r = await cliScan([urlWith(MYSQL_ADMIN_URL, { user, password: rightPassword, database: missing })]);
    // A user without rights on it is told "access denied" rather than "unknown database".
    expectCleanFailure(r, { sourceName: missing, codes: ['not-found', 'permission'], secrets: [rightPassword] });
  });

  it('server not listening', async () => {
    const r = await cliScan([urlWith(MYSQL_ADMIN_URL, { user, password: SECRET, database: db.name, port: '1' })]);
    expectCleanFailure(r, { sourceName: `mysql:127.0.0.1:1/${db.name}`, codes: ['connect'], secrets: [SECRET, SECRET_DECODED] });
  });
});
