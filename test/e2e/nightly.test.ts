import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileCache } from '../../src/cache.js';
import { run } from '../../src/cli/main.js';
import { postgresConnector } from '../../src/connectors/postgres.js';
import type { InventoryDiff } from '../../src/diff.js';
import { scan } from '../../src/scan.js';
import { createPostgresDatabase, type TestDatabase } from '../support/databases.js';

/**
 * The nightly-scan must-shows: a baseline diff that names exactly what was added, `--fail-on
 * new-pii` failing on it and an allow-list entry accepting it; and a cached second scan of an
 * unchanged database that samples no rows.
 */
describe('nightly scans against PostgreSQL', () => {
  let db: TestDatabase;
  const dir = mkdtempSync(join(tmpdir(), 'pdmap-nightly-'));

  beforeAll(async () => {
    db = await createPostgresDatabase('pdmap_nightly_');
    await db.exec(`CREATE TABLE customers (id int PRIMARY KEY, full_name text, email text, created_at date)`);
    await db.exec(`INSERT INTO customers SELECT i, 'Customer ' || i, 'kunde' || i || '@firma' || (i % 7) || '.dk', DATE '2025-01-01' + i FROM generate_series(1, 60) i`);
    await db.exec(`CREATE TABLE products (sku text PRIMARY KEY, title text, price numeric)`);
    await db.exec(`INSERT INTO products SELECT 'SKU-' || i, 'Pump model ' || i, i * 10.5 FROM generate_series(1, 40) i`);
  }, 60_000);
  afterAll(async () => {
    await db?.drop();
  });

  const flushStats = async () => {
    await db.exec(`SELECT pg_stat_force_next_flush()`);
    // The flush happens when the session is idle between statements; this one runs after it.
    await db.exec(`SELECT 1`);
  };
  const cli = async (args: string[]) => {
    let out = '';
    const code = await run(args, { stdout: (s) => (out += s), stderr: (s) => (out += s), isTTY: false });
    return { code, out };
  };
  const config = (allow: object[] = []) => {
    const file = join(dir, `pdmap.config.${allow.length}.json`);
    writeFileSync(file, JSON.stringify({ sources: [{ name: 'crm', url: db.url }], cache: { enabled: false }, failOn: ['new-pii'], allow }));
    return file;
  };

  it('diffs against the baseline, fails on new personal data, and accepts it when allow-listed', async () => {
    const first = await cli(['scan', '--config', config(), '--out', join(dir, 'night1'), '--format', 'json']);
    // No baseline yet: new-pii cannot be checked, which is said, and nothing fails.
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/new-pii not checked: no baseline/);

    await db.exec(`ALTER TABLE customers ADD COLUMN backup_email text`);
    await db.exec(`UPDATE customers SET backup_email = 'privat' || id || '@mail' || (id % 5) || '.com'`);
    await db.exec(`CREATE TABLE call_log (id int PRIMARY KEY, caller_phone text, called_at timestamptz)`);
    await db.exec(`INSERT INTO call_log SELECT i, '+45 ' || (20000000 + i * 7919)::text, now() FROM generate_series(1, 50) i`);

    const baseline = join(dir, 'night1', 'inventory.json');
    const second = await cli(['scan', '--config', config(), '--baseline', baseline, '--out', join(dir, 'night2'), '--format', 'json']);
    expect(second.code).toBe(1);
    const diff = JSON.parse(readFileSync(join(dir, 'night2', 'diff.json'), 'utf8')) as InventoryDiff;
    expect(diff.added.map((a) => [a.key, a.category])).toEqual([
      ['crm/public.call_log/caller_phone', 'phone'],
      ['crm/public.customers/backup_email', 'email'],
    ].sort());
    expect(diff.removed).toEqual([]);
    expect(diff.changed).toEqual([]);
    expect(readFileSync(join(dir, 'night2', 'diff.md'), 'utf8')).toContain('### New personal-data locations (2)');

    const allow = [
      { location: 'crm/public.customers/backup_email', rule: 'new-pii', reason: 'Backup contact approved (DPIA-7)', expires: '2099-01-01' },
      { location: 'crm/public.call_log/*', rule: 'new-pii', reason: 'Call log for support, purpose 4', expires: '2099-01-01' },
    ];
    const third = await cli(['scan', '--config', config(allow), '--baseline', baseline, '--out', join(dir, 'night3'), '--format', 'json']);
    expect(third.code).toBe(0);
    expect(third.out).toMatch(/2 finding\(s\) allowed/);
  }, 120_000);

  it('samples no rows in a second, cached scan of an unchanged database, and only what changed after', async () => {
    // Earlier writes reach the statistics (the change counters) when their session goes idle.
    await flushStats();
    const cache = fileCache(join(dir, 'cache'));
    const first = postgresConnector({ url: db.url, name: 'crm' });
    const before = await scan({ sources: [first], cache });
    expect(first.stats.rows).toBeGreaterThan(0);

    const second = postgresConnector({ url: db.url, name: 'crm' });
    const again = await scan({ sources: [second], cache: fileCache(join(dir, 'cache')) });
    expect(second.stats.rows).toBe(0);
    expect(second.stats.queries).toBe(0);
    expect(again.containers.every((c) => c.status === 'cached')).toBe(true);
    expect(again.fields.map((f) => [f.location.field, f.category])).toEqual(before.fields.map((f) => [f.location.field, f.category]));

    await db.exec(`INSERT INTO products VALUES ('SKU-NEW', 'Valve X', 99)`);
    await flushStats();
    const third = postgresConnector({ url: db.url, name: 'crm' });
    const after = await scan({ sources: [third], cache: fileCache(join(dir, 'cache')) });
    expect(after.containers.find((c) => c.id === 'public.products')?.status).toBe('scanned');
    expect(after.containers.filter((c) => c.id !== 'public.products').every((c) => c.status === 'cached')).toBe(true);
  }, 120_000);
});
