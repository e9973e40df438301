import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import type { ProcessingRecord } from '../../src/policy/record.js';
import type { Inventory } from '../../src/types.js';
import { createSqliteFile } from '../support/databases.js';

/**
 * `pdmap scan --shard k/n` on n runners, then `pdmap merge`, gives the inventory a single run
 * gives (timestamps aside), and every container lands in exactly one shard.
 */
describe('sharded scans', () => {
  const tables = Array.from({ length: 24 }, (_, i) => i);
  const db = createSqliteFile([
    ...tables.map((i) => `CREATE TABLE orders_${i} (id INTEGER PRIMARY KEY, email TEXT, phone TEXT, note TEXT, last_order_at TEXT)`),
    // Some rows last ordered in 2012: past the 5 years the built-in policy keeps orders.
    ...tables.map(
      (i) =>
        `INSERT INTO orders_${i} (email, phone, note, last_order_at) VALUES ${Array.from({ length: 20 }, (_, r) => `('kunde${i}_${r}@firma.dk', '+45 ${20 + (r % 70)} ${10 + i} 34 ${10 + r}', 'order ${r}', '${r < i % 5 ? '2012' : '2026'}-03-01')`).join(', ')}`,
    ),
    `CREATE TABLE products (sku TEXT, price REAL)`,
    `INSERT INTO products VALUES ('A-1', 10.5), ('B-2', 20)`,
  ]);
  const dir = mkdtempSync(join(tmpdir(), 'pdmap-shards-'));
  afterAll(() => db.remove());

  const cli = (args: string[]) => run(args, { stdout: () => undefined, stderr: () => undefined, isTTY: false });
  const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Inventory;
  const comparable = (inv: Inventory) => ({ ...inv, startedAt: '', finishedAt: '' });
  const readRecord = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as ProcessingRecord;
  /** A record less its clocks: when it was made, the scan's start and finish, and each retention cutoff (the scan's time less the period). */
  const comparableRecord = (r: ProcessingRecord) => ({
    ...r,
    generatedAt: '',
    scan: { ...r.scan, startedAt: '', finishedAt: '' },
    retention: r.retention.map((c) => ({ ...c, cutoff: '' })),
  });

  it('merges four shards into the single run', async () => {
    const source = `sqlite:${db.path}`;
    expect(await cli(['scan', source, '--out', join(dir, 'single'), '--no-cache', '--quiet'])).toBe(0);
    for (const k of [1, 2, 3, 4]) {
      expect(await cli(['scan', source, '--shard', `${k}/4`, '--out', join(dir, `shard-${k}`), '--no-cache', '--quiet'])).toBe(0);
    }
    const shards = [1, 2, 3, 4].map((k) => read(join(dir, `shard-${k}`, 'inventory.json')));
    // Each container in exactly one shard, and every shard has some (25 containers, 4 shards).
    const ids = shards.flatMap((s) => s.containers.map((c) => c.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(25);
    expect(shards.every((s) => s.containers.length > 0)).toBe(true);

    const files = [1, 2, 3, 4].map((k) => join(dir, `shard-${k}`, 'inventory.json'));
    expect(await cli(['merge', ...files, '--out', join(dir, 'merged'), '--quiet'])).toBe(0);
    const merged = read(join(dir, 'merged', 'inventory.json'));
    const single = read(join(dir, 'single', 'inventory.json'));
    expect(comparable(merged)).toEqual(comparable(single));

    // The record too, retention counts included: each shard counted its own tables, and the
    // merge takes those counts from the record.json beside each inventory.
    const singleRecord = readRecord(join(dir, 'single', 'record.json'));
    const overdue = singleRecord.gaps.filter((g) => g.kind === 'retention-overdue');
    expect(overdue.length).toBe(tables.filter((i) => i % 5 > 0).length);
    expect(comparableRecord(readRecord(join(dir, 'merged', 'record.json')))).toEqual(comparableRecord(singleRecord));
  });

  it('says so when a shard has no record.json, and plans its retention checks instead of counting', async () => {
    const lone = mkdtempSync(join(tmpdir(), 'pdmap-shard-lone-'));
    copyFileSync(join(dir, 'shard-1', 'inventory.json'), join(lone, 'inventory.json'));
    const files = [join(lone, 'inventory.json'), ...[2, 3, 4].map((k) => join(dir, `shard-${k}`, 'inventory.json'))];
    let stderr = '';
    const code = await run(['merge', ...files, '--out', join(dir, 'merged-lone')], { stdout: () => undefined, stderr: (t) => void (stderr += t), isTTY: false });
    expect(code).toBe(0);
    expect(stderr).toContain(`no record.json beside ${join(lone, 'inventory.json')}`);
    const record = readRecord(join(dir, 'merged-lone', 'record.json'));
    const shardOne = new Set(read(join(lone, 'inventory.json')).containers.map((c) => c.id));
    for (const r of record.retention) expect(r.status, r.container).toBe(shardOne.has(r.container) ? 'planned' : 'counted');
  });

  it('refuses a shard given twice or shards of different runs', async () => {
    const one = join(dir, 'shard-1', 'inventory.json');
    expect(await cli(['merge', one, one, '--out', join(dir, 'bad'), '--quiet'])).toBe(64);
  });
});
