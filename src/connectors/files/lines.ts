import type { FileHandle } from 'node:fs/promises';
import { trimPartialUtf8 } from './encoding.js';

/**
 * Byte-level reading: chunks from a file handle, and a line splitter whose memory is bounded by
 * `maxLineBytes` however long a line is.
 */

export interface LineCounters {
  /** Lines longer than `maxLineBytes` that were cut. */
  cutLines: number;
}

export interface ReadRange {
  /** First byte to read. */
  readonly start: number;
  /** Last byte to read, inclusive; undefined reads to the end. */
  readonly end?: number;
}

const CHUNK_BYTES = 64 * 1024;

/**
 * Chunks of a byte range of an open file, by positioned reads: one handle serves several ranges
 * and stays open for its owner to close. The signal is checked between reads.
 */
export async function* readChunks(
  handle: FileHandle,
  range: ReadRange,
  onRead: (bytes: number) => void,
  signal: AbortSignal | undefined,
): AsyncGenerator<Uint8Array> {
  let position = range.start;
  const last = range.end ?? Number.POSITIVE_INFINITY;
  while (position <= last) {
    signal?.throwIfAborted();
    // A fresh buffer each time: lines handed out earlier may still point into the previous one.
    const want = Math.min(CHUNK_BYTES, last - position + 1);
    const buffer = Buffer.allocUnsafe(want);
    const { bytesRead } = await handle.read(buffer, 0, want, position);
    if (bytesRead === 0) return;
    onRead(bytesRead);
    position += bytesRead;
    yield bytesRead === want ? buffer : buffer.subarray(0, bytesRead);
  }
}

export interface SplitOptions {
  readonly maxLineBytes: number;
  /** Drop everything up to the first newline: reading started at an arbitrary offset. */
  readonly skipFirstLine?: boolean;
  /** Yield a last line that has no newline (false when a range ends mid-file). */
  readonly emitUnterminated?: boolean;
}

const LF = 0x0a;
const CR = 0x0d;

/**
 * Splits UTF-8 chunks into lines without the newline (and without a trailing CR).
 * A line longer than `maxLineBytes` yields its first `maxLineBytes` at once (cut on a character
 * boundary) and the rest is skipped as it streams by, never buffered.
 * A yielded buffer may share memory with the chunk: use it before asking for the next line.
 */
export async function* splitLines(
  chunks: AsyncIterable<Uint8Array>,
  options: SplitOptions,
  counters: LineCounters,
): AsyncGenerator<Uint8Array> {
  const max = Math.max(1, options.maxLineBytes);
  // Views into chunks: a line spanning chunks pins at most max + 2 chunks.
  let parts: Uint8Array[] = [];
  let partBytes = 0;
  let discarding = options.skipFirstLine === true;

  const take = (tail: Uint8Array): Uint8Array => {
    const line = parts.length === 0 ? tail : Buffer.concat([...parts, tail]);
    parts = [];
    partBytes = 0;
    return line;
  };

  for await (const chunk of chunks) {
    let pos = 0;
    while (pos < chunk.length) {
      const nl = chunk.indexOf(LF, pos);
      if (discarding) {
        if (nl === -1) break;
        discarding = false;
        pos = nl + 1;
        continue;
      }
      const segment = chunk.subarray(pos, nl === -1 ? chunk.length : nl);
      if (partBytes + segment.length > max) {
        counters.cutLines++;
        yield trimPartialUtf8(take(segment.subarray(0, max - partBytes)));
        if (nl === -1) {
          discarding = true;
          break;
        }
        pos = nl + 1;
        continue;
      }
      if (nl === -1) {
        if (segment.length > 0) {
          parts.push(segment);
          partBytes += segment.length;
        }
        break;
      }
      yield withoutCr(take(segment));
      pos = nl + 1;
    }
  }
  if (parts.length > 0 && options.emitUnterminated !== false) yield withoutCr(take(new Uint8Array(0)));
}

function withoutCr(line: Uint8Array): Uint8Array {
  return line.length > 0 && line[line.length - 1] === CR ? line.subarray(0, line.length - 1) : line;
}
