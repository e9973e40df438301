import { open, stat, type FileHandle } from 'node:fs/promises';
import { basename, dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import fg from 'fast-glob';
import { PdmapError } from '../errors.js';
import type { Container, FieldInfo, FileFormat, Row } from '../types.js';
import { newStats, type Connector, type DiscoverOptions, type SampleOptions } from './connector.js';
import { csvLayout, csvRows, headerFromHead } from './files/csv.js';
import { HEAD_BYTES, decodeHead, decodeLine, sniffHead, toUtf8, type HeadInfo } from './files/encoding.js';
import { binaryHint, detectFormat, formatFromExtension } from './files/format.js';
import { jsonRowReader, type JsonStep } from './files/json.js';
import { readChunks, splitLines } from './files/lines.js';
import { MAX_ROWS_PER_RECORD, flattenRecord, type RowLimits } from './files/rows.js';
import { listFiles } from './files/walk.js';

/**
 * The files connector: CSV, TSV, JSON, NDJSON and text/log files in a folder, a single file or a
 * glob, read as streams whose memory is bounded whatever the file size.
 *
 * Discovery
 * - Every file under the root matching include/exclude (globs over the posix relative path, which
 *   is also the container id), sorted. Dot files and folders only when an include names them.
 *   A single-file source lists that file whatever include/exclude say.
 * - Symbolic links are not followed by default. With `followSymlinks`, each linked folder is
 *   walked once (by device and inode) and each file listed once, so loops end.
 * - The first 64 KiB of each file is sniffed: encoding, binary content, format (extension and
 *   content together, see files/format.ts); CSV containers carry their header as fields.
 * - Binary files are listed and fail in sample with a `parse` error naming what they are and what
 *   to do (a SQLite database, an archive or Office file, a PDF…): they often hold personal data a
 *   person should look at. Images, media, fonts and compiled code are skipped without a word
 *   unless an include names them. Unreadable files are listed and fail with `permission`.
 *
 * Sampling opens the file once (one `stats.queries`) and streams rows:
 * - CSV/TSV: csv-parse, delimiter sniffed among , ; tab | (or Excel's `sep=` line), the first
 *   record as header unless it looks like data (then `column_N`). Ragged rows: extra cells as
 *   `column_N`, missing ones absent. A quote that never closes ends the read after
 *   `maxLineBytes` with a `parse` error; the rows before it have been yielded.
 * - NDJSON: line by line, each line flattened to key paths (files/rows.ts); bad lines are counted
 *   and skipped, a file with no valid line fails with `parse`.
 * - JSON: streamed token by token; the elements of the outermost arrays are rows (files/json.ts).
 *   Invalid or truncated JSON: the rows before the error are yielded, then a `parse` error.
 * - Text/log: `{ line }` per non-empty line, or the flattened object for a line that is one.
 * - Lines longer than `maxLineBytes` are cut (counted in `issues`), the rest skipped unbuffered.
 * - UTF-8 (BOM or not), UTF-16 LE/BE (BOM, or sniffed from the NUL pattern), and Windows-1252
 *   when the head is not UTF-8 at all; invalid UTF-8 becomes U+FFFD; NUL bytes are dropped.
 * - With a limit, text and NDJSON files from 16 MiB on are read in runs: the first half of the
 *   rows from the start, the rest from up to 8 evenly spaced offsets (resynchronised on the next
 *   newline). CSV and JSON are read from the start only (a quoted newline or a nesting level
 *   cannot be found from an arbitrary offset).
 * Error messages name the file and never carry its contents.
 */

export interface FilesConnectorOptions {
  /** A folder (scanned recursively), a single file, or a glob. */
  readonly path: string;
  /** Display name (default `files:<path>`). */
  readonly name?: string;
  /** Globs relative to the root (default: every file except media, fonts and compiled code). */
  readonly include?: readonly string[];
  readonly exclude?: readonly string[];
  /** Longer lines and records are cut (or, for a CSV record, end the read), never loaded whole. Default 1 MiB. */
  readonly maxLineBytes?: number;
  /** Default false: symbolic links are not followed. */
  readonly followSymlinks?: boolean;
}

/** What was not read as-is in one file: for tests and diagnostics, never carries values. */
export interface FileIssues {
  /** Lines or records longer than `maxLineBytes`, cut. */
  cutLines: number;
  /** NDJSON lines that are not JSON, CSV records with a quoting error: skipped. */
  badRecords: number;
  /** Values beyond a row's bounds (fields, size, array expansion, nesting depth): not kept. */
  droppedValues: number;
}

export interface FilesConnector extends Connector {
  /** Per container id, what the last sample of that file skipped or cut. */
  readonly issues: ReadonlyMap<string, FileIssues>;
}

export const DEFAULT_MAX_LINE_BYTES = 1024 * 1024;
/** Text and NDJSON files from this size on are sampled in spread-out runs. */
export const SPREAD_MIN_BYTES = 16 * 1024 * 1024;
const SPREAD_RUNS = 8;
/** Distinct fields kept in one row of a JSON record. */
const MAX_ROW_FIELDS = 2000;
/** An NDJSON file whose first this-many lines are all invalid is not NDJSON: stop early. */
const NDJSON_GIVE_UP_LINES = 1000;

interface Root {
  /** Absolute folder container ids are relative to. */
  readonly root: string;
  /** A single file source: its name inside `root`. */
  readonly single?: string;
  /** A glob source: the glob part, relative to `root`. */
  readonly pattern?: string;
}

export function filesConnector(options: FilesConnectorOptions): FilesConnector {
  const maxLineBytes = Math.max(1, Math.floor(options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES));
  const name = options.name ?? `files:${options.path}`;
  const stats = newStats();
  const issues = new Map<string, FileIssues>();
  const rowLimits: RowLimits = { maxFields: MAX_ROW_FIELDS, maxChars: maxLineBytes, maxRowsPerRecord: MAX_ROWS_PER_RECORD };
  let closed = false;
  let rootPromise: Promise<Root> | undefined;
  const getRoot = (): Promise<Root> => (rootPromise ??= resolveRoot(options.path));

  const assertOpen = (): void => {
    if (closed) throw new PdmapError('aborted', `The connector for ${name} is closed`);
  };

  async function* discover(discoverOptions?: DiscoverOptions): AsyncGenerator<Container> {
    assertOpen();
    const signal = discoverOptions?.signal;
    signal?.throwIfAborted();
    const root = await getRoot();
    const files = root.single
      ? [root.single]
      : await listFiles({
          root: root.root,
          ...(options.include ? { include: options.include } : {}),
          ...(options.exclude ? { exclude: options.exclude } : {}),
          ...(root.pattern ? { pattern: root.pattern } : {}),
          followSymlinks: options.followSymlinks === true,
          ...(signal ? { signal } : {}),
        });
    for (const id of files) {
      signal?.throwIfAborted();
      const container = await describeFile(root.root, id, (n) => (stats.bytes += n));
      if (container) yield container;
    }
  }

  async function* sample(container: Container, sampleOptions: SampleOptions): AsyncGenerator<Row> {
    assertOpen();
    const { limit, signal } = sampleOptions;
    if (limit !== undefined && limit <= 0) return;
    signal?.throwIfAborted();
    const root = await getRoot();
    const id = container.id;
    const file = resolveInside(root.root, id);
    stats.queries++;
    const handle = await openFile(file, id);
    const fileIssues: FileIssues = { cutLines: 0, badRecords: 0, droppedValues: 0 };
    issues.set(id, fileIssues);
    const onRead = (n: number): void => {
      stats.bytes += n;
    };
    try {
      const { size, head } = await readHead(handle, id, onRead);
      const info = sniffHead(head);
      if (info.binary) {
        const { label, hint } = binaryHint(info.binary);
        throw new PdmapError('parse', `Cannot read file ${id}: it is ${label}`, hint);
      }
      const headText = decodeHead(head, info);
      const format: FileFormat = container.format ?? detectFormat(id, headText);
      const ctx: ReadContext = { handle, id, size, info, maxLineBytes, rowLimits, issues: fileIssues, onRead, ...(signal ? { signal } : {}) };
      let rows: AsyncIterable<Row>;
      if (format === 'csv' || format === 'tsv') rows = readCsv(ctx, headText, format);
      else if (format === 'json') rows = readJson(ctx);
      else rows = readLines(ctx, format, limit);

      const wanted = sampleOptions.fields ? new Set(sampleOptions.fields) : undefined;
      let n = 0;
      for await (const row of rows) {
        signal?.throwIfAborted();
        stats.rows++;
        n++;
        yield wanted ? project(row, wanted) : row;
        if (limit !== undefined && n >= limit) return;
      }
    } finally {
      await handle.close().catch(() => undefined);
    }
  }

  return {
    kind: 'files',
    name,
    target: options.path,
    stats,
    issues,
    discover,
    sample,
    async close() {
      closed = true;
    },
  };
}

// ─── discovery ────────────────────────────────────────────────────────────────────────────

async function resolveRoot(path: string): Promise<Root> {
  const abs = resolve(path);
  let info;
  try {
    info = await stat(abs);
  } catch (err) {
    if (errorCode(err) === 'ENOENT' && fg.isDynamicPattern(toPosix(path))) return globRoot(path);
    throw fileError(err, path, 'files source');
  }
  if (info.isFile()) return { root: dirname(abs), single: basename(abs) };
  if (info.isDirectory()) return { root: abs };
  throw new PdmapError('parse', `The files source ${path} is neither a file nor a folder`, 'point it at a folder, a file or a glob');
}

/** `exports/2024-*.csv` → root `exports`, pattern `2024-*.csv`: ids stay relative to the static part. */
function globRoot(path: string): Root {
  const segments = toPosix(path).split('/');
  const firstDynamic = segments.findIndex((s) => s.length > 0 && fg.isDynamicPattern(s));
  const base = segments.slice(0, firstDynamic).join('/');
  const root = resolve(base.length > 0 ? base : segments[0] === '' ? '/' : '.');
  return { root, pattern: segments.slice(firstDynamic).join('/') };
}

/** Stats and sniffs one listed file; undefined when it vanished since it was listed. */
async function describeFile(root: string, id: string, onRead: (n: number) => void): Promise<Container | undefined> {
  const file = resolveInside(root, id);
  let info;
  try {
    info = await stat(file);
  } catch {
    return undefined;
  }
  if (!info.isFile()) return undefined;
  const base = { id, type: 'file' as const, name: id, sizeBytes: info.size, modifiedAt: info.mtime.toISOString() };
  let handle: FileHandle;
  try {
    handle = await open(file, 'r');
  } catch (err) {
    // Listed all the same: sample reports it (permission denied) and the scan goes on.
    return { ...base, fields: [], format: formatFromExtension(id), meta: { unreadable: errorCode(err) ?? 'error' } };
  }
  try {
    const { head } = await readHead(handle, id, onRead);
    const headInfo = sniffHead(head);
    if (headInfo.binary) return { ...base, fields: [], meta: { binary: headInfo.binary } };
    const text = decodeHead(head, headInfo);
    const format = detectFormat(id, text);
    let fields: FieldInfo[] = [];
    const meta: Record<string, unknown> = { encoding: headInfo.encoding };
    if (format === 'csv' || format === 'tsv') {
      const { delimiter, sepLine } = csvLayout(text, format === 'tsv' ? '\t' : ',');
      meta.delimiter = delimiter;
      fields = (headerFromHead(text, delimiter, sepLine) ?? []).map((n) => ({ name: n }));
    }
    return { ...base, fields, format, meta };
  } catch {
    return { ...base, fields: [], format: formatFromExtension(id) };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

// ─── reading ──────────────────────────────────────────────────────────────────────────────

interface ReadContext {
  readonly handle: FileHandle;
  readonly id: string;
  readonly size: number;
  readonly info: HeadInfo;
  readonly maxLineBytes: number;
  readonly rowLimits: RowLimits;
  readonly issues: FileIssues;
  readonly onRead: (n: number) => void;
  readonly signal?: AbortSignal;
}

/** UTF-8 chunks of a byte range (the BOM skipped by starting after it). */
function utf8Range(ctx: ReadContext, start: number, end: number | undefined, onRead = ctx.onRead): AsyncIterable<Uint8Array> {
  return toUtf8(readChunks(ctx.handle, { start, ...(end !== undefined ? { end } : {}) }, onRead, ctx.signal), ctx.info.encoding);
}

function readCsv(ctx: ReadContext, headText: string, format: 'csv' | 'tsv'): AsyncIterable<Row> {
  const { delimiter, sepLine } = csvLayout(headText, format === 'tsv' ? '\t' : ',');
  return csvRows(utf8Range(ctx, ctx.info.bomBytes, undefined), { delimiter, sepLine, maxRecordBytes: ctx.maxLineBytes, file: ctx.id }, ctx.issues);
}

async function* readJson(ctx: ReadContext): AsyncGenerator<Row> {
  const reader = jsonRowReader({ maxFields: ctx.rowLimits.maxFields, maxChars: ctx.rowLimits.maxChars }, ctx.issues);
  const decoder = new TextDecoder('utf-8');
  const fail = (step: JsonStep): PdmapError => {
    const n = reader.records();
    return new PdmapError(
      'parse',
      `Invalid JSON in ${ctx.id} after ${n} record${n === 1 ? '' : 's'} (${step.error?.message ?? 'parse error'})`,
      'the file may be truncated or not JSON: fix it, or exclude it',
      { cause: step.error },
    );
  };
  for await (const chunk of utf8Range(ctx, ctx.info.bomBytes, undefined)) {
    const step = reader.write(decoder.decode(chunk, { stream: true }));
    yield* step.rows;
    if (step.error) {
      yield* reader.pending();
      throw fail(step);
    }
  }
  for (const finish of [() => reader.write(decoder.decode()), () => reader.end()]) {
    const step = finish();
    yield* step.rows;
    if (step.error) {
      yield* reader.pending();
      throw fail(step);
    }
  }
}

/**
 * Text and NDJSON, line by line. With a limit on a big file, half the rows come from the start
 * and half from runs at evenly spaced offsets, so a sample is not just the oldest lines of a log.
 */
async function* readLines(ctx: ReadContext, format: 'ndjson' | 'text', limit: number | undefined): AsyncGenerator<Row> {
  let good = 0;
  let bad = 0;
  const toRows = (text: string): Row[] => {
    const trimmed = text.trim();
    if (trimmed.length === 0) return [];
    if (format === 'text') {
      if (trimmed.startsWith('{') && trimmed.endsWith('}')) {
        const value = tryJson(trimmed);
        if (value !== undefined && value !== null && typeof value === 'object') return flattenRecord(value, ctx.rowLimits, ctx.issues);
      }
      return [{ line: text }];
    }
    const value = tryJson(trimmed);
    if (value === undefined) {
      bad++;
      ctx.issues.badRecords++;
      if (good === 0 && bad >= NDJSON_GIVE_UP_LINES) throw notNdjson(ctx.id, bad);
      return [];
    }
    good++;
    return flattenRecord(value, ctx.rowLimits, ctx.issues);
  };

  /** Rows of one byte range, at most `quota`; returns true when the range was read to its end. */
  async function* run(start: number, end: number | undefined, skipFirstLine: boolean, quota: number, onRead: (n: number) => void): AsyncGenerator<Row, boolean> {
    let produced = 0;
    const lines = splitLines(utf8Range(ctx, start, end, onRead), { maxLineBytes: ctx.maxLineBytes, skipFirstLine, emitUnterminated: end === undefined }, ctx.issues);
    for await (const line of lines) {
      for (const row of toRows(decodeLine(line))) {
        yield row;
        if (++produced >= quota) return false;
      }
    }
    return true;
  }

  const bom = ctx.info.bomBytes;
  const spread = limit !== undefined && ctx.size >= SPREAD_MIN_BYTES && limit >= 2 * SPREAD_RUNS;
  if (!spread) {
    yield* run(bom, undefined, false, limit ?? Number.POSITIVE_INFINITY, ctx.onRead);
    if (good === 0 && bad > 0) throw notNdjson(ctx.id, bad);
    return;
  }

  let firstRead = 0;
  const headQuota = Math.ceil(limit / 2);
  const exhausted = yield* run(bom, undefined, false, headQuota, (n) => {
    firstRead += n;
    ctx.onRead(n);
  });
  if (exhausted) {
    if (good === 0 && bad > 0) throw notNdjson(ctx.id, bad);
    return;
  }
  // Offsets past what the first run already pulled from disk, so no line is read twice.
  const readUpTo = bom + firstRead;
  const step = ctx.info.encoding.startsWith('utf-16') ? 2 : 1;
  const offsets: number[] = [];
  for (let i = 1; i <= SPREAD_RUNS; i++) {
    let offset = bom + Math.floor(((ctx.size - bom) * i) / (SPREAD_RUNS + 1));
    offset -= (offset - bom) % step;
    if (offset > readUpTo) offsets.push(offset);
  }
  let remaining = limit - headQuota;
  for (let j = 0; j < offsets.length && remaining > 0; j++) {
    const quota = Math.ceil(remaining / (offsets.length - j));
    const next = offsets[j + 1];
    let produced = 0;
    for await (const row of run(offsets[j] as number, next === undefined ? undefined : next - 1, true, quota, ctx.onRead)) {
      produced++;
      yield row;
    }
    remaining -= produced;
  }
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function notNdjson(id: string, bad: number): PdmapError {
  return new PdmapError('parse', `${id} is not NDJSON: none of its first ${bad} non-empty lines is valid JSON`, 'check the file format, or rename it to .txt to read it as text');
}

async function readHead(handle: FileHandle, id: string, onRead: (n: number) => void): Promise<{ size: number; head: Uint8Array }> {
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw new PdmapError('parse', `${id} is a folder, not a file`, 'exclude it');
    const buffer = Buffer.alloc(Math.min(HEAD_BYTES, Math.max(0, info.size)));
    let filled = 0;
    while (filled < buffer.length) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    onRead(filled);
    return { size: info.size, head: buffer.subarray(0, filled) };
  } catch (err) {
    if (err instanceof PdmapError) throw err;
    throw fileError(err, id, 'file');
  }
}

// ─── helpers ──────────────────────────────────────────────────────────────────────────────

function project(row: Row, wanted: ReadonlySet<string>): Row {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(row)) if (wanted.has(key)) Object.defineProperty(out, key, { value: row[key], enumerable: true, writable: true, configurable: true });
  return out;
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

/** The absolute path of a container id; an id that climbs out of the root is refused. */
function resolveInside(root: string, id: string): string {
  const file = resolve(root, id);
  const rel = relative(root, file);
  if (rel.length === 0 || rel.startsWith('..') || isAbsolute(rel)) {
    throw new PdmapError('not-found', `File ${id} is not inside ${root}`, 'use the container ids that discover returns');
  }
  return file;
}

async function openFile(file: string, id: string): Promise<FileHandle> {
  try {
    return await open(file, 'r');
  } catch (err) {
    throw fileError(err, id, 'file');
  }
}

function errorCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function fileError(err: unknown, what: string, kind: 'file' | 'files source'): PdmapError | unknown {
  switch (errorCode(err)) {
    case 'ENOENT':
      return new PdmapError('not-found', `The ${kind} ${what} does not exist`, kind === 'file' ? 'it was removed since discovery: scan again' : 'check the path', { cause: err });
    case 'EACCES':
    case 'EPERM':
      return new PdmapError('permission', `Cannot read the ${kind} ${what}: permission denied`, 'give the user running pdmap read access, or exclude it', { cause: err });
    case 'EISDIR':
      return new PdmapError('parse', `${what} is a folder, not a file`, 'exclude it', { cause: err });
    case 'ELOOP':
      return new PdmapError('parse', `${what} is a symbolic link loop`, 'exclude it', { cause: err });
    default:
      return err;
  }
}
