/**
 * The conformance suite every connector passes (the unstorage pattern: one shared suite, one
 * small backend adapter per store). A backend builds "a container with these fields and rows"
 * in its own store (a table, a CSV/NDJSON file, …) and says which cases make sense for it
 * through `capabilities` and the optional scenario hooks.
 *
 *   runConnectorConformance('postgres', postgresBackend);
 *
 * A file backend writes each fixture table as a file (`people.csv`, …) in a temp folder,
 * maps names with `containerId` (the relative path), and declares what does not apply:
 *
 *   runConnectorConformance('files (csv)', {
 *     kind: 'files',
 *     capabilities: { binary: false, nulls: false, views: false, fieldTypes: false, spread: false,
 *                     fieldsAtDiscovery: false, containerType: 'file' },
 *     async create(fixture) { … write files …; return { connector, containerId, exists, destroy }; },
 *     async failingContainer(store) { … a malformed or unreadable file next to a good one … },
 *   });
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector, SampleOptions } from '../../src/connectors/connector.js';
import { describeError } from '../../src/errors.js';
import type { Container, Row, ScanErrorCode, SourceKind } from '../../src/types.js';

export type FixtureType = 'integer' | 'text' | 'real' | 'binary';
export type FixtureValue = string | number | Uint8Array | null;

export interface FixtureField {
  readonly name: string;
  readonly type: FixtureType;
  /** Default false: the store should declare the field NOT NULL where it can. */
  readonly nullable?: boolean;
}

export interface FixtureTable {
  readonly name: string;
  readonly fields: readonly FixtureField[];
  /** Name of the (integer) primary-key field, where the store has keys. */
  readonly primaryKey?: string;
  /** Values in field order. */
  readonly rows: readonly (readonly FixtureValue[])[];
}

/** `SELECT * FROM table`, for stores that have views. */
export interface FixtureView {
  readonly name: string;
  readonly table: string;
}

export interface Fixture {
  readonly tables: readonly FixtureTable[];
  readonly views: readonly FixtureView[];
}

export interface ConformanceStore {
  /** A connector over the store, as the engine would make it. */
  connector(options?: { readonly maxConnections?: number }): Connector;
  /** The container id the connector gives a fixture table or view. */
  containerId(name: string): string;
  /** Whether the table still exists, checked outside the connector. */
  exists(name: string): Promise<boolean>;
  destroy(): Promise<void>;
}

/** A container that must fail alone: the next container still samples on the same connector. */
export interface FailingScenario {
  /** Ideally with one connection, so that a poisoned connection would show. */
  readonly connector: Connector;
  /** Id of the container that fails; discovered with `views: true`. */
  readonly failing: string;
  /** Id of a container that samples fine afterwards. */
  readonly next: string;
  /** The code `describeError` must give the failure. */
  readonly code: ScanErrorCode;
}

export interface ReadOnlyScenario {
  readonly connector: Connector;
  /** A container whose reading would write (a view over a writing function): sampling must fail. */
  readonly writer?: { readonly container: string; readonly code: ScanErrorCode };
  /** A container whose row shows the session's settings. */
  readonly probe?: { readonly container: string; readonly check: (row: Row) => void };
  /** Asserts, outside the connector, that nothing was written. */
  readonly unchanged: () => Promise<void>;
}

export interface ConnectionFailure {
  readonly label: string;
  readonly connector: Connector;
  /** Acceptable codes for the failure. */
  readonly codes: readonly ScanErrorCode[];
  /** A credential that must not appear in any message, name or target. */
  readonly secret?: string;
}

export interface Capabilities {
  /** Binary fields come back as bytes (default true). Without it binary fields are left out of the fixture. */
  readonly binary?: boolean;
  /** Null values come back as null (default true). */
  readonly nulls?: boolean;
  readonly views?: boolean;
  /** Fields carry dataType and nullable from the catalogue (default true). */
  readonly fieldTypes?: boolean;
  /** A bounded sample of a large container is spread over it (default true). */
  readonly spread?: boolean;
  /**
   * Containers list their fields at discovery (default true). Files reveal theirs while read:
   * without it the field checks look at the sampled rows instead.
   */
  readonly fieldsAtDiscovery?: boolean;
  /** The type fixture tables are discovered as (default 'table'; 'file' for files). */
  readonly containerType?: Container['type'];
}

