import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mysqlConnector } from '../../src/connectors/mysql.js';
import { MYSQL_ADMIN_URL, createMysqlDatabase, serverAvailable, type TestDatabase } from '../support/databases.js';
import {
  collect,
  discoverAll,
  runConnectorConformance,
  type ConformanceBackend,
  type ConformanceStore,
  type FixtureTable,
  type FixtureType,
} from './conformance.js';

const available = await serverAvailable('mysql');

const quote = (name: string): string => `\`${name.replaceAll('`', '``')}\``;

const TYPES: Record<FixtureType, string> = { integer: 'BIGINT', text: 'TEXT', real: 'DOUBLE', binary: 'BLOB' };

interface MysqlStore extends ConformanceStore {
  readonly db: TestDatabase;
}

async function createTable(db: TestDatabase, table: FixtureTable): Promise<void> {
  const columns = table.fields.map(
    (f) => `${quote(f.name)} ${TYPES[f.type]}${f.name === table.primaryKey ? ' PRIMARY KEY' : f.nullable ? ' NULL' : ' NOT NULL'}`,
  );
  await db.exec(`CREATE TABLE ${quote(table.name)} (${columns.join(', ')}) ENGINE=InnoDB`);
  for (let start = 0; start < table.rows.length; start += 5_000) {
    const chunk = table.rows.slice(start, start + 5_000).map((row) => row.map((v) => (v instanceof Uint8Array ? Buffer.from(v) : v)));
    await db.exec(`INSERT INTO ${quote(table.name)} VALUES ?`, [chunk]);
  }
}

const backend: ConformanceBackend<MysqlStore> = {
  kind: 'mysql',
  typePatterns: { integer: /^bigint/, text: /^text$/, real: /^double$/, binary: /^blob$/ },
  async create(fixture) {
    const db = await createMysqlDatabase();
    for (const table of fixture.tables) await createTable(db, table);
    for (const view of fixture.views) await db.exec(`CREATE VIEW ${quote(view.name)} AS SELECT * FROM ${quote(view.table)}`);
    return {
      db,
      connector: (options) => mysqlConnector({ url: db.url, ...options }),
      containerId: (name) => `${db.name}.${name}`,
      exists: async (name) => {
        const rows = (await db.exec(
          'SELECT COUNT(*) AS n FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?',
          [name],
        )) as { n: number }[];
        return Number(rows[0]?.n) === 1;
      },
      destroy: () => db.drop(),
    };
  },
  async failingContainer({ db }) {
    await db.exec("CREATE TABLE forbidden_stuff (id INT PRIMARY KEY, secret TEXT); INSERT INTO forbidden_stuff VALUES (1, 'x')");
    const user = await db.createUser();
    await db.exec(`GRANT SELECT ON ${quote(db.name)}.people TO ?@'%'`, [user.name]);
    // INSERT only: the table is visible in the catalogue but cannot be read.
    await db.exec(`GRANT INSERT ON ${quote(db.name)}.forbidden_stuff TO ?@'%'`, [user.name]);
    return {
      connector: mysqlConnector({ url: user.url, maxConnections: 1 }),
      failing: `${db.name}.forbidden_stuff`,
      next: `${db.name}.people`,
      code: 'permission',
    };
  },
  async statementTimeout({ db }) {
    await db.exec('CREATE VIEW slow_view AS SELECT SLEEP(5) AS s');
    return {
      connector: mysqlConnector({ url: db.url, maxConnections: 1, statementTimeoutMs: 200 }),
      failing: `${db.name}.slow_view`,
      next: `${db.name}.people`,
      code: 'timeout',
    };
  },
  async readOnly({ db }) {
    await db.exec('CREATE TABLE audit (x INT)');
    await db.exec('CREATE FUNCTION pdmap_write() RETURNS INT MODIFIES SQL DATA BEGIN INSERT INTO audit VALUES (1); RETURN 1; END');
    await db.exec('CREATE VIEW writer AS SELECT pdmap_write() AS x');
    await db.exec('CREATE FUNCTION pdmap_ro() RETURNS INT READS SQL DATA RETURN @@session.tx_read_only');
    await db.exec('CREATE FUNCTION pdmap_timeout() RETURNS DOUBLE READS SQL DATA RETURN @@session.max_statement_time');
    await db.exec('CREATE VIEW session_probe AS SELECT pdmap_ro() AS ro, pdmap_timeout() AS timeout');
    return {
      // root: only the connector's own session settings stand in the way.
      connector: mysqlConnector({ url: db.url, maxConnections: 1 }),
      writer: { container: `${db.name}.writer`, code: 'permission' },
      probe: {
        container: `${db.name}.session_probe`,
        check: (row) => {
          expect(Number(row.ro)).toBe(1);
          expect(Number(row.timeout)).toBe(30);
        },
      },
      unchanged: async () => {
        expect(await db.exec('SELECT COUNT(*) AS n FROM audit')).toEqual([{ n: 0 }]);
      },
    };
  },
  async connectionFailures({ db }) {
    const secret = 's3cret-Pa55';
    const url = new URL(db.url);
    const at = (auth: string, database: string, port = url.port): string => `mysql://${auth}@${url.hostname}:${port}/${database}`;
    return [
      { label: 'unknown database', connector: mysqlConnector({ url: at('root', 'pdmap_missing_db') }), codes: ['not-found'] },
      { label: 'wrong password', connector: mysqlConnector({ url: at(`root:${secret}`, db.name) }), codes: ['connect'], secret },
      { label: 'refused port', connector: mysqlConnector({ url: at(`root:${secret}`, db.name, '1') }), codes: ['connect'], secret },
    ];
  },
};

