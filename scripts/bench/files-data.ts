import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import { POOLS, jsValue, shape } from './data.js';

/**
 * Bench files, fast: one block of records is rendered once (fixed seed), then written again and
 * again with each record's id patched in place, so gigabytes take seconds and no two records
 * carry the same id.
 */

export type FileKind = 'csv' | 'ndjson' | 'log';

/** Fixed-width ids, so a block can be patched in place. */
const ID_DIGITS = 12;
const ID_MARK = '#'.repeat(ID_DIGITS);
const RECORDS_PER_BLOCK = 4096;

const csvCell = (v: string): string => (/[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
const pick = (pool: readonly string[], i: number, m: number): string => pool[(i * m) % pool.length] as string;

function record(kind: FileKind, i: number): string {
  if (kind === 'csv') {
    const s = shape('customers');
    return `${ID_MARK},${s.columns.slice(1).map((c) => csvCell(jsValue(c, i))).join(',')}\n`;
  }
  const first = pick(POOLS.first, i, 7919);
  const last = pick(POOLS.last, i, 104_729);
  const email = `${first}.${last}@${pick(POOLS.domain, i, 31)}`.toLowerCase();
  const ip = `${1 + ((i * 13) % 223)}.${(i * 17) % 256}.${(i * 19) % 256}.${1 + ((i * 23) % 254)}`;
  const at = new Date(Date.UTC(2024, 0, 1) + ((i * 104_729) % 31_536_000) * 1000).toISOString();
  if (kind === 'ndjson') {
    return `${JSON.stringify({
      id: ID_MARK,
      at,
      event: pick(POOLS.eventType, i, 7),
      user: { email, name: `${first} ${last}`, phone: `+45 ${20_000_000 + ((i * 7919) % 79_999_999)}` },
      client: { ip, agent: pick(POOLS.userAgent, i, 29) },
      path: pick(POOLS.path, i, 37),
      duration_ms: (i * 7919) % 30_000,
    })}\n`;
  }
  const level = i % 50 === 0 ? 'WARN' : 'INFO';
  return `${at} ${level} [${pick(POOLS.eventType, i, 7)}] req=${ID_MARK} user=${email} ip=${ip} path=${pick(POOLS.path, i, 37)} msg="${pick(POOLS.sentence, i, 61)}"\n`;
}

interface Block {
  readonly bytes: Buffer;
  /** Byte offset of each record's id. */
  readonly idAt: readonly number[];
}

function renderBlock(kind: FileKind): Block {
  const parts: Buffer[] = [];
  const idAt: number[] = [];
  let offset = 0;
  for (let k = 0; k < RECORDS_PER_BLOCK; k++) {
    const text = Buffer.from(record(kind, k + 1));
    idAt.push(offset + text.indexOf(ID_MARK));
    parts.push(text);
    offset += text.length;
  }
  return { bytes: Buffer.concat(parts), idAt };
}

const blocks = new Map<FileKind, Block>();

/** Writes a file of about `bytes` bytes (whole records); returns its exact size. */
export function writeBenchFile(file: string, kind: FileKind, bytes: number): number {
  let block = blocks.get(kind);
  if (!block) blocks.set(kind, (block = renderBlock(kind)));
  mkdirSync(path.dirname(file), { recursive: true });
  const fd = openSync(file, 'w');
  let written = 0;
  try {
    // The CSV header comes once, before the first block.
    if (kind === 'csv') written += writeSync(fd, `id,${shape('customers').columns.slice(1).map((c) => c.name).join(',')}\n`);
    const buf = Buffer.from(block.bytes);
    let id = 1;
    while (written < bytes) {
      for (const at of block.idAt) {
        buf.write(String(id++).padStart(ID_DIGITS, '0'), at, 'latin1');
      }
      const take = written + buf.length <= bytes ? buf.length : lastRecordEnd(buf, bytes - written);
      if (take === 0) break;
      written += writeSync(fd, buf, 0, take);
    }
  } finally {
    closeSync(fd);
  }
  return written;
}

/** Bytes up to and including the last newline within the first `max` bytes. */
function lastRecordEnd(buf: Buffer, max: number): number {
  const nl = buf.lastIndexOf(10, Math.max(0, max - 1));
  return nl < 0 ? 0 : nl + 1;
}

export interface FileSet {
  readonly dir: string;
  readonly files: readonly { readonly path: string; readonly kind: FileKind; readonly bytes: number }[];
  readonly bytes: number;
}

/** A folder with one CSV, one NDJSON and one log file, split 40 / 40 / 20 of `totalBytes`. */
export function writeFileSet(dir: string, totalBytes: number): FileSet {
  const plan: [string, FileKind, number][] = [
    ['customers.csv', 'csv', 0.4],
    ['events.ndjson', 'ndjson', 0.4],
    ['app.log', 'log', 0.2],
  ];
  const files = plan.map(([name, kind, share]) => {
    const file = path.join(dir, name);
    return { path: file, kind, bytes: writeBenchFile(file, kind, Math.floor(totalBytes * share)) };
  });
  return { dir, files, bytes: files.reduce((n, f) => n + f.bytes, 0) };
}
