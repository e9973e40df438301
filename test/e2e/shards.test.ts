import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import type { Inventory } from '../../src/types.js';
import { createSqliteFile } from '../support/databases.js';

/**
 * `pdmap scan --shard k/n` on n runners, then `pdmap merge`, gives the inventory a single run
 * gives (timestamps aside), and every container lands in exactly one shard.
 */
describe('sharded scans', () => {
  const tables = Array.from({ length: 24 }, (_, i) => i);
  const db = createSqliteFile([
    ...tables.map((i) => `CREATE TABLE customers_${i} (id INTEGER PRIMARY KEY, email TEXT, phone TEXT, note TEXT)`),
    ...tables.map(
      (i) =>
        `INSERT INTO customers_${i} (email, phone, note) VALUES ${Array.from({ length: 20 }, (_, r) => `('kunde${i}_${r}@firma.dk', '+45 ${20 + (r % 70)} ${10 + i} 34 ${10 + r}', 'order ${r}')`).join(', ')}`,
    ),
    `CREATE TABLE products (sku TEXT, price REAL)`,
    `INSERT INTO products VALUES ('A-1', 10.5), ('B-2', 20)`,
  ]);
  const dir = mkdtempSync(join(tmpdir(), 'pdmap-shards-'));
  afterAll(() => db.remove());

  const cli = (args: string[]) => run(args, { stdout: () => undefined, stderr: () => undefined, isTTY: false });
  const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Inventory;
  const comparable = (inv: Inventory) => ({ ...inv, startedAt: '', finishedAt: '' });

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
  });

  it('refuses a shard given twice or shards of different runs', async () => {
    const one = join(dir, 'shard-1', 'inventory.json');
    expect(await cli(['merge', one, one, '--out', join(dir, 'bad'), '--quiet'])).toBe(64);
  });
});