describe.skipIf(!available)('mysql connector', () => {
  runConnectorConformance('mysql', backend);

  describe('databases and catalogue details', () => {
    let db: TestDatabase;
    let other: TestDatabase;
    beforeAll(async () => {
      [db, other] = await Promise.all([createMysqlDatabase(), createMysqlDatabase()]);
      await db.exec('CREATE TABLE customers (id INT PRIMARY KEY, email VARCHAR(200) NULL, born DATE NOT NULL)');
      await db.exec("INSERT INTO customers VALUES (1, 'a@example.test', '1990-01-02'), (2, NULL, '1985-05-06')");
      await other.exec('CREATE TABLE orders (id INT PRIMARY KEY, total DECIMAL(10,2))');
    });
    afterAll(async () => {
      await Promise.all([db?.drop(), other?.drop()]);
    });

    const serverUrl = (): string => MYSQL_ADMIN_URL.replace(/\/[^/]*$/, '/');

    it('scans the database named in the URL only', async () => {
      const connector = mysqlConnector({ url: db.url });
      try {
        const containers = await discoverAll(connector);
        expect(containers.map((c) => c.id)).toEqual([`${db.name}.customers`]);
        const [customers] = containers;
        expect(customers).toMatchObject({ database: db.name, schema: db.name, name: 'customers', type: 'table' });
        expect(customers?.fields).toEqual([
          { name: 'id', dataType: 'int(11)', nullable: false },
          { name: 'email', dataType: 'varchar(200)', nullable: true },
          { name: 'born', dataType: 'date', nullable: false },
        ]);
        expect(customers?.sizeBytes).toBeGreaterThan(0);
        const rows = await collect(connector, customers!);
        expect(rows.find((r) => r.id === 1)?.born).toBeInstanceOf(Date);
        expect(rows.find((r) => r.id === 2)?.email).toBeNull();
      } finally {
        await connector.close();
      }
    });

    it('scans the listed databases, or all non-system ones, when the URL names none', async () => {
      const listed = mysqlConnector({ url: serverUrl(), databases: [db.name, other.name] });
      const all = mysqlConnector({ url: serverUrl() });
      try {
        const ids = (await discoverAll(listed)).map((c) => c.id);
        expect(ids).toEqual([`${db.name}.customers`, `${other.name}.orders`].sort());
        const everything = await discoverAll(all);
        const everyId = everything.map((c) => c.id);
        expect(everyId).toEqual(expect.arrayContaining(ids));
        expect(everything.filter((c) => ['mysql', 'sys', 'information_schema', 'performance_schema'].includes(c.schema ?? ''))).toEqual([]);
      } finally {
        await Promise.all([listed.close(), all.close()]);
      }
    });

    it('accepts mariadb:// URLs and keeps the password out of name and target', () => {
      const connector = mysqlConnector({ url: 'mariadb://app:hunter2-secret@db.internal:3307/crm' });
      expect(connector.name).toBe('mysql:db.internal:3307/crm');
      expect(connector.target).not.toContain('hunter2-secret');
    });
  });
});
