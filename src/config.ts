import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { PdmapError } from './errors.js';
import type { SourceConfig } from './sources.js';

/**
 * The config file: `pdmap.config.ts`, `.mjs`, `.js`, `.json`, `.yaml` or `.yml`.
 * The zod schema below is the reference; docs/configuration.md explains each key.
 */

/** Reads a secret from the environment when the config is loaded; fails clearly when it is unset. */
export function env(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') {
    throw new PdmapError('parse', `Environment variable ${name} is not set`, `set ${name} before running pdmap (the config reads it with env('${name}'))`);
  }
  return value;
}

const Glob = z.string().min(1);
const ConfigSource = z.union([
  z.string().min(1).describe('a URL or path, as on the command line'),
  z
    .object({
      name: z.string().min(1).optional().describe('display name used in reports and allow-lists'),
      url: z.string().min(1).describe('postgres://, mysql:// or mariadb:// URL; use env() or ${VAR} for secrets'),
      databases: z.array(z.string()).optional().describe('MySQL/MariaDB: databases to scan when the URL names none'),
      statementTimeoutMs: z.number().int().positive().optional(),
      maxConnections: z.number().int().positive().optional(),
    })
    .strict(),
  z
    .object({
      name: z.string().min(1).optional(),
      path: z.string().min(1).describe('a SQLite file (sqlite:…, *.db, *.sqlite) or a folder/glob of files'),
      kind: z.enum(['sqlite', 'files']).optional().describe('force the kind when the path does not tell'),
    })
    .strict(),
]);

const FailOnRule = z.enum(['new-pii', 'unlinked', 'plaintext-password', 'retention-overdue', 'scan-error', 'undeclared-category', 'marketing-without-consent', 'any-pii']);
export type FailOnRule = z.infer<typeof FailOnRule>;

const AllowEntry = z
  .object({
    location: Glob.describe('glob over `source/container/field`, e.g. `crm/public.customer/*`'),
    rule: z.union([FailOnRule, z.literal('*')]).default('*').describe('the fail-on rule this entry silences'),
    reason: z.string().min(3).describe('why this finding is accepted'),
    expires: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
      .describe('after this date the finding fails the run again'),
  })
  .strict();
export type AllowEntry = z.infer<typeof AllowEntry>;

export const ConfigSchema = z
  .object({
    sources: z.array(ConfigSource).default([]).describe('what to scan'),
    include: z.array(Glob).optional().describe('only containers whose id matches'),
    exclude: z.array(Glob).optional().describe('skip containers whose id matches'),
    excludeFields: z.array(Glob).optional().describe('skip fields, `schema.table.column`'),
    sample: z
      .object({
        size: z.number().int().positive().default(1000).describe('non-empty values per field'),
        full: z.boolean().default(false).describe('read everything'),
      })
      .strict()
      .default({ size: 1000, full: false }),
    detectors: z
      .object({
        country: z.string().length(2).default('DK').describe('default country for phone and postal formats'),
        minConfidence: z.number().min(0).max(1).default(0.5),
        disable: z.array(z.string()).default([]).describe('detector ids to switch off'),
      })
      .strict()
      .default({ country: 'DK', minConfidence: 0.5, disable: [] }),
    concurrency: z.number().int().positive().default(2),
    views: z.boolean().default(false),
    policy: z.string().optional().describe('policy file (YAML); default: the policy written from the seed privacy policy'),
    output: z
      .object({
        dir: z.string().default('pdmap-report'),
        formats: z.array(z.string()).default(['json']),
      })
      .strict()
      .default({ dir: 'pdmap-report', formats: ['json'] }),
    baseline: z.string().optional().describe('a previous inventory.json to diff against'),
    failOn: z.array(FailOnRule).default([]).describe('findings that make the run exit 1'),
    allow: z.array(AllowEntry).default([]).describe('accepted findings, each with a reason and an expiry date'),
    cache: z
      .object({
        enabled: z.boolean().default(true),
        dir: z.string().default('.pdmap-cache'),
      })
      .strict()
      .default({ enabled: true, dir: '.pdmap-cache' }),
  })
  .strict();

export type PdmapConfigInput = z.input<typeof ConfigSchema>;
export type PdmapConfig = z.output<typeof ConfigSchema>;

