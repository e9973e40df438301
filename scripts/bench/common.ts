import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import mysql from 'mysql2/promise';
import pg from 'pg';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const PG_ADMIN_URL = process.env.PDMAP_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const MYSQL_ADMIN_URL = process.env.PDMAP_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/';

/** One measured figure, with the floor it is compared to and the target it must meet. */
export interface Figure {
  /** Stable id for the history table (`floor.full.postgres`, `wide`). */
  readonly key: string;
  readonly part: string;
  readonly name: string;
  /** pdmap's figure. */
  readonly value: number;
  readonly unit: string;
  /** The same work without pdmap (bare driver, raw read), in the same unit. */
  readonly floor?: number;
  /** What the target applies to. */
  readonly target?: { readonly on: 'value' | 'ratio'; readonly op: '<=' | '>='; readonly limit: number };
  /** Extra facts for the table (CPU time, sizes), never raw values. */
  readonly note?: string;
}

export function ratioOf(f: Figure): number | undefined {
  return f.floor === undefined || f.floor === 0 ? undefined : f.value / f.floor;
}

export function passes(f: Figure): boolean | undefined {
  if (!f.target) return undefined;
  const x = f.target.on === 'ratio' ? ratioOf(f) : f.value;
  if (x === undefined || !Number.isFinite(x)) return false;
  return f.target.op === '<=' ? x <= f.target.limit : x >= f.target.limit;
}

// ─── progress ────────────────────────────────────────────────────────────────────────────

const started = Date.now();

export function progress(message: string): void {
  const s = ((Date.now() - started) / 1000).toFixed(0).padStart(4);
  process.stderr.write(`[bench ${s}s] ${message}\n`);
}

export async function timed<T>(fn: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const t0 = performance.now();
  const result = await fn();
  return { result, ms: performance.now() - t0 };
}

/** One-minute load average and core count, to judge how noisy a run was. */
export async function loadNote(): Promise<string> {
  const os = await import('node:os');
  return `load ${os.loadavg()[0]?.toFixed(1) ?? '?'} on ${os.availableParallelism()} cores`;
}

// ─── names and clean-up ──────────────────────────────────────────────────────────────────

/**
 * Every database and folder the bench makes is called `pdmap_bench_<pid>_<what>_<random>`.
 * A leftover is one whose pid no longer runs (a bench that was killed): dropped at start.
 * A bench that is still running elsewhere keeps its data.
 */
export const BENCH_PREFIX = 'pdmap_bench_';

export function benchName(what: string): string {
  return `${BENCH_PREFIX}${process.pid}_${what}_${randomBytes(3).toString('hex')}`;
}

function ownerPid(name: string): number | undefined {
  const m = /^pdmap_bench_(\d+)_/.exec(name);
  return m ? Number(m[1]) : undefined;
}

function isLeftover(name: string): boolean {
  const pid = ownerPid(name);
  if (pid === undefined || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    return (err as { code?: unknown }).code === 'ESRCH';
  }
}

export function benchDir(what: string): string {
  return path.join(tmpdir(), benchName(what));
}

export async function dropLeftovers(engines: { postgres: boolean; mariadb: boolean }): Promise<string[]> {
  const dropped: string[] = [];
  for (const entry of readdirSync(tmpdir())) {
    if (entry.startsWith(BENCH_PREFIX) && isLeftover(entry)) {
      rmSync(path.join(tmpdir(), entry), { recursive: true, force: true });
      dropped.push(entry);
    }
  }
  if (engines.postgres) {
    const c = new pg.Client({ connectionString: PG_ADMIN_URL });
    await c.connect();
    try {
      const { rows } = await c.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'pdmap\\_bench\\_%'`);
      for (const { datname } of rows) {
        if (!isLeftover(datname)) continue;
        await c.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
        dropped.push(datname);
      }
    } finally {
      await c.end();
    }
  }
  if (engines.mariadb) {
    const c = await mysql.createConnection({ uri: MYSQL_ADMIN_URL });
    try {
      const [rows] = await c.query(`SELECT SCHEMA_NAME AS n FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE 'pdmap\\_bench\\_%'`);
      for (const { n } of rows as { n: string }[]) {
        if (!isLeftover(n)) continue;
        await c.query(`DROP DATABASE IF EXISTS \`${n}\``);
        dropped.push(n);
      }
    } finally {
      await c.end();
    }
  }
  return dropped;
}

export function withDatabase(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

/** Things to undo at the end, newest first; run even when a part fails. */
export class Cleanup {
  private readonly steps: { what: string; run: () => Promise<void> | void }[] = [];
  add(what: string, run: () => Promise<void> | void): void {
    this.steps.push({ what, run });
  }
  async runAll(): Promise<void> {
    while (this.steps.length > 0) {
      const step = this.steps.pop();
      if (!step) break;
      try {
        await step.run();
      } catch (err) {
        progress(`clean-up of ${step.what} failed: ${(err as Error).message}`);
      }
    }
  }
}

// ─── child processes ─────────────────────────────────────────────────────────────────────

/** What a measuring child reports: wall and CPU time of the measured work, and its peak RSS. */
export interface ChildReport {
  readonly ms: number;
  readonly cpuMs: number;
  readonly maxRssMb: number;
  readonly [key: string]: unknown;
}

/**
 * Runs one measurement in a fresh Node process (`scripts/bench/child.ts` under tsx), so that
 * peak RSS belongs to that work alone and every measurement starts from the same cold state.
 */
export function runChild(task: unknown, options: { timeoutMs?: number } = {}): Promise<ChildReport> {
  const child = path.join(REPO_ROOT, 'scripts', 'bench', 'child.ts');
  // The task goes through a file: 10,000 containers do not fit in the environment.
  const taskFile = `${benchDir('task')}.json`;
  writeFileSync(taskFile, JSON.stringify(task));
  return new Promise<ChildReport>((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', child], {
      cwd: REPO_ROOT,
      env: { ...process.env, PDMAP_BENCH_TASK_FILE: taskFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
    proc.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const timer = setTimeout(() => proc.kill('SIGKILL'), options.timeoutMs ?? 15 * 60_000);
    proc.on('error', reject);
    proc.on('close', (code) => {
      clearTimeout(timer);
      const last = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || !last.startsWith('{')) {
        reject(new Error(`bench child failed (exit ${code}): ${err.trim().split('\n').slice(-5).join(' | ')}`));
        return;
      }
      resolve(JSON.parse(last) as ChildReport);
    });
  }).finally(() => rmSync(taskFile, { force: true }));
}

/** Median of a non-empty list. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/**
 * Runs `a` and `b` alternately `times` times and keeps each one's fastest run: on a shared
 * machine the fastest run is the one least disturbed by other work.
 */
export async function alternate(times: number, a: () => Promise<ChildReport>, b: () => Promise<ChildReport>): Promise<{ a: ChildReport; b: ChildReport }> {
  let bestA: ChildReport | undefined;
  let bestB: ChildReport | undefined;
  for (let i = 0; i < times; i++) {
    const ra = await a();
    if (!bestA || ra.ms < bestA.ms) bestA = ra;
    const rb = await b();
    if (!bestB || rb.ms < bestB.ms) bestB = rb;
  }
  if (!bestA || !bestB) throw new Error('alternate: times must be at least 1');
  return { a: bestA, b: bestB };
}

export const MB = 1024 * 1024;
