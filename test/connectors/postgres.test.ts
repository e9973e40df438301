import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresConnector, planPostgresSample } from '../../src/connectors/postgres.js';
import { createPostgresDatabase, serverAvailable, type TestDatabase } from '../support/databases.js';
import {
  collect,
  discoverAll,
  runConnectorConformance,
  type ConformanceBackend,
  type ConformanceStore,
  type FixtureTable,
  type FixtureType,
} from './conformance.js';

const available = await serverAvailable('postgres');

const quote = (name: string): string => `"${name.replaceAll('"', '""')}"`;

const TYPES: Record<FixtureType, string> = { integer: 'bigint', text: 'text', real: 'double precision', binary: 'bytea' };

interface PgStore extends ConformanceStore {
  readonly db: TestDatabase;
}

async function createTable(db: TestDatabase, table: FixtureTable): Promise<void> {
  const columns = table.fields.map(
    (f) => `${quote(f.name)} ${TYPES[f.type]}${f.name === table.primaryKey ? ' PRIMARY KEY' : f.nullable ? '' : ' NOT NULL'}`,
  );
  await db.exec(`CREATE TABLE ${quote(table.name)} (${columns.join(', ')})`);
  const width = table.fields.length;
  for (let start = 0; start < table.rows.length; start += 5_000) {
    const chunk = table.rows.slice(start, start + 5_000);
    const tuples = chunk.map((_, r) => `(${table.fields.map((_f, c) => `$${r * width + c + 1}`).join(', ')})`);
    await db.exec(`INSERT INTO ${quote(table.name)} VALUES ${tuples.join(', ')}`, chunk.flat());
  }
}

const backend: ConformanceBackend<PgStore> = {
  kind: 'postgres',
  typePatterns: { integer: /^bigint$/, text: /^text$/, real: /^double precision$/, binary: /^bytea$/ },
  async create(fixture) {
    const db = await createPostgresDatabase();
    for (const table of fixture.tables) await createTable(db, table);
    for (const view of fixture.views) await db.exec(`CREATE VIEW ${quote(view.name)} AS SELECT * FROM ${quote(view.table)}`);
    return {
      db,
      connector: (options) => postgresConnector({ url: db.url, ...options }),
      containerId: (name) => `public.${name}`,
      exists: async (name) => {
        const rows = (await db.exec('SELECT to_regclass(quote_ident($1)) IS NOT NULL AS ok', [name])) as { ok: boolean }[];
        return rows[0]?.ok === true;
      },
      destroy: () => db.drop(),
    };
  },
  async failingContainer({ db }) {
    await db.exec('CREATE TABLE forbidden_stuff (id int PRIMARY KEY, secret text); INSERT INTO forbidden_stuff VALUES (1, \'x\')');
    const user = await db.createUser();
    await db.exec(`GRANT SELECT ON people TO ${quote(user.name)}`);
    return {
      connector: postgresConnector({ url: user.url, maxConnections: 1 }),
      failing: 'public.forbidden_stuff',
      next: 'public.people',
      code: 'permission',
    };
  },
  async statementTimeout({ db }) {
    await db.exec('CREATE VIEW slow_view AS SELECT 1 AS s FROM pg_sleep(5)');
    return {
      connector: postgresConnector({ url: db.url, maxConnections: 1, statementTimeoutMs: 200 }),
      failing: 'public.slow_view',
      next: 'public.people',
      code: 'timeout',
    };
  },
  async readOnly({ db }) {
    await db.exec(`
      CREATE TABLE audit (x int);
      CREATE FUNCTION pdmap_write() RETURNS int LANGUAGE sql VOLATILE AS $$ INSERT INTO audit VALUES (1) RETURNING 1 $$;
      CREATE VIEW writer AS SELECT pdmap_write() AS x;
      CREATE VIEW session_probe AS SELECT current_setting('transaction_read_only') AS ro,
        current_setting('default_transaction_read_only') AS default_ro,
        current_setting('statement_timeout') AS timeout, current_setting('application_name') AS app`);
    return {
      // A superuser connection: only the connector's own session settings stand in the way.
      connector: postgresConnector({ url: db.url, maxConnections: 1 }),
      writer: { container: 'public.writer', code: 'permission' },
      probe: {
        container: 'public.session_probe',
        check: (row) => {
          expect(row).toEqual({ ro: 'on', default_ro: 'on', timeout: '30s', app: 'pdmap' });
        },
      },
      unchanged: async () => {
        expect(await db.exec('SELECT count(*)::int AS n FROM audit')).toEqual([{ n: 0 }]);
      },
    };
  },
  async connectionFailures({ db }) {
    const secret = 's3cret-Pa55';
    const url = new URL(db.url);
    const withUser = (user: string, database: string, port = url.port): string =>
      `postgres://${user}:${secret}@${url.hostname}:${port}/${database}`;
    return [
      { label: 'unknown database', connector: postgresConnector({ url: withUser('postgres', 'pdmap_missing_db') }), codes: ['not-found'], secret },
      { label: 'unknown user', connector: postgresConnector({ url: withUser('pdmap_no_such_user', db.name) }), codes: ['connect'], secret },
      { label: 'refused port', connector: postgresConnector({ url: withUser('postgres', db.name, '1') }), codes: ['connect'], secret },
    ];
  },
};

