import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { MYSQL_ADMIN_URL, PG_ADMIN_URL, REPO_ROOT, passes, ratioOf, type Figure } from './common.js';

export const DOCS = path.join(REPO_ROOT, 'docs', 'performance.md');

export function formatValue(value: number, unit: string): string {
  if (unit === 'ms') return value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(0)} ms`;
  if (unit === 'MB') return `${value.toFixed(0)} MB`;
  if (unit === 'MB/s/core') return `${value.toFixed(0)} MB/s/core`;
  if (unit === 'values/s/core') return `${Math.round(value).toLocaleString('en')} values/s/core`;
  return `${value.toFixed(2)} ${unit}`;
}

function formatTarget(f: Figure): string {
  if (!f.target) return '—';
  const op = f.target.op === '<=' ? '≤' : '≥';
  return f.target.on === 'ratio' ? `${op} ${f.target.limit}× floor` : `${op} ${formatValue(f.target.limit, f.unit)}`;
}

/** The results as a Markdown table (also readable as plain text in a terminal). */
export function resultsTable(figures: readonly Figure[], judged = true): string {
  const rows = figures.map((f) => {
    const ratio = ratioOf(f);
    const ok = passes(f);
    return [
      f.part,
      f.name,
      formatValue(f.value, f.unit),
      f.floor === undefined ? '—' : formatValue(f.floor, f.unit),
      ratio === undefined ? '—' : `${ratio.toFixed(2)}×`,
      formatTarget(f),
      ok === undefined ? '—' : ok ? 'pass' : judged ? '**FAIL**' : 'miss (quick sizes)',
      f.note ?? '',
    ];
  });
  const head = ['part', 'figure', 'pdmap', 'floor', 'ratio', 'target', 'result', 'notes'];
  return [head, head.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

export interface Machine {
  readonly cores: number;
  readonly cpu: string;
  readonly memoryGb: number;
  readonly node: string;
  readonly postgres: string;
  readonly mariadb: string;
  readonly sqlite: string;
}

export async function machine(): Promise<Machine> {
  const safe = async (fn: () => Promise<string>): Promise<string> => {
    try {
      return await fn();
    } catch {
      return 'not reachable';
    }
  };
  const postgres = await safe(async () => {
    const c = new pg.Client({ connectionString: PG_ADMIN_URL });
    await c.connect();
    try {
      return (await c.query<{ v: string }>(`SELECT current_setting('server_version') AS v`)).rows[0]?.v ?? '?';
    } finally {
      await c.end();
    }
  });
  const mariadb = await safe(async () => {
    const c = await mysql.createConnection({ uri: MYSQL_ADMIN_URL });
    try {
      const [rows] = await c.query('SELECT VERSION() AS v');
      return String((rows as { v: unknown }[])[0]?.v ?? '?');
    } finally {
      await c.end();
    }
  });
  const db = new Database(':memory:');
  const sqlite = String(db.prepare('SELECT sqlite_version()').pluck().get());
  db.close();
  return {
    cores: os.availableParallelism(),
    cpu: os.cpus()[0]?.model.trim() ?? '?',
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    postgres,
    mariadb,
    sqlite,
  };
}

export function machineText(m: Machine): string {
  return [
    `- ${m.cores} cores (${m.cpu}), ${m.memoryGb} GB memory`,
    `- Node ${m.node}, PostgreSQL ${m.postgres}, MariaDB ${m.mariadb}, SQLite ${m.sqlite} (better-sqlite3)`,
  ].join('\n');
}

function commit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
  } catch {
    return '?';
  }
}

/** History columns: a few headline figures per run, so trends stay readable. */
const HISTORY: readonly { readonly head: string; readonly keys: readonly string[]; readonly show: 'value' | 'ratio' }[] = [
  { head: 'detection values/s/core', keys: ['detection'], show: 'value' },
  { head: 'full scan ÷ floor (pg / mariadb / sqlite)', keys: ['floor.full.postgres', 'floor.full.mariadb', 'floor.full.sqlite'], show: 'ratio' },
  { head: 'wide 10k tables', keys: ['wide'], show: 'value' },
  { head: 'deep sample big ÷ small (pg / mariadb / sqlite / files)', keys: ['deep.sample.postgres', 'deep.sample.mariadb', 'deep.sample.sqlite', 'deep.sample.files'], show: 'ratio' },
  { head: 'deep peak RSS (pg / mariadb / sqlite / files)', keys: ['deep.rss.postgres', 'deep.rss.mariadb', 'deep.rss.sqlite', 'deep.rss.files'], show: 'value' },
  { head: 'files MB/s/core (csv / ndjson / log / all)', keys: ['files.csv', 'files.ndjson', 'files.log', 'files.all'], show: 'value' },
];

function historyRow(figures: readonly Figure[], load: string): string {
  const byKey = new Map(figures.map((f) => [f.key, f]));
  const cells = HISTORY.map((h) =>
    h.keys
      .map((k) => {
        const f = byKey.get(k);
        if (!f) return '–';
        if (h.show === 'ratio') return `${ratioOf(f)?.toFixed(2) ?? '?'}×`;
        if (f.unit === 'ms') return formatValue(f.value, f.unit);
        if (f.unit === 'values/s/core') return Math.round(f.value).toLocaleString('en');
        return f.value.toFixed(0);
      })
      .join(' / '),
  );
  const failed = figures.filter((f) => passes(f) === false).map((f) => f.key);
  const date = new Date().toISOString().slice(0, 10);
  return `| ${date} | ${commit()} | ${load} | ${cells.join(' | ')} | ${failed.length === 0 ? 'all met' : `missed: ${failed.join(', ')}`} |`;
}

const LATEST = ['<!-- bench:latest -->', '<!-- /bench:latest -->'] as const;
const MACHINE = ['<!-- bench:machine -->', '<!-- /bench:machine -->'] as const;
const ROWS = ['<!-- bench:history -->', '<!-- /bench:history -->'] as const;

function replaceBetween(text: string, [start, end]: readonly [string, string], body: string): string {
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a < 0 || b < a) throw new Error(`${DOCS}: markers ${start} … ${end} are missing`);
  return `${text.slice(0, a + start.length)}\n${body}\n${text.slice(b)}`;
}

/** Puts the latest table and machine in docs/performance.md and appends one history row (old rows stay). */
export function writeDocs(figures: readonly Figure[], m: Machine, load: string): void {
  if (!existsSync(DOCS)) throw new Error(`${DOCS} does not exist`);
  let text = readFileSync(DOCS, 'utf8');
  const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
  text = replaceBetween(text, LATEST, `Run ${date} UTC at commit ${commit()} (${load}).\n\n${resultsTable(figures)}`);
  text = replaceBetween(text, MACHINE, machineText(m));
  const a = text.indexOf(ROWS[0]);
  const b = text.indexOf(ROWS[1]);
  if (a < 0 || b < a) throw new Error(`${DOCS}: history markers are missing`);
  const existing = text
    .slice(a + ROWS[0].length, b)
    .split('\n')
    .filter((l) => l.trim().length > 0);
  const head = `| date | commit | load | ${HISTORY.map((h) => h.head).join(' | ')} | targets |`;
  const rule = `|${' --- |'.repeat(HISTORY.length + 4)}`;
  const old = existing.filter((l) => l.startsWith('| 2'));
  text = `${text.slice(0, a + ROWS[0].length)}\n${[head, rule, ...old, historyRow(figures, load)].join('\n')}\n${text.slice(b)}`;
  writeFileSync(DOCS, text);
}
