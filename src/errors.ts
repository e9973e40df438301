import { redactText } from './redact.js';
import type { ScanErrorCode } from './types.js';

/**
 * Errors pdmap raises on purpose carry a code and a hint: what failed, where, how to fix it.
 * Everything else (driver errors, I/O errors) is mapped to a code by `describeError`.
 */
export class PdmapError extends Error {
  readonly code: ScanErrorCode;
  readonly hint: string | undefined;
  constructor(code: ScanErrorCode, message: string, hint?: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PdmapError';
    this.code = code;
    this.hint = hint;
  }
}

/** Error codes of the drivers and of Node, mapped to pdmap's codes. */
const DRIVER_CODES: Readonly<Record<string, ScanErrorCode>> = {
  // PostgreSQL SQLSTATE
  '42501': 'permission',
  '57014': 'timeout',
  '28P01': 'connect',
  '28000': 'connect',
  '3D000': 'not-found',
  '42P01': 'not-found',
  '57P01': 'connect',
  // The server is shutting down or restarting, or the connection broke (class 08).
  '57P02': 'connect',
  '57P03': 'connect',
  '08000': 'connect',
  '08003': 'connect',
  '08006': 'connect',
  '25006': 'permission',
  // MySQL / MariaDB
  ER_TABLEACCESS_DENIED_ERROR: 'permission',
  ER_COLUMNACCESS_DENIED_ERROR: 'permission',
  ER_DBACCESS_DENIED_ERROR: 'permission',
  ER_ACCESS_DENIED_ERROR: 'connect',
  ER_BAD_DB_ERROR: 'not-found',
  ER_NO_SUCH_TABLE: 'not-found',
  ER_QUERY_TIMEOUT: 'timeout',
  ER_STATEMENT_TIMEOUT: 'timeout',
  ER_CANT_EXECUTE_IN_READ_ONLY_TRANSACTION: 'permission',
  ER_OPTION_PREVENTS_STATEMENT: 'permission',
  ER_PROCACCESS_DENIED_ERROR: 'permission',
  PROTOCOL_CONNECTION_LOST: 'connect',
  ER_CONNECTION_KILLED: 'connect',
  ER_SERVER_SHUTDOWN: 'connect',
  // SQLite
  SQLITE_CANTOPEN: 'not-found',
  SQLITE_NOTADB: 'parse',
  SQLITE_CORRUPT: 'parse',
  SQLITE_READONLY: 'permission',
  SQLITE_AUTH: 'permission',
  // Node
  ECONNREFUSED: 'connect',
  ECONNRESET: 'connect',
  EPIPE: 'connect',
  ETIMEDOUT: 'timeout',
  ENOTFOUND: 'connect',
  EHOSTUNREACH: 'connect',
  ENOENT: 'not-found',
  EACCES: 'permission',
  EPERM: 'permission',
  ELOOP: 'parse',
  EISDIR: 'parse',
  ABORT_ERR: 'aborted',
};

/** MariaDB's max_statement_time error (1969) and MySQL's (3024) have no stable code string everywhere. */
const ERRNO_CODES: Readonly<Record<number, ScanErrorCode>> = { 1969: 'timeout', 3024: 'timeout', 1142: 'permission', 1143: 'permission', 1044: 'permission', 1045: 'connect', 1049: 'not-found', 1053: 'connect', 1927: 'connect', 1792: 'permission', 1290: 'permission', 1370: 'permission' };

export interface DescribedError {
  readonly code: ScanErrorCode;
  /** One line, credentials redacted. */
  readonly message: string;
}

export function describeError(err: unknown): DescribedError {
  if (err instanceof PdmapError) {
    return { code: err.code, message: oneLine(err.hint ? `${err.message} — ${err.hint}` : err.message) };
  }
  const e = err as { code?: unknown; errno?: unknown; message?: unknown; name?: unknown } | null;
  let code: ScanErrorCode = 'unknown';
  if (e && typeof e.code === 'string' && DRIVER_CODES[e.code]) code = DRIVER_CODES[e.code] ?? 'unknown';
  else if (e && typeof e.errno === 'number' && ERRNO_CODES[e.errno]) code = ERRNO_CODES[e.errno] ?? 'unknown';
  else if (e && e.name === 'AbortError') code = 'aborted';
  const raw = e && typeof e.message === 'string' && e.message.length > 0 ? e.message : String(err);
  return { code, message: oneLine(`${raw}${hintFor(code) ? ` — ${hintFor(code)}` : ''}`) };
}

function hintFor(code: ScanErrorCode): string | undefined {
  switch (code) {
    case 'permission':
      return 'grant the scanning role SELECT on it, or exclude it with --exclude';
    case 'timeout':
      return 'raise --statement-timeout (or statementTimeoutMs of the source in the config file), lower --sample, or exclude it';
    case 'connect':
      return 'check host, port, user and password of the source';
    case 'not-found':
      return 'check the name or path';
    default:
      return undefined;
  }
}

function oneLine(text: string): string {
  const line = redactText(text).replace(/\s+/g, ' ').trim();
  return line.length > 500 ? `${line.slice(0, 497)}...` : line;
}
