import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filesConnector } from '../../src/connectors/files.js';
import type { Row } from '../../src/types.js';
import { fileContainer, tempTree } from './files-helpers.js';

/**
 * Bounded memory: files far larger than maxLineBytes are read while resident memory grows by a
 * small fraction of the file size. Each file is written in 1 MiB pieces, never held whole.
 */

const MiB = 1024 * 1024;
let tree: ReturnType<typeof tempTree>;

beforeAll(() => {
  tree = tempTree('pdmap-files-mem-');
});
afterAll(() => {
  tree.cleanup();
});

function writeInPieces(rel: string, pieces: Iterable<string | Uint8Array>): string {
  const file = join(tree.dir, rel);
  const fd = openSync(file, 'w');
  try {
    for (const piece of pieces) writeSync(fd, typeof piece === 'string' ? Buffer.from(piece) : piece);
  } finally {
    closeSync(fd);
  }
  return file;
}

function* repeat(piece: Uint8Array, times: number): Generator<Uint8Array> {
  for (let i = 0; i < times; i++) yield piece;
}

/** Peak growth of RSS and of heap + array buffers while `run` reads, polled every few ms. */
async function measure(run: () => Promise<void>): Promise<{ rss: number; js: number; ms: number }> {
  const js = (): number => {
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  const baseRss = process.memoryUsage().rss;
  const baseJs = js();
  let peakRss = baseRss;
  let peakJs = baseJs;
  const poll = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    peakJs = Math.max(peakJs, js());
  }, 2);
  const started = Date.now();
  try {
    await run();
  } finally {
    clearInterval(poll);
  }
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  peakJs = Math.max(peakJs, js());
  return { rss: peakRss - baseRss, js: peakJs - baseJs, ms: Date.now() - started };
}

async function readAll(path: string, id: string, maxLineBytes?: number): Promise<{ rows: Row[]; error?: unknown; bytes: number }> {
  const c = filesConnector({ path, ...(maxLineBytes ? { maxLineBytes } : {}) });
  const rows: Row[] = [];
  try {
    for await (const row of c.sample(fileContainer(id), {})) rows.push(row);
  } catch (error) {
    return { rows, error, bytes: c.stats.bytes };
  }
  return { rows, bytes: c.stats.bytes };
}

describe('files connector: bounded memory', () => {
  it('streams a 200 MiB file without a newline: one cut row, RSS grows far less than the file', async () => {
    // Growth levels off (about 30-40 MiB measured for 50, 128 and 256 MiB files alike): it is
    // read buffers awaiting V8's next collection, not data held by the reader.
    writeInPieces('one-line.log', repeat(Buffer.alloc(MiB, 'a'), 200));
    let result: Awaited<ReturnType<typeof readAll>> | undefined;
    const m = await measure(async () => {
      result = await readAll(tree.dir, 'one-line.log');
    });
    console.info(`200 MiB single line: RSS +${(m.rss / MiB).toFixed(1)} MiB, heap+buffers +${(m.js / MiB).toFixed(1)} MiB, ${m.ms} ms`);
    expect(result?.error).toBeUndefined();
    expect(result?.rows).toHaveLength(1);
    expect((result?.rows[0]?.line as string).length).toBe(MiB);
    expect(result?.bytes).toBeGreaterThanOrEqual(200 * MiB);
    expect(m.rss).toBeLessThan(80 * MiB);
    expect(m.ms).toBeLessThan(10_000);
  });

  it('streams the same single line as NDJSON and as UTF-16 text within the same bound', async () => {
    writeInPieces('one-line.ndjson', ['{"note":"', ...repeat(Buffer.alloc(MiB, 'b'), 30), '"}\n{"email":"a@b.dk"}\n']);
    const bom = Buffer.from([0xff, 0xfe]);
    writeInPieces('one-line-utf16.txt', [bom, ...repeat(Buffer.from('c\u0000'.repeat(MiB / 2), 'latin1'), 30), Buffer.from('\n\u0000x\u0000', 'latin1')]);
    let nd: Awaited<ReturnType<typeof readAll>> | undefined;
    let u16: Awaited<ReturnType<typeof readAll>> | undefined;
    const m = await measure(async () => {
      nd = await readAll(tree.dir, 'one-line.ndjson');
      u16 = await readAll(tree.dir, 'one-line-utf16.txt');
    });
    console.info(`30 MiB NDJSON line + 30 MiB UTF-16 line: RSS +${(m.rss / MiB).toFixed(1)} MiB, ${m.ms} ms`);
    expect(nd?.error).toBeUndefined();
    // The cut record is not JSON: skipped and counted; the next record is read.
    expect(nd?.rows).toEqual([{ email: 'a@b.dk' }]);
    expect(u16?.rows).toHaveLength(2);
    expect((u16?.rows[0]?.line as string).length).toBe(MiB);
    expect(u16?.rows[1]).toEqual({ line: 'x' });
    expect(m.rss).toBeLessThan(60 * MiB);
  });

  it('streams a 40 MiB JSON array record by record, and a 20 MiB string value cut to 64 KiB', async () => {
    const record = (i: number): string => `{"id":${i},"email":"user${i}@example.com","name":"Person ${i}","notes":"${'n'.repeat(100)}"},`;
    function* array(): Generator<string | Uint8Array> {
      yield '{"customers":[';
      let piece = '';
      let i = 0;
      let written = 0;
      while (written < 40 * MiB) {
        piece += record(i++);
        if (piece.length > MiB) {
          written += piece.length;
          yield piece;
          piece = '';
        }
      }
      yield `${piece}{"id":-1}],"huge":"`;
      yield* repeat(Buffer.alloc(MiB, 'h'), 20);
      yield '"}';
    }
    writeInPieces('big.json', array());
    let count = 0;
    let last: Row | undefined;
    let first: Row | undefined;
    const m = await measure(async () => {
      const c = filesConnector({ path: tree.dir });
      for await (const row of c.sample(fileContainer('big.json'), {})) {
        count++;
        first ??= row;
        last = row;
      }
    });
    console.info(`40 MiB JSON array (${count} rows) + 20 MiB string: RSS +${(m.rss / MiB).toFixed(1)} MiB, ${m.ms} ms`);
    expect(first).toMatchObject({ 'customers[].id': 0, 'customers[].email': 'user0@example.com' });
    expect(count).toBeGreaterThan(200_000);
    expect((last?.huge as string).length).toBe(64 * 1024);
    expect(m.rss).toBeLessThan(40 * MiB);
  });

  it('stops at an unclosed CSV quote after maxLineBytes, not at the end of a 40 MiB file', async () => {
    writeInPieces('open.csv', ['name,email\nAnn,a@b.dk\nBo,"', ...repeat(Buffer.alloc(MiB, 'q'), 40)]);
    let result: Awaited<ReturnType<typeof readAll>> | undefined;
    const m = await measure(async () => {
      result = await readAll(tree.dir, 'open.csv');
    });
    console.info(`40 MiB unclosed quote: read ${((result?.bytes ?? 0) / MiB).toFixed(1)} MiB, RSS +${(m.rss / MiB).toFixed(1)} MiB`);
    expect(result?.rows).toEqual([{ name: 'Ann', email: 'a@b.dk' }]);
    expect(result?.error).toBeDefined();
    expect(result?.bytes).toBeLessThan(4 * MiB);
  });
});
