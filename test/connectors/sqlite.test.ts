import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteConnector } from '../../src/connectors/sqlite.js';
import { describeError } from '../../src/errors.js';
import { createSqliteFile, type TestSqliteFile } from '../support/databases.js';
import {
  collect,
  discoverAll,
  runConnectorConformance,
  type ConformanceBackend,
  type ConformanceStore,
  type FixtureTable,
  type FixtureType,
} from './conformance.js';

const quote = (name: string): string => `"${name.replaceAll('"', '""')}"`;

const TYPES: Record<FixtureType, string> = { integer: 'INTEGER', text: 'TEXT', real: 'REAL', binary: 'BLOB' };

interface SqliteStore extends ConformanceStore {
  readonly file: TestSqliteFile;
}

function createTable(db: Database.Database, table: FixtureTable): void {
  const columns = table.fields.map(
    (f) => `${quote(f.name)} ${TYPES[f.type]}${f.name === table.primaryKey ? ' PRIMARY KEY' : f.nullable ? '' : ' NOT NULL'}`,
  );
  db.exec(`CREATE TABLE ${quote(table.name)} (${columns.join(', ')})`);
  const insert = db.prepare(`INSERT INTO ${quote(table.name)} VALUES (${table.fields.map(() => '?').join(', ')})`);
  db.transaction(() => {
    for (const row of table.rows) insert.run(...row.map((v) => (v instanceof Uint8Array ? Buffer.from(v) : v)));
  })();
}

const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

const backend: ConformanceBackend<SqliteStore> = {
  kind: 'sqlite',
  typePatterns: { integer: /^INTEGER$/, text: /^TEXT$/, real: /^REAL$/, binary: /^BLOB$/ },
  async create(fixture) {
    const file = createSqliteFile([]);
    file.write((db) => {
      for (const table of fixture.tables) createTable(db, table);
      for (const view of fixture.views) db.exec(`CREATE VIEW ${quote(view.name)} AS SELECT * FROM ${quote(view.table)}`);
    });
    return {
      file,
      connector: () => sqliteConnector({ path: file.path }),
      containerId: (name) => `main.${name}`,
      exists: async (name) => {
        const db = new Database(file.path, { readonly: true });
        try {
          return db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(name) !== undefined;
        } finally {
          db.close();
        }
      },
      destroy: async () => file.remove(),
    };
  },
  async failingContainer({ file }) {
    // SQLite lets a table go while a view still reads it; the view breaks only when read.
    file.exec('CREATE TABLE gone (a TEXT); CREATE VIEW broken_view AS SELECT a FROM gone; DROP TABLE gone;');
    return { connector: sqliteConnector({ path: file.path }), failing: 'main.broken_view', next: 'main.people', code: 'not-found' };
  },
  async readOnly({ file }) {
    file.exec('CREATE VIEW session_probe AS SELECT query_only AS ro FROM pragma_query_only');
    const before = sha256(file.path);
    return {
      connector: sqliteConnector({ path: file.path }),
      probe: { container: 'main.session_probe', check: (row) => expect(row).toEqual({ ro: 1 }) },
      unchanged: async () => {
        expect(sha256(file.path)).toBe(before);
      },
    };
  },
  async connectionFailures({ file }) {
    const junk = path.join(path.dirname(file.path), 'not-a-database.db');
    writeFileSync(junk, 'this is plain text, not a SQLite database\n'.repeat(100));
    return [
      { label: 'missing file', connector: sqliteConnector({ path: path.join(path.dirname(file.path), 'missing.db') }), codes: ['not-found'] },
      { label: 'missing folder', connector: sqliteConnector({ path: path.join(path.dirname(file.path), 'no-such-dir', 'x.db') }), codes: ['not-found'] },
      { label: 'not a database', connector: sqliteConnector({ path: junk }), codes: ['parse'] },
    ];
  },
};

