/**
 * Helpers for the fault-injection suites: killing pdmap's own server sessions, wrapping a real
 * connector so a fault lands at an exact row, and running the CLI in-process.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { run } from '../../src/cli/main.js';
import type { Connector } from '../../src/connectors/connector.js';
import type { Inventory, Row } from '../../src/types.js';
import { MYSQL_ADMIN_URL, PG_ADMIN_URL } from '../support/databases.js';

/**
 * Terminates every pdmap session on a PostgreSQL database (found by `application_name`, which
 * the connector sets) and waits until they are gone. Returns how many there were.
 */
export async function terminatePdmapBackends(database: string): Promise<number> {
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  try {
    // The timeout argument (PG 14+) makes the call wait until each backend has exited.
    const { rows } = await admin.query<{ pid: number; gone: boolean }>(
      `SELECT pid, pg_terminate_backend(pid, 10000) AS gone FROM pg_stat_activity
       WHERE application_name = 'pdmap' AND datname = $1 AND pid <> pg_backend_pid()`,
      [database],
    );
    if (rows.some((r) => !r.gone)) throw new Error('a pdmap backend survived pg_terminate_backend');
    return rows.length;
  } finally {
    await admin.end();
  }
}

/** pdmap sessions still open on a PostgreSQL database. */
export async function pdmapBackends(database: string): Promise<number> {
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'pdmap' AND datname = $1`,
      [database],
    );
    return rows[0]?.n ?? 0;
  } finally {
    await admin.end();
  }
}

/**
 * Kills every session on a MariaDB database except `keep` (the fixture connection) and waits
 * until the server no longer lists them. Returns how many there were.
 */
export async function killMysqlSessions(database: string, keep: readonly number[]): Promise<number> {
  const admin = await mysql.createConnection({ uri: MYSQL_ADMIN_URL });
  try {
    const [own] = await admin.query('SELECT CONNECTION_ID() AS id');
    const skip = new Set([...keep, Number((own as { id: number }[])[0]?.id)]);
    const list = async (): Promise<number[]> => {
      const [rows] = await admin.query('SELECT ID AS id FROM information_schema.PROCESSLIST WHERE DB = ?', [database]);
      return (rows as { id: number | string }[]).map((r) => Number(r.id)).filter((id) => !skip.has(id));
    };
    const ids = await list();
    for (const id of ids) await admin.query(`KILL CONNECTION ${id}`);
    // KILL only flags the thread; it leaves the list once it has noticed and closed the socket.
    for (let i = 0; i < 500; i++) {
      const left = await list();
      if (!left.some((id) => ids.includes(id))) return ids.length;
      await sleep(10);
    }
    throw new Error('a killed MariaDB session is still listed after 5 s');
  } finally {
    await admin.end();
  }
}

/** Sessions on a MariaDB database other than `keep` (the fixture connection). */
export async function mysqlSessions(database: string, keep: readonly number[]): Promise<number> {
  const admin = await mysql.createConnection({ uri: MYSQL_ADMIN_URL });
  try {
    const [rows] = await admin.query('SELECT ID AS id FROM information_schema.PROCESSLIST WHERE DB = ? AND ID <> CONNECTION_ID()', [database]);
    return (rows as { id: number | string }[]).filter((r) => !keep.includes(Number(r.id))).length;
  } finally {
    await admin.end();
  }
}

export interface KillingConnector extends Connector {
  /** Kills done so far. */
  readonly kills: number;
}

/**
 * A real connector whose sampling of one container is interrupted by a fault: after `afterRows`
 * rows of each of the first `times` attempts, `kill` runs (and is awaited) before the next row
 * is pulled from the driver. The fault is real; only its moment is chosen by the test.
 */
export function killingConnector(
  inner: Connector,
  o: { readonly container: string; readonly afterRows: number; readonly times: number; readonly kill: () => Promise<number> },
): KillingConnector {
  let kills = 0;
  async function* sample(container: Parameters<Connector['sample']>[0], options: Parameters<Connector['sample']>[1]): AsyncGenerator<Row> {
    const armed = container.id === o.container && kills < o.times;
    let n = 0;
    for await (const row of inner.sample(container, options)) {
      yield row;
      if (armed && ++n === o.afterRows) {
        kills++;
        const killed = await o.kill();
        if (killed === 0) throw new Error('the test found no pdmap session to kill');
      }
    }
  }
  return {
    kind: inner.kind,
    name: inner.name,
    target: inner.target,
    stats: inner.stats,
    discover: (options) => inner.discover(options),
    sample,
    close: () => inner.close(),
    get kills() {
      return kills;
    },
  };
}

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly out: string;
  /** inventory.json as written, or undefined when none was written. */
  readonly inventoryText: string | undefined;
  readonly inventory: Inventory | undefined;
}

/** Runs `pdmap scan <args> --out <tmp> --no-cache` in-process and reads back what it wrote. */
export async function cliScan(args: readonly string[]): Promise<CliResult> {
  const out = mkdtempSync(join(tmpdir(), 'pdmap-faults-'));
  let stdout = '';
  let stderr = '';
  const code = await run(['scan', ...args, '--out', out, '--no-cache'], {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    isTTY: false,
  });
  let inventoryText: string | undefined;
  try {
    inventoryText = readFileSync(join(out, 'inventory.json'), 'utf8');
  } catch {
    inventoryText = undefined;
  }
  return { code, stdout, stderr, out, inventoryText, inventory: inventoryText ? (JSON.parse(inventoryText) as Inventory) : undefined };
}

/** Synthetic contact rows: `customer<i>@example.test`. */
export function syntheticEmail(i: number): string {
  return `customer${i}@example.test`;
}
