import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../src/connectors/connector.js';
import { mysqlConnector } from '../../src/connectors/mysql.js';
import { postgresConnector } from '../../src/connectors/postgres.js';
import { sqliteConnector } from '../../src/connectors/sqlite.js';
import { parsePolicy, seedPolicyText } from '../../src/policy/load.js';
import { buildRecord } from '../../src/policy/record.js';
import { planRetentionChecks, runRetentionChecks } from '../../src/policy/retention.js';
import { scan } from '../../src/scan.js';
import type { Container } from '../../src/types.js';
import { createMysqlDatabase, createPostgresDatabase, createSqliteFile, serverAvailable, type TestDatabase, type TestSqliteFile } from '../support/databases.js';

/**
 * Connector.countOlder: the count happens in the database, on a table whose name needs quoting,
 * against date, timestamp and ISO-text columns.
 */

const TABLE = 'old "orders`';
const CUTOFF = new Date('2020-01-01T00:00:00Z');
// 3 rows before the cutoff, 2 after, 1 without a date.
const DATES = ['2017-03-01', '2018-12-31', '2019-12-31', '2020-01-02', '2024-06-01', null];

const container = (schema: string | undefined): Container => ({
  id: `${schema ?? 'main'}.${TABLE}`,
  type: 'table',
  name: TABLE,
  ...(schema === undefined ? {} : { schema }),
  fields: [],
});

async function expectCounts(connector: Connector, schema: string | undefined): Promise<void> {
  try {
    expect(await connector.countOlder?.(container(schema), 'order date', CUTOFF)).toBe(3);
    expect(await connector.countOlder?.(container(schema), 'created_text', CUTOFF)).toBe(3);
    expect(await connector.countOlder?.(container(schema), 'order date', new Date('2000-01-01'))).toBe(0);
    expect(connector.stats.rows).toBe(0);
  } finally {
    await connector.close();
  }
}

describe('countOlder on SQLite', () => {
  let file: TestSqliteFile;
  beforeAll(() => {
    file = createSqliteFile([
      `CREATE TABLE "old ""orders\`" (id INTEGER PRIMARY KEY, "order date" DATE, created_text TEXT, created_epoch INTEGER, created_ms INTEGER, email TEXT)`,
    ]);
    file.write((db) => {
      const insert = db.prepare(`INSERT INTO "old ""orders\`" ("order date", created_text, created_epoch, created_ms, email) VALUES (?, ?, ?, ?, ?)`);
      DATES.forEach((d, i) => {
        const ms = d === null ? null : Date.parse(`${d}T12:00:00Z`);
        insert.run(d, d === null ? null : `${d}T12:00:00Z`, ms === null ? null : Math.floor(ms / 1000), ms, `person${i}@example.com`);
      });
    });
  });
  afterAll(() => file.remove());

  it('counts text, Unix-seconds and millisecond dates before the cutoff', async () => {
    await expectCounts(sqliteConnector({ path: file.path }), 'main');
    const c = sqliteConnector({ path: file.path });
    try {
      expect(await c.countOlder?.(container('main'), 'created_epoch', CUTOFF)).toBe(3);
      expect(await c.countOlder?.(container('main'), 'created_ms', CUTOFF)).toBe(3);
    } finally {
      await c.close();
    }
  });

  it('feeds overdue rows from a real scan into a retention gap', async () => {
    const policy = parsePolicy(
      `${seedPolicyText().replace('dateColumns: []', 'dateColumns:\n  - match: "*orders*"\n    column: order date')}`,
    );
    const inventory = await scan({ sources: [`sqlite:${file.path}`], sampleSize: 50 });
    const plan = planRetentionChecks(inventory, policy, new Date('2025-01-01T00:00:00Z'));
    const check = plan.find((p) => p.name === TABLE);
    expect(check).toMatchObject({ column: 'order date', columnSource: 'configured', rule: { id: 'orders' } });
    const connector = sqliteConnector({ path: file.path });
    const counts = await runRetentionChecks(plan, [connector]).finally(() => connector.close());
    const counted = counts.find((p) => p.name === TABLE);
    expect(counted).toMatchObject({ status: 'counted', overdue: 3 });
    const record = buildRecord(inventory, policy, counts);
    const gap = record.gaps.find((g) => g.kind === 'retention-overdue');
    expect(gap).toMatchObject({ count: 3, unit: 'rows', purposes: [6] });
  });
});

const pgAvailable = await serverAvailable('postgres');
describe.skipIf(!pgAvailable)('countOlder on PostgreSQL', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createPostgresDatabase();
    await db.exec(`CREATE TABLE "old ""orders\`" (id serial PRIMARY KEY, "order date" date, created_text text)`);
    for (const d of DATES) await db.exec(`INSERT INTO "old ""orders\`" ("order date", created_text) VALUES ($1, $2)`, [d, d === null ? null : `${d}T12:00:00Z`]);
  });
  afterAll(async () => db?.drop());

  it('counts date and ISO-text columns before the cutoff in a read-only transaction', async () => {
    await expectCounts(postgresConnector({ url: db.url }), 'public');
  });
});

const myAvailable = await serverAvailable('mysql');
describe.skipIf(!myAvailable)('countOlder on MySQL/MariaDB', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createMysqlDatabase();
    await db.exec('CREATE TABLE `old "orders``` (id INT AUTO_INCREMENT PRIMARY KEY, `order date` DATE, created_text VARCHAR(40))');
    for (const d of DATES) await db.exec('INSERT INTO `old "orders``` (`order date`, created_text) VALUES (?, ?)', [d, d === null ? null : `${d}T12:00:00Z`]);
  });
  afterAll(async () => db?.drop());

  it('counts DATE and text columns before the cutoff in a read-only transaction', async () => {
    await expectCounts(mysqlConnector({ url: db.url }), db.name);
  });
});
