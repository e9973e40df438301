import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The eval sets, all in one place. A set is a list of sources to scan plus a labels CSV
 * (`engine,database,schema,table,column,label`).
 *
 * - `dev`: Chinook and Northwind in PostgreSQL, MariaDB and SQLite (/work/shared/datasets/dev,
 *   or `PDMAP_DATASETS`), loaded by its `load.sh` unless `--no-load`.
 * - fixture sets: read from `fixtures/eval/manifest.json` when that file exists (see
 *   `loadManifest` for the format), written by the fixture generators (`npm run fixtures`).
 */

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface EvalSource {
  /** What `scan` gets: `postgres://…`, `mysql://…`, `sqlite:path`, or a folder. */
  readonly source: string;
  /** `engine` value of this source's rows in the labels CSV. */
  readonly engine: 'postgres' | 'mysql' | 'sqlite' | 'files';
  /** `database` value of this source's rows in the labels CSV. */
  readonly database: string;
}

export interface EvalSet {
  readonly name: string;
  readonly description: string;
  readonly sources: readonly EvalSource[];
  /** Absolute path of the labels CSV. */
  readonly labels: string;
  /** Loads the data (databases, files) before the scan; skipped with `--no-load`. */
  readonly load?: () => Promise<void> | void;
  /** Where load output goes, for the `--no-load` hint. */
  readonly loadHint?: string;
}

export function datasetsDir(): string {
  return resolve(process.env['PDMAP_DATASETS'] ?? resolve(REPO_ROOT, '..', 'shared', 'datasets', 'dev'));
}

export const SQLITE_DIR = resolve(REPO_ROOT, '.data', 'eval');

const env = (k: string, d: string): string => {
  const v = process.env[k];
  return v === undefined || v === '' ? d : v;
};

/** The same connection settings `load.sh` uses, so the scan reads what was loaded. */
function pgUrl(db: string): string {
  return `postgres://${encodeURIComponent(env('PGUSER', 'postgres'))}@${env('PGHOST', '127.0.0.1')}:${env('PGPORT', '5432')}/${db}`;
}
function mysqlUrl(db: string): string {
  const pwd = process.env['MYSQL_PWD'];
  const auth = encodeURIComponent(env('MYSQL_USER', 'root')) + (pwd ? `:${encodeURIComponent(pwd)}` : '');
  return `mysql://${auth}@${env('MYSQL_HOST', '127.0.0.1')}:${env('MYSQL_PORT', '3306')}/${db}`;
}

export function devSet(load: () => Promise<void> | void): EvalSet {
  const dbs = ['dev_chinook', 'dev_northwind'];
  return {
    name: 'dev',
    description: 'Chinook and Northwind (public sample databases) in PostgreSQL, MariaDB and SQLite',
    labels: resolve(datasetsDir(), 'labels.csv'),
    sources: [
      ...dbs.map((d) => ({ source: pgUrl(d), engine: 'postgres' as const, database: d })),
      ...dbs.map((d) => ({ source: mysqlUrl(d), engine: 'mysql' as const, database: d })),
      ...dbs.map((d) => ({ source: `sqlite:${resolve(SQLITE_DIR, `${d}.sqlite`)}`, engine: 'sqlite' as const, database: d })),
    ],
    load,
    loadHint: `${datasetsDir()}/load.sh ${SQLITE_DIR}`,
  };
}

/** `PDMAP_EVAL_MANIFEST` points elsewhere (a manifest written to a temporary folder, say). */
export const MANIFEST = resolve(process.env['PDMAP_EVAL_MANIFEST'] ?? resolve(REPO_ROOT, 'fixtures', 'eval', 'manifest.json'));

/**
 * The manifests measured by default: our labelled fixtures, and the hold-out sets an independent
 * evaluator labelled (fixtures/holdout/README.md). `PDMAP_EVAL_MANIFEST` replaces both.
 */
export const MANIFESTS: readonly string[] = process.env['PDMAP_EVAL_MANIFEST']
  ? [MANIFEST]
  : [MANIFEST, resolve(REPO_ROOT, 'fixtures', 'holdout', 'manifest.json')];