export interface ConformanceBackend<S extends ConformanceStore = ConformanceStore> {
  readonly kind: SourceKind;
  create(fixture: Fixture): Promise<S>;
  readonly capabilities?: Capabilities;
  /** The store's type names for the fixture types, checked against `FieldInfo.dataType`. */
  readonly typePatterns?: Readonly<Record<FixtureType, RegExp>>;
  /** A forbidden or broken container (no SELECT privilege, a view over a dropped table, …). */
  failingContainer?(store: S): Promise<FailingScenario>;
  /** A container that runs past a tiny statement timeout. */
  statementTimeout?(store: S): Promise<FailingScenario>;
  readOnly?(store: S): Promise<ReadOnlyScenario>;
  connectionFailures?(store: S): Promise<readonly ConnectionFailure[]>;
}

// ---------------------------------------------------------------------------------------------
// The fixture. Values are synthetic; no real personal data.

export const BIG_ROWS = 20_000;

/** Names that break naive quoting: the suite checks they are read and that nothing was dropped. */
export const HOSTILE = {
  mixedCase: 'MixedCase Table',
  reserved: 'order',
  unicode: 'ÆØÅ tàblé 名前',
  injection: 'a"; DROP TABLE t; --',
  injectionColumn: "we`ird\"col'\nname",
} as const;

const png = (i: number): Uint8Array => Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, i]);

export function conformanceFixture(): Fixture {
  const people: FixtureTable = {
    name: 'people',
    primaryKey: 'id',
    fields: [
      { name: 'id', type: 'integer' },
      { name: 'full_name', type: 'text' },
      { name: 'email', type: 'text', nullable: true },
      { name: 'photo', type: 'binary', nullable: true },
      { name: 'score', type: 'real', nullable: true },
    ],
    rows: Array.from({ length: 12 }, (_, k) => {
      const i = k + 1;
      return [i, `Person ${i}`, i % 3 === 0 ? null : `person${i}@example.test`, i % 4 === 0 ? null : png(i), i % 5 === 0 ? null : i + 0.5];
    }),
  };
  const big: FixtureTable = {
    name: 'big',
    primaryKey: 'id',
    fields: [
      { name: 'id', type: 'integer' },
      { name: 'label', type: 'text' },
    ],
    rows: Array.from({ length: BIG_ROWS }, (_, k) => [k + 1, `row-${k + 1}`]),
  };
  // Dense low keys and a few far-away ones: key-range sampling must still return `limit` distinct rows.
  const sparse: FixtureTable = {
    name: 'sparse',
    primaryKey: 'id',
    fields: [
      { name: 'id', type: 'integer' },
      { name: 'label', type: 'text' },
    ],
    rows: [
      ...Array.from({ length: 150 }, (_, k) => [k + 1, `low-${k + 1}`]),
      ...Array.from({ length: 5 }, (_, k) => [1_000_000_000_000 + k, `high-${k}`]),
    ],
  };
  const t: FixtureTable = {
    name: 't',
    primaryKey: 'id',
    fields: [
      { name: 'id', type: 'integer' },
      { name: 'note', type: 'text' },
    ],
    rows: [
      [1, 'one'],
      [2, 'two'],
      [3, 'three'],
    ],
  };
  const hostile = (name: string, key: string, other: string): FixtureTable => ({
    name,
    primaryKey: key,
    fields: [
      { name: key, type: 'integer' },
      { name: other, type: 'text', nullable: true },
    ],
    rows: [
      [1, 'first'],
      [2, null],
      [3, 'third'],
    ],
  });
  return {
    tables: [
      people,
      big,
      sparse,
      t,
      hostile(HOSTILE.mixedCase, 'Id', 'Full Name'),
      hostile(HOSTILE.reserved, 'select', 'from'),
      hostile(HOSTILE.unicode, 'id', 'e-mail ✉'),
      hostile(HOSTILE.injection, 'id', HOSTILE.injectionColumn),
    ],
    views: [{ name: 'people_view', table: 'people' }],
  };
}