describe('sqlite connector', () => {
  runConnectorConformance('sqlite', backend);

  describe('file details', () => {
    let file: TestSqliteFile;
    beforeAll(() => {
      file = createSqliteFile(
        [
          'CREATE TABLE accounts (id INTEGER PRIMARY KEY AUTOINCREMENT, card INTEGER, note)',
          "INSERT INTO accounts (card, note) VALUES (4111111111111111, 'safe'), (9007199254740993, 'beyond 2^53')",
          'CREATE TABLE pairs (a TEXT, b TEXT, PRIMARY KEY (a, b)) WITHOUT ROWID',
          "INSERT INTO pairs VALUES ('x', 'y'), ('y', 'z')",
          'CREATE TABLE shadow (rowid TEXT, label TEXT)',
          `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000)
           INSERT INTO shadow SELECT 'r' || i, 'label ' || i FROM n`,
          "CREATE TABLE generated (a INTEGER, b INTEGER GENERATED ALWAYS AS (a * 2) VIRTUAL, c BLOB)",
          'INSERT INTO generated (a) VALUES (21)',
          'ANALYZE',
        ],
        'crm.sqlite',
      );
    });
    afterAll(() => file?.remove());

    it('names the source after the file and skips internal tables', async () => {
      const connector = sqliteConnector({ path: file.path });
      try {
        expect(connector.name).toBe(`sqlite:${file.path}`);
        expect(connector.target).toBe(file.path);
        const containers = await discoverAll(connector);
        expect(containers.map((c) => c.id)).toEqual(['main.accounts', 'main.generated', 'main.pairs', 'main.shadow']);
        expect(containers.every((c) => c.database === 'crm' && c.schema === 'main')).toBe(true);
        const accounts = containers[0];
        expect(accounts?.fields).toEqual([
          { name: 'id', dataType: 'INTEGER', nullable: true },
          { name: 'card', dataType: 'INTEGER', nullable: true },
          { name: 'note', nullable: true },
        ]);
        expect(containers[1]?.fields.map((f) => f.name)).toEqual(['a', 'b', 'c']);
        // sqlite_stat1 (from ANALYZE) gives the estimate.
        expect(containers.find((c) => c.name === 'shadow')?.rowEstimate).toBe(5_000);
      } finally {
        await connector.close();
      }
    });

    it('reads integers beyond 2^53 exactly, WITHOUT ROWID tables, generated columns and shadowed rowids', async () => {
      const connector = sqliteConnector({ path: file.path });
      try {
        const containers = await discoverAll(connector);
        const get = (name: string) => containers.find((c) => c.name === name)!;
        const accounts = await collect(connector, get('accounts'));
        expect(accounts.map((r) => r.card)).toEqual([4111111111111111, '9007199254740993']);
        expect(await collect(connector, get('pairs'), { limit: 1 })).toHaveLength(1);
        expect(await collect(connector, get('generated'))).toEqual([{ a: 21, b: 42, c: null }]);
        // A column called rowid: the real rowid is still reachable as _rowid_, so the sample spreads.
        const shadow = await collect(connector, get('shadow'), { limit: 50 });
        const numbers = shadow.map((r) => Number(String(r.rowid).slice(1)));
        expect(new Set(numbers).size).toBe(50);
        expect(numbers.filter((n) => n > 100).length).toBeGreaterThan(25);
      } finally {
        await connector.close();
      }
    });

    it('leaves the event loop free during a full read, so a timer or a signal can stop it', async () => {
      // better-sqlite3 reads synchronously: without a turn for the event loop between batches, a
      // SIGINT handler or an abort timer would only run once the whole table had been read.
      const big = createSqliteFile([
        'CREATE TABLE events (id INTEGER PRIMARY KEY, email TEXT)',
        `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200000)
         INSERT INTO events SELECT i, 'user' || i || '@example.test' FROM n`,
      ]);
      const connector = sqliteConnector({ path: big.path });
      try {
        const [events] = await discoverAll(connector);
        const controller = new AbortController();
        setTimeout(() => controller.abort(), 0);
        let rows = 0;
        const err = await (async () => {
          for await (const batch of connector.sampleBatches!(events!, { signal: controller.signal })) rows += batch.rows.length;
        })().catch((e: unknown) => e);
        expect(describeError(err).code).toBe('aborted');
        expect(rows).toBeGreaterThan(0);
        expect(rows).toBeLessThan(200_000);
        // Read in full, the same table still comes whole.
        let all = 0;
        for await (const batch of connector.sampleBatches!(events!, {})) all += batch.rows.length;
        expect(all).toBe(200_000);
      } finally {
        await connector.close();
        big.remove();
      }
    });

    it('does not touch the file', async () => {
      const before = sha256(file.path);
      const connector = sqliteConnector({ path: file.path });
      for (const c of await discoverAll(connector, true)) await collect(connector, c);
      await connector.close();
      expect(sha256(file.path)).toBe(before);
    });
  });
});