/** Identity helper that types a config file: `export default defineConfig({ … })`. */
export function defineConfig(config: PdmapConfigInput): PdmapConfigInput {
  return config;
}

export const CONFIG_FILES = ['pdmap.config.ts', 'pdmap.config.mts', 'pdmap.config.mjs', 'pdmap.config.js', 'pdmap.config.json', 'pdmap.config.yaml', 'pdmap.config.yml'];

/** Finds the config file in `cwd`, if any. */
export function findConfig(cwd: string): string | undefined {
  for (const name of CONFIG_FILES) {
    const p = resolve(cwd, name);
    if (existsSync(p)) return p;
  }
  return undefined;
}

/** Loads and validates a config file. Errors name the key that is wrong and why. */
export async function loadConfig(path: string): Promise<{ config: PdmapConfig; baseDir: string }> {
  const file = resolve(path);
  if (!existsSync(file)) throw new PdmapError('not-found', `Config file ${path} does not exist`, 'create one with `pdmap init` or pass --config');
  let raw: unknown;
  try {
    if (/\.ya?ml$/i.test(file)) raw = interpolateEnv(parseYaml(await readFile(file, 'utf8')) as unknown);
    else if (/\.json$/i.test(file)) raw = interpolateEnv(JSON.parse(await readFile(file, 'utf8')) as unknown);
    else {
      const { createJiti } = await import('jiti');
      const jiti = createJiti(import.meta.url, { moduleCache: false });
      const mod = await jiti.import<{ default?: unknown }>(file);
      raw = interpolateEnv(mod.default ?? mod);
    }
  } catch (err) {
    if (err instanceof PdmapError) throw err;
    throw new PdmapError('parse', `Cannot read config ${path}: ${(err as Error).message}`, 'check the file syntax', { cause: err });
  }
  return { config: parseConfig(raw, path), baseDir: dirname(file) };
}

export function parseConfig(raw: unknown, where = 'config'): PdmapConfig {
  const result = ConfigSchema.safeParse(raw ?? {});
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(top level)'}: ${i.message}`);
    throw new PdmapError('parse', `Invalid config in ${where}: ${problems.join('; ')}`, 'see docs/configuration.md for the keys and their types');
  }
  return result.data;
}

/** `${VAR}` inside strings of JSON/YAML configs reads the environment, so secrets stay out of files. */
function interpolateEnv(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(/\$\{([A-Z_][A-Z0-9_]*)\}/g, (_, name: string) => env(name));
  if (Array.isArray(value)) return value.map(interpolateEnv);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolateEnv(v)]));
  }
  return value;
}

/** Turns config sources into source configs, resolving relative paths against the config's folder. */
export function configSources(config: PdmapConfig, baseDir: string, parse: (spec: string) => SourceConfig): SourceConfig[] {
  const rel = (p: string) => (isAbsolute(p) ? p : resolve(baseDir, p));
  return config.sources.map((s): SourceConfig => {
    if (typeof s === 'string') {
      const parsed = parse(s);
      return parsed.kind === 'sqlite' || parsed.kind === 'files' ? { ...parsed, path: rel(parsed.path) } : parsed;
    }
    if ('url' in s) {
      const parsed = parse(s.url);
      if (parsed.kind !== 'postgres' && parsed.kind !== 'mysql') {
        throw new PdmapError('parse', `Source ${s.name ?? s.url}: "url" must be a postgres:// or mysql:// URL`, 'use "path" for SQLite files and folders');
      }
      return {
        ...parsed,
        ...(s.name ? { name: s.name } : {}),
        ...(s.databases ? { databases: s.databases } : {}),
        ...(s.statementTimeoutMs ? { statementTimeoutMs: s.statementTimeoutMs } : {}),
        ...(s.maxConnections ? { maxConnections: s.maxConnections } : {}),
      };
    }
    const parsed = s.kind ? { kind: s.kind, path: s.path.replace(/^sqlite:/, '') } : parse(s.path);
    if (parsed.kind !== 'sqlite' && parsed.kind !== 'files') {
      throw new PdmapError('parse', `Source ${s.name ?? s.path}: "path" must be a file, folder or glob`, 'use "url" for database servers');
    }
    return { ...parsed, path: rel(parsed.path), ...(s.name ? { name: s.name } : {}) };
  });
}
