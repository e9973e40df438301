import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Inventory } from '../../src/types.js';
import { createMysqlDatabase, createPostgresDatabase, serverAvailable, type TestDatabase } from '../support/databases.js';
import { mysqlSessions, pdmapBackends } from './helpers.js';

/**
 * SIGINT / SIGTERM during `pdmap scan`, on the real CLI in a child process: it stops, writes the
 * partial inventory (`partial: true`), exits 2, and leaves no session behind on the server, not
 * even the one that was blocked in a slow query.
 */

const pgUp = await serverAvailable('postgres');
const myUp = await serverAvailable('mysql');
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

interface Run {
  /** Milliseconds from the signal to the exit. */
  exitMs: number;
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  out: string;
}

/**
 * Starts the CLI with node (tsx as a loader, so the signal reaches pdmap itself and not a
 * wrapper), sends `signal` as soon as the first table has been reported, and waits for the exit.
 */
async function interrupt(source: readonly string[], signal: NodeJS.Signals): Promise<Run> {
  const out = mkdtempSync(join(tmpdir(), 'pdmap-signal-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'scan', ...source, '--views', '--out', out, '--no-cache'], {
    cwd: ROOT,
    env: { ...process.env, CI: 'true' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  let sent = false;
  let sentAt = 0;
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr += chunk;
    if (!sent && /^scanned /m.test(stderr)) {
      sent = true;
      sentAt = Date.now();
      child.kill(signal);
    }
  });
  const [code, exitSignal] = (await new Promise((resolve) => child.once('exit', (c, s) => resolve([c, s])))) as [number | null, NodeJS.Signals | null];
  expect(sent, `no table was reported before the exit:\n${stderr}`).toBe(true);
  return { exitMs: Date.now() - sentAt, code, signal: exitSignal, stderr, out };
}

/** Waits (bounded) until `count` says the server has ended every pdmap session. */
async function sessionsGone(count: () => Promise<number>, withinMs: number): Promise<number> {
  const deadline = Date.now() + withinMs;
  let left = await count();
  while (left > 0 && Date.now() < deadline) {
    await sleep(100);
    left = await count();
  }
  return left;
}

const TABLES = ['b_customers', 'c_staff', 'd_orders', 'e_notes', 'f_people', 'g_contacts', 'h_more'];

interface Setup {
  readonly db: TestDatabase;
  /** Command-line arguments naming the source. */
  readonly source: readonly string[];
  /** pdmap's sessions still open on the server. */
  readonly sessions: () => Promise<number>;
}

const engines = [
  {
    name: 'PostgreSQL',
    up: pgUp,
    /** The server notices within a second that the client is gone (client_connection_check_interval). */
    goneWithinMs: 5_000,
    async create(): Promise<Setup> {
      const db = await createPostgresDatabase('pdmap_signal_');
      // Containers are scanned in name order, two at a time: `a_slow` blocks one slot for 30 s
      // while the tables go through the other, so the first table is reported while the scan is
      // far from done.
      await db.exec(`CREATE VIEW a_slow AS SELECT g AS id, 'slow' || g || '@example.test' AS email FROM generate_series(1, 3) g, pg_sleep(30)`);
      for (const t of TABLES) {
        await db.exec(`CREATE TABLE ${t} (id int PRIMARY KEY, email text)`);
        await db.exec(`INSERT INTO ${t} SELECT g, '${t}' || g || '@example.test' FROM generate_series(1, 200) g`);
      }
      return { db, source: [db.url], sessions: () => pdmapBackends(db.name) };
    },
  },
  {
    name: 'MariaDB',
    up: myUp,
    /**
     * MariaDB does not stop a running statement when its client disconnects: pdmap stops it with
     * KILL QUERY from a second connection, long before the source's statement timeout (60 s here).
     */
    goneWithinMs: 5_000,
    async create(): Promise<Setup> {
      const db = await createMysqlDatabase('pdmap_signal_');
      await db.exec(`CREATE VIEW a_slow AS SELECT seq AS id, SLEEP(30) AS s FROM seq_1_to_3`);
      for (const t of TABLES) {
        await db.exec(`CREATE TABLE ${t} (id INT PRIMARY KEY, email VARCHAR(100))`);
        await db.exec(`INSERT INTO ${t} SELECT seq, CONCAT('${t}', seq, '@example.test') FROM seq_1_to_200`);
      }
      const fixture = Number(((await db.exec('SELECT CONNECTION_ID() AS id')) as { id: number }[])[0]?.id);
      const dir = mkdtempSync(join(tmpdir(), 'pdmap-signal-config-'));
      const config = join(dir, 'pdmap.config.json');
      writeFileSync(config, JSON.stringify({ sources: [{ url: db.url, statementTimeoutMs: 60_000 }] }));
      return { db, source: ['--config', config], sessions: () => mysqlSessions(db.name, [fixture]) };
    },
  },
];

describe.each(engines)('pdmap scan on $name interrupted by a signal', (engine) => {
  let setup: Setup | undefined;
  beforeAll(async () => {
    if (engine.up) setup = await engine.create();
  });
  afterAll(async () => {
    await setup?.db.drop();
  });

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it.skipIf(!engine.up)(`${signal}: exit 2, partial inventory written, no session left`, async () => {
      if (!setup) throw new Error('no database');
      const started = Date.now();
      const r = await interrupt(setup.source, signal);
      expect(r.signal, r.stderr).toBeNull();
      expect(r.code, r.stderr).toBe(2);
      // Stopped at once, not when the server gives up the slow view (30 s).
      expect(r.exitMs).toBeLessThan(5_000);
      expect(Date.now() - started).toBeLessThan(20_000);
      const inventory = JSON.parse(readFileSync(join(r.out, 'inventory.json'), 'utf8')) as Inventory;
      expect(inventory.partial).toBe(true);
      expect(inventory.containers.filter((c) => c.status === 'scanned').length).toBeGreaterThan(0);
      expect(inventory.containers.length).toBeLessThan(TABLES.length + 1);
      // Even the session blocked in the slow view ends once its client is gone.
      expect(await sessionsGone(setup.sessions, engine.goneWithinMs)).toBe(0);
    });
  }
});