describe.skipIf(!available)('postgres connector', () => {
  runConnectorConformance('postgres', backend);

  describe('catalogue and sampling details', () => {
    let db: TestDatabase;
    beforeAll(async () => {
      db = await createPostgresDatabase();
      await db.exec(`
        CREATE SCHEMA "Other ""Schema""";
        CREATE TABLE "Other ""Schema""".contacts (id int PRIMARY KEY, email text);
        INSERT INTO "Other ""Schema""".contacts SELECT g, 'c' || g || '@example.test' FROM generate_series(1, 10) g;
        CREATE TABLE events (id int, at date NOT NULL) PARTITION BY RANGE (id);
        CREATE TABLE events_1 PARTITION OF events FOR VALUES FROM (0) TO (10000);
        CREATE TABLE events_2 PARTITION OF events FOR VALUES FROM (10000) TO (20000);
        INSERT INTO events SELECT g, DATE '2024-01-01' + (g % 300) FROM generate_series(0, 19999) g;
        CREATE TABLE analysed (id int PRIMARY KEY, v text);
        INSERT INTO analysed SELECT g, repeat('x', 50) FROM generate_series(1, 50000) g;
        ANALYZE analysed; ANALYZE events;
        CREATE MATERIALIZED VIEW contact_names AS SELECT id FROM "Other ""Schema""".contacts;
        CREATE TEMP TABLE not_listed (x int);`);
    });
    afterAll(async () => {
      await db?.drop();
    });

    it('lists every non-system schema, partitioned parents but not partitions, with estimates and sizes', async () => {
      const connector = postgresConnector({ url: db.url, name: 'crm' });
      try {
        expect(connector.name).toBe('crm');
        const containers = await discoverAll(connector);
        expect(containers.map((c) => c.id)).toEqual(['Other "Schema".contacts', 'public.analysed', 'public.events']);
        const contacts = containers[0];
        expect(contacts).toMatchObject({ schema: 'Other "Schema"', name: 'contacts', database: db.name, type: 'table' });
        expect(contacts?.fields).toEqual([
          { name: 'id', dataType: 'integer', nullable: false },
          { name: 'email', dataType: 'text', nullable: true },
        ]);
        const analysed = containers[1];
        expect(analysed?.rowEstimate).toBeGreaterThan(40_000);
        expect(analysed?.sizeBytes).toBeGreaterThan(1_000_000);
        const events = containers[2];
        expect(events?.rowEstimate).toBeGreaterThan(15_000);
        expect(events?.fields.map((f) => f.dataType)).toEqual(['integer', 'date']);
        const withViews = await discoverAll(connector, true);
        expect(withViews.find((c) => c.name === 'contact_names')?.type).toBe('view');

        expect(await collect(connector, contacts!, { limit: 3 })).toHaveLength(3);
        const plan = planPostgresSample(analysed!, 100);
        expect(plan).toMatchObject({ kind: 'tablesample', method: 'BERNOULLI' });
        const ids = (await collect(connector, analysed!, { limit: 100 })).map((r) => Number(r.id));
        expect(new Set(ids).size).toBe(100);
        expect(ids.filter((id) => id > 1_000).length).toBeGreaterThan(50);
        // The partitioned parent is sampled across its partitions.
        const eventIds = (await collect(connector, events!, { limit: 200 })).map((r) => Number(r.id));
        expect(eventIds).toHaveLength(200);
        expect(eventIds.some((id) => id < 10_000) && eventIds.some((id) => id >= 10_000)).toBe(true);
        const at = (await collect(connector, events!, { limit: 1 }))[0]?.at;
        expect(at).toBeInstanceOf(Date);
      } finally {
        await connector.close();
      }
    });

    it('plans plain LIMIT for small tables and views, SYSTEM for large ones', () => {
      const base = { id: 's.t', type: 'table' as const, name: 't', fields: [] };
      const meta = (reltuples: number, relpages: number, pages: number, relkind = 'r') => ({ ...base, meta: { relkind, reltuples, relpages, pages } });
      expect(planPostgresSample(meta(50, 1, 1), 100)).toEqual({ kind: 'limit', limit: 100 });
      expect(planPostgresSample(meta(1e7, 1e5, 1e5, 'v'), 100)).toEqual({ kind: 'limit', limit: 100 });
      expect(planPostgresSample(meta(1e7, 1e5, 1e5), undefined)).toEqual({ kind: 'all' });
      const big = planPostgresSample(meta(1e7, 1e5, 1e5), 100);
      expect(big).toMatchObject({ kind: 'tablesample', method: 'SYSTEM' });
      // At least 32 of the 100 000 pages.
      expect(big.kind === 'tablesample' && big.percent).toBeCloseTo(0.032, 5);
      // Never analysed (-1): estimated from the current size.
      expect(planPostgresSample(meta(-1, 0, 200), 100)).toMatchObject({ kind: 'tablesample', method: 'BERNOULLI' });
      expect(planPostgresSample({ ...base }, 100)).toEqual({ kind: 'limit', limit: 100 });
    });
  });
});