/** The fixture without binary fields, for stores that cannot hold bytes. */
function withoutBinary(fixture: Fixture): Fixture {
  return {
    ...fixture,
    tables: fixture.tables.map((table) => {
      const keep = table.fields.map((f) => f.type !== 'binary');
      return {
        ...table,
        fields: table.fields.filter((_, i) => keep[i]),
        rows: table.rows.map((row) => row.filter((_, i) => keep[i])),
      };
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// Helpers

export async function collect(connector: Connector, container: Container, options: SampleOptions = {}): Promise<Row[]> {
  const rows: Row[] = [];
  for await (const row of connector.sample(container, options)) rows.push(row);
  return rows;
}

export async function discoverAll(connector: Connector, views = false): Promise<Container[]> {
  const containers: Container[] = [];
  for await (const c of connector.discover({ views })) containers.push(c);
  return containers;
}

/** Awaits a rejection and returns the error. */
export async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('expected a failure, got success');
}

function byId(containers: readonly Container[], id: string): Container {
  const found = containers.find((c) => c.id === id);
  if (!found) throw new Error(`container ${JSON.stringify(id)} not discovered; got ${JSON.stringify(containers.map((c) => c.id))}`);
  return found;
}

const keyOf = (row: Row, field = 'id'): number => Number(row[field]);

function sameBytes(actual: unknown, expected: Uint8Array): boolean {
  return actual instanceof Uint8Array && Buffer.from(actual).equals(Buffer.from(expected));
}

async function closing<T>(connector: Connector, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } finally {
    await connector.close();
  }
}

// ---------------------------------------------------------------------------------------------
// The suite

export function runConnectorConformance<S extends ConformanceStore>(name: string, backend: ConformanceBackend<S>): void {
  const caps = {
    binary: true,
    nulls: true,
    views: true,
    fieldTypes: true,
    spread: true,
    fieldsAtDiscovery: true,
    containerType: 'table' as Container['type'],
    ...backend.capabilities,
  };
  const fixture = caps.binary ? conformanceFixture() : withoutBinary(conformanceFixture());
  const table = (tableName: string): FixtureTable => {
    const found = fixture.tables.find((t) => t.name === tableName);
    if (!found) throw new Error(`no fixture table ${tableName}`);
    return found;
  };

  describe(`${name} connector conformance`, () => {
    let store: S;
    let connector: Connector;
    let containers: Container[];
    const container = (tableName: string): Container => byId(containers, store.containerId(tableName));
    /** Field names from the catalogue, or from the first row for stores that learn them by reading. */
    const fieldNames = async (c: Container): Promise<string[]> => {
      if (caps.fieldsAtDiscovery) return c.fields.map((f) => f.name);
      const [first] = await collect(connector, c, { limit: 1 });
      return Object.keys(first ?? {});
    };

    beforeAll(async () => {
      store = await backend.create(fixture);
      connector = store.connector();
      containers = await discoverAll(connector);
    });

    afterAll(async () => {
      await connector?.close();
      await store?.destroy();
    });

    it('is a plain object with a kind, a name and a target, and closes idempotently', async () => {
      expect(connector.kind).toBe(backend.kind);
      expect(connector.name.length).toBeGreaterThan(0);
      expect(connector.target.length).toBeGreaterThan(0);
      const unused = store.connector();
      await unused.close();
      await unused.close();
    });

    it('discovers every table with its fields in order', async () => {
      for (const t of fixture.tables) {
        const c = container(t.name);
        expect(c.type).toBe(caps.containerType);
        if (caps.containerType !== 'file') expect(c.name).toBe(t.name);
        expect(await fieldNames(c)).toEqual(t.fields.map((f) => f.name));
        if (!caps.fieldTypes) continue;
        t.fields.forEach((f, i) => {
          const info = c.fields[i];
          expect(info?.dataType, `${t.name}.${f.name}`).toBeTypeOf('string');
          if (backend.typePatterns) expect(info?.dataType, `${t.name}.${f.name}`).toMatch(backend.typePatterns[f.type]);
          // Primary keys are never nullable; other fields follow the fixture.
          if (f.name !== t.primaryKey) expect(info?.nullable, `${t.name}.${f.name} nullable`).toBe(f.nullable ?? false);
        });
      }
    });

    it('gives unique, stable ids in a stable (schema, name) order', async () => {
      const ids = containers.map((c) => c.id);
      expect(new Set(ids).size).toBe(ids.length);
      const again = await discoverAll(connector);
      expect(again.map((c) => c.id)).toEqual(ids);
      const sorted = [...containers].sort((a, b) => {
        const sa = a.schema ?? '';
        const sb = b.schema ?? '';
        return sa < sb ? -1 : sa > sb ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
      });
      expect(ids).toEqual(sorted.map((c) => c.id));
    });

    it.skipIf(!caps.views)('lists views only when asked', async () => {
      const id = store.containerId('people_view');
      expect(containers.some((c) => c.id === id)).toBe(false);
      const withViews = await discoverAll(connector, true);
      const view = byId(withViews, id);
      expect(view.type).toBe('view');
      expect(await fieldNames(view)).toEqual(table('people').fields.map((f) => f.name));
      const rows = await collect(connector, view, { limit: 3 });
      expect(rows).toHaveLength(3);
    });

    it('respects the limit and counts queries and rows', async () => {
      const before = { ...connector.stats };
      const rows = await collect(connector, container('people'), { limit: 5 });
      expect(rows).toHaveLength(5);
      expect(connector.stats.rows - before.rows).toBe(5);
      expect(connector.stats.queries - before.queries).toBeGreaterThanOrEqual(1);
      for (const row of rows) expect(Object.keys(row)).toEqual(table('people').fields.map((f) => f.name));
    });

    it('reads only the requested fields', async () => {
      const rows = await collect(connector, container('people'), { limit: 4, fields: ['email', 'id'] });
      expect(rows).toHaveLength(4);
      for (const row of rows) expect(Object.keys(row).sort()).toEqual(['email', 'id']);
    });

    it('reads every row and value when the limit is undefined', async () => {
      const people = table('people');
      const rows = await collect(connector, container('people'));
      expect(rows.map((r) => keyOf(r)).sort((a, b) => a - b)).toEqual(people.rows.map((r) => Number(r[0])));
      for (const expected of people.rows) {
        const row = rows.find((r) => keyOf(r) === expected[0]);
        expect(row).toBeDefined();
        people.fields.forEach((f, i) => {
          const want = expected[i];
          const got = row?.[f.name];
          if (want === null) {
            if (caps.nulls) expect(got, `${f.name} of ${String(expected[0])}`).toBeNull();
          } else if (want instanceof Uint8Array) {
            expect(got, `${f.name} of ${String(expected[0])}`).toBeInstanceOf(Uint8Array);
            expect(sameBytes(got, want)).toBe(true);
          } else if (typeof want === 'number') {
            expect(Number(got)).toBe(want);
          } else {
            expect(got).toBe(want);
          }
        });
      }
    });

    it(`streams a full scan of ${BIG_ROWS} rows`, async () => {
      const before = connector.stats.rows;
      const ids = new Set<number>();
      for await (const row of connector.sample(container('big'), {})) ids.add(keyOf(row));
      expect(ids.size).toBe(BIG_ROWS);
      expect(connector.stats.rows - before).toBe(BIG_ROWS);
    });

    it.skipIf(!caps.spread)('spreads a bounded sample over a large table', async () => {
      const rows = await collect(connector, container('big'), { limit: 100 });
      const ids = rows.map((r) => keyOf(r));
      expect(ids).toHaveLength(100);
      expect(new Set(ids).size).toBe(100);
      // A plain LIMIT would return ids 1..100 only.
      expect(ids.filter((id) => id > 1_000).length).toBeGreaterThan(50);
      expect(Math.max(...ids)).toBeGreaterThan(BIG_ROWS / 2);
    });

    it('returns min(limit, rows) distinct rows whatever the key distribution', async () => {
      const sparse = table('sparse');
      const rows = await collect(connector, container('sparse'), { limit: 100 });
      const ids = rows.map((r) => keyOf(r));
      expect(new Set(ids).size).toBe(100);
      const small = await collect(connector, container('sparse'), { limit: 1_000 });
      expect(new Set(small.map((r) => keyOf(r))).size).toBe(sparse.rows.length);
    });

    it('stops reading and releases the connection when the consumer breaks out', async () => {
      const single = store.connector({ maxConnections: 1 });
      await closing(single, async () => {
        const [big, people] = [container('big'), container('people')];
        for (let round = 0; round < 3; round++) {
          const before = single.stats.rows;
          let n = 0;
          for await (const _row of single.sample(big, {})) if (++n === 3) break;
          expect(single.stats.rows - before).toBe(3);
        }
        // With one connection, a leaked cursor or connection would hang here.
        expect(await collect(single, people, { limit: 2 })).toHaveLength(2);
      });
    });

    it('honours an AbortSignal', async () => {
      const single = store.connector({ maxConnections: 1 });
      await closing(single, async () => {
        const controller = new AbortController();
        let n = 0;
        const err = await failure(
          (async () => {
            for await (const _row of single.sample(container('big'), { signal: controller.signal })) {
              if (++n === 5) controller.abort();
            }
          })(),
        );
        expect(describeError(err).code).toBe('aborted');
        expect(n).toBe(5);
        const preAborted = await failure(collect(single, container('people'), { limit: 2, signal: AbortSignal.abort() }));
        expect(describeError(preAborted).code).toBe('aborted');
        expect(await collect(single, container('people'), { limit: 2 })).toHaveLength(2);
      });
    });

    it('discovers and samples hostile identifiers, and drops nothing', async () => {
      for (const tableName of [HOSTILE.mixedCase, HOSTILE.reserved, HOSTILE.unicode, HOSTILE.injection]) {
        const t = table(tableName);
        const c = container(tableName);
        expect(await fieldNames(c)).toEqual(t.fields.map((f) => f.name));
        const rows = await collect(connector, c);
        expect(rows.map((r) => keyOf(r, t.primaryKey)).sort()).toEqual([1, 2, 3]);
        const [key, other] = t.fields.map((f) => f.name) as [string, string];
        const second = rows.find((r) => keyOf(r, key) === 2);
        if (caps.nulls) expect(second?.[other]).toBeNull();
        expect(rows.find((r) => keyOf(r, key) === 3)?.[other]).toBe('third');
        const only = await collect(connector, c, { limit: 1, fields: [other] });
        expect(only).toHaveLength(1);
        expect(Object.keys(only[0] ?? {})).toEqual([other]);
      }
      for (const t of fixture.tables) expect(await store.exists(t.name), `${t.name} still exists`).toBe(true);
      expect(await collect(connector, container('t'))).toHaveLength(3);
    });

    it.skipIf(!backend.failingContainer)('a failing container fails alone, with a mapped error', async () => {
      const scenario = await backend.failingContainer?.(store);
      if (!scenario) return;
      await closing(scenario.connector, async () => {
        const found = await discoverAll(scenario.connector, true);
        const failing = byId(found, scenario.failing);
        const next = byId(found, scenario.next);
        for (let round = 0; round < 2; round++) {
          const err = await failure(collect(scenario.connector, failing, { limit: 10 }));
          expect(describeError(err).code, describeError(err).message).toBe(scenario.code);
          expect((await collect(scenario.connector, next, { limit: 2 })).length).toBeGreaterThan(0);
        }
      });
    });

    it.skipIf(!backend.statementTimeout)('a statement timeout gives a timeout error and the connector goes on', async () => {
      const scenario = await backend.statementTimeout?.(store);
      if (!scenario) return;
      await closing(scenario.connector, async () => {
        const found = await discoverAll(scenario.connector, true);
        const started = Date.now();
        const err = await failure(collect(scenario.connector, byId(found, scenario.failing), { limit: 1 }));
        expect(describeError(err).code, describeError(err).message).toBe(scenario.code);
        expect(Date.now() - started).toBeLessThan(4_000);
        expect((await collect(scenario.connector, byId(found, scenario.next), { limit: 2 })).length).toBeGreaterThan(0);
        // An abort while the slow statement is still running stops at once and frees the connection.
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort(), 30);
        const abortStarted = Date.now();
        const aborted = await failure(collect(scenario.connector, byId(found, scenario.failing), { limit: 1, signal: controller.signal }));
        clearTimeout(timer);
        expect(describeError(aborted).code, describeError(aborted).message).toBe('aborted');
        expect(Date.now() - abortStarted).toBeLessThan(1_000);
        expect((await collect(scenario.connector, byId(found, scenario.next), { limit: 2 })).length).toBeGreaterThan(0);
      });
    });

    it.skipIf(!backend.readOnly)('cannot write through the connector', async () => {
      const scenario = await backend.readOnly?.(store);
      if (!scenario) return;
      await closing(scenario.connector, async () => {
        const found = await discoverAll(scenario.connector, true);
        if (scenario.writer) {
          const err = await failure(collect(scenario.connector, byId(found, scenario.writer.container)));
          expect(describeError(err).code, describeError(err).message).toBe(scenario.writer.code);
        }
        if (scenario.probe) {
          const rows = await collect(scenario.connector, byId(found, scenario.probe.container));
          expect(rows).toHaveLength(1);
          scenario.probe.check(rows[0] ?? {});
        }
        await scenario.unchanged();
      });
    });

    it.skipIf(!backend.connectionFailures)('connection failures are clear, lazy and carry no password', async () => {
      const failures = (await backend.connectionFailures?.(store)) ?? [];
      expect(failures.length).toBeGreaterThan(0);
      for (const f of failures) {
        await closing(f.connector, async () => {
          // Construction did not connect: the failure shows on first use.
          const err = await failure(discoverAll(f.connector));
          const described = describeError(err);
          expect(f.codes, `${f.label}: ${described.message}`).toContain(described.code);
          expect(described.message.length, f.label).toBeGreaterThan(10);
          if (f.secret) {
            const texts = [described.message, String(err), (err as Error).stack ?? '', f.connector.name, f.connector.target];
            for (const text of texts) expect(text, f.label).not.toContain(f.secret);
          }
        });
      }
    });
  });
}
