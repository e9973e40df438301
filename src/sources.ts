import { PdmapError } from './errors.js';
import { redactUrl } from './redact.js';
import type { SourceKind } from './types.js';

/** A source as a user writes it in a config file. */
export type SourceConfig =
  | DatabaseSourceConfig
  | { readonly kind: 'sqlite'; readonly path: string; readonly name?: string }
  | { readonly kind: 'files'; readonly path: string; readonly name?: string };

export interface DatabaseSourceConfig {
  readonly kind: 'postgres' | 'mysql';
  readonly url: string;
  readonly name?: string;
  /** Databases to scan when the URL names none (MySQL/MariaDB); default all non-system ones. */
  readonly databases?: readonly string[];
  readonly statementTimeoutMs?: number;
  readonly maxConnections?: number;
}

/**
 * Parses a source as given on the command line:
 * `postgres://…`, `postgresql://…`, `mysql://…`, `mariadb://…`, `sqlite:path`, or a folder, file or glob.
 */
export function parseSource(spec: string): SourceConfig {
  const s = spec.trim();
  if (s.length === 0) throw new PdmapError('parse', 'Empty source', 'give a URL such as postgres://user@host/db, sqlite:./app.db or a folder');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(s)?.[1]?.toLowerCase();
  if (scheme === 'postgres' || scheme === 'postgresql') return { kind: 'postgres', url: s };
  if (scheme === 'mysql' || scheme === 'mariadb') return { kind: 'mysql', url: s.replace(/^mariadb:/i, 'mysql:') };
  if (scheme === 'sqlite') return { kind: 'sqlite', path: s.replace(/^sqlite:(?:\/\/)?/i, '') };
  if (scheme === 'file') return { kind: 'files', path: s.replace(/^file:(?:\/\/)?/i, '') };
  if (scheme !== undefined && scheme.length > 1 && s.includes('://')) {
    throw new PdmapError('parse', `Unsupported source scheme "${scheme}:" in ${redactUrl(s)}`, 'use postgres://, mysql://, mariadb://, sqlite: or a path');
  }
  if (/\.(?:sqlite3?|db)$/i.test(s)) return { kind: 'sqlite', path: s };
  return { kind: 'files', path: s };
}

/** The display name of a source: its configured name, or a credential-free summary of its target. */
export function sourceDisplayName(source: SourceConfig): string {
  if (source.name) return source.name;
  if (source.kind === 'sqlite' || source.kind === 'files') return `${source.kind}:${source.path}`;
  try {
    const u = new URL(source.url);
    const db = u.pathname.replace(/^\//, '');
    return `${source.kind}:${u.hostname}${u.port ? `:${u.port}` : ''}${db ? `/${decodeURIComponent(db)}` : ''}`;
  } catch {
    return source.kind;
  }
}

export function sourceTarget(source: SourceConfig): string {
  return source.kind === 'sqlite' || source.kind === 'files' ? source.path : redactUrl(source.url);
}

export const SOURCE_KINDS: readonly SourceKind[] = ['postgres', 'mysql', 'sqlite', 'files'];