/**
 * Fixture sets. `fixtures/eval/manifest.json` is a JSON array:
 *
 *   [{ "name": "synthetic-da", "sources": ["sqlite:crm.sqlite", "files-export/"], "labels": "synthetic-da.csv" }]
 *
 * - Relative paths (in `labels`, in `sqlite:` sources and in folder sources) are resolved from the
 *   manifest's folder, `fixtures/eval/`; a path that does not exist there is tried from the repo root.
 * - Labels rows use `engine` `sqlite` or `files`. They are matched to a source by engine and by
 *   `database`: for SQLite the file name without extension (`crm.sqlite` → `crm`), for a folder its
 *   base name (`files-export/` → `files-export`). When a set has one source of an engine, `database`
 *   is not compared, and an empty `database` in the labels matches any source of its engine (use it
 *   only with one `files` source per set). A source may also be an object `{ "source": "...", "database": "crm" }`.
 * - For `files`, `table` is the file's path relative to the scanned folder and `column` the field path.
 */
export function loadManifest(path = MANIFEST): EvalSet[] {
  if (!existsSync(path)) return [];
  const raw: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (!Array.isArray(raw)) throw new Error(`${path}: expected a JSON array of eval sets`);
  const base = dirname(path);
  return raw.map((entry: unknown, i) => {
    if (typeof entry !== 'object' || entry === null) throw new Error(`${path}[${i}]: expected an object`);
    const e = entry as Record<string, unknown>;
    const name = e['name'];
    const labels = e['labels'];
    const sources = e['sources'];
    if (typeof name !== 'string' || name === '') throw new Error(`${path}[${i}]: "name" must be a string`);
    if (typeof labels !== 'string') throw new Error(`${path}[${i}] (${name}): "labels" must be a path`);
    if (!Array.isArray(sources) || sources.length === 0) throw new Error(`${path}[${i}] (${name}): "sources" must be a non-empty array`);
    return {
      name,
      description: typeof e['description'] === 'string' ? e['description'] : `synthetic fixtures (${basename(labels)})`,
      labels: resolvePath(base, labels),
      sources: sources.map((s: unknown, k) => manifestSource(s, base, `${path}[${i}].sources[${k}]`)),
    };
  });
}

function resolvePath(base: string, p: string): string {
  if (isAbsolute(p)) return p;
  const here = resolve(base, p);
  if (existsSync(here)) return here;
  const fromRoot = resolve(REPO_ROOT, p);
  return existsSync(fromRoot) ? fromRoot : here;
}

function manifestSource(s: unknown, base: string, where: string): EvalSource {
  let spec: string;
  let database: string | undefined;
  if (typeof s === 'string') spec = s;
  else if (typeof s === 'object' && s !== null && typeof (s as Record<string, unknown>)['source'] === 'string') {
    const o = s as Record<string, unknown>;
    spec = o['source'] as string;
    if (typeof o['database'] === 'string') database = o['database'];
  } else throw new Error(`${where}: expected a string or { "source": "..." }`);

  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(spec)?.[1]?.toLowerCase();
  if (scheme === 'postgres' || scheme === 'postgresql' || scheme === 'mysql' || scheme === 'mariadb') {
    const engine = scheme.startsWith('postgres') ? 'postgres' : 'mysql';
    return { source: spec, engine, database: database ?? decodeURIComponent(new URL(spec).pathname.replace(/^\//, '')) };
  }
  const isSqlite = scheme === 'sqlite' || (scheme === undefined && /\.(?:sqlite3?|db)$/i.test(spec));
  const path = resolvePath(base, spec.replace(/^(?:sqlite|file):(?:\/\/)?/i, ''));
  const name = basename(path); // resolve() already dropped a trailing slash
  if (isSqlite) return { source: `sqlite:${path}`, engine: 'sqlite', database: database ?? name.slice(0, name.length - extname(name).length) };
  return { source: path, engine: 'files', database: database ?? name };
}
