/**
 * What a file's first bytes say: binary or text, and which text encoding.
 * Everything downstream reads UTF-8, so other encodings are transcoded chunk by chunk.
 */

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** Kinds of binary content pdmap recognises by their magic bytes; `binary` is anything else. */
export type BinaryKind =
  | 'zip'
  | 'gzip'
  | 'bzip2'
  | 'xz'
  | '7z'
  | 'zstd'
  | 'pdf'
  | 'png'
  | 'jpeg'
  | 'gif'
  | 'sqlite'
  | 'parquet'
  | 'ole2'
  | 'elf'
  | 'binary';

export interface HeadInfo {
  readonly encoding: TextEncoding;
  /** Length of the byte-order mark; reading starts after it. */
  readonly bomBytes: number;
  /** Set when the file is not text. */
  readonly binary?: BinaryKind;
}

/** Bytes read up front to sniff a file: encoding, binary, format, delimiter and CSV header. */
export const HEAD_BYTES = 64 * 1024;
/** Binary and UTF-16 checks look at this much, as `file` and git do. */
const CHECK_BYTES = 8 * 1024;

const MAGIC: readonly { readonly kind: BinaryKind; readonly bytes: readonly number[] }[] = [
  { kind: 'zip', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { kind: 'zip', bytes: [0x50, 0x4b, 0x05, 0x06] },
  { kind: 'gzip', bytes: [0x1f, 0x8b] },
  { kind: 'bzip2', bytes: [0x42, 0x5a, 0x68] },
  { kind: 'xz', bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00] },
  { kind: '7z', bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { kind: 'zstd', bytes: [0x28, 0xb5, 0x2f, 0xfd] },
  { kind: 'pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { kind: 'png', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { kind: 'jpeg', bytes: [0xff, 0xd8, 0xff] },
  { kind: 'gif', bytes: [0x47, 0x49, 0x46, 0x38] },
  // "SQLite format 3\0"
  { kind: 'sqlite', bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66, 0x6f, 0x72, 0x6d, 0x61, 0x74, 0x20, 0x33, 0x00] },
  { kind: 'parquet', bytes: [0x50, 0x41, 0x52, 0x31] },
  { kind: 'ole2', bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
  { kind: 'elf', bytes: [0x7f, 0x45, 0x4c, 0x46] },
];

export function detectMagic(head: Uint8Array): BinaryKind | undefined {
  for (const m of MAGIC) {
    if (head.length >= m.bytes.length && m.bytes.every((b, i) => head[i] === b)) return m.kind;
  }
  return undefined;
}

/** Looks at the first bytes of a file and tells how to read it. */
export function sniffHead(head: Uint8Array): HeadInfo {
  const magic = detectMagic(head);
  if (magic) return { encoding: 'utf-8', bomBytes: 0, binary: magic };
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomBytes: 3 };
  // FF FE 00 00 would be UTF-32 LE; nobody exports that, and as UTF-16 it decodes to NULs that are stripped.
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomBytes: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomBytes: 2 };
  const check = head.subarray(0, CHECK_BYTES);
  const utf16 = sniffUtf16(check);
  if (utf16) return { encoding: utf16, bomBytes: 0 };
  if (looksBinary(check)) return { encoding: 'utf-8', bomBytes: 0, binary: 'binary' };
  return { encoding: looksLikeLatin1(head) ? 'windows-1252' : 'utf-8', bomBytes: 0 };
}

/** UTF-16 without a BOM: mostly-ASCII text has a NUL in every other byte. */
function sniffUtf16(check: Uint8Array): TextEncoding | undefined {
  const pairs = Math.floor(check.length / 2);
  if (pairs < 2) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i + 1 < check.length; i += 2) {
    if (check[i] === 0) evenZeros++;
    if (check[i + 1] === 0) oddZeros++;
  }
  if (oddZeros >= pairs * 0.3 && evenZeros <= pairs * 0.02) return 'utf-16le';
  if (evenZeros >= pairs * 0.3 && oddZeros <= pairs * 0.02) return 'utf-16be';
  return undefined;
}

/**
 * Binary when control characters other than whitespace and ESC are frequent, or when NULs are
 * many and mixed with other controls. A few NULs in text (a log after a crash often has a run of
 * them) do not make a file binary: they are stripped while reading.
 */
function looksBinary(check: Uint8Array): boolean {
  let nul = 0;
  let ctrl = 0;
  for (const b of check) {
    if (b === 0) nul++;
    else if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d && b !== 0x1b) ctrl++;
  }
  const nonNul = check.length - nul;
  if (ctrl > Math.max(4, nonNul * 0.05)) return true;
  return nul > check.length * 0.1 && ctrl > 0;
}

/**
 * Windows-1252 (Latin-1) when the head has bytes that are invalid as UTF-8 and not one valid
 * multi-byte sequence. A UTF-8 file with one broken byte stays UTF-8 (the byte becomes U+FFFD).
 */
function looksLikeLatin1(head: Uint8Array): boolean {
  let invalid = 0;
  let multi = 0;
  let i = 0;
  while (i < head.length) {
    const b = head[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0) {
      invalid++;
      i++;
      continue;
    }
    if (i + len > head.length) break; // cut by the end of the head, not invalid
    let ok = true;
    for (let j = 1; j < len; j++) if (((head[i + j] ?? 0) & 0xc0) !== 0x80) ok = false;
    if (ok) {
      multi++;
      i += len;
    } else {
      invalid++;
      i++;
    }
  }
  return invalid > 0 && multi === 0;
}

/** Text of the head for sniffing: decoded, BOM dropped, NULs stripped; a cut last character is lost. */
export function decodeHead(head: Uint8Array, info: HeadInfo): string {
  return stripNul(new TextDecoder(info.encoding).decode(head.subarray(info.bomBytes)));
}

/** Turns chunks of any supported encoding into UTF-8 chunks; UTF-8 passes through untouched. */
export async function* toUtf8(chunks: AsyncIterable<Uint8Array>, encoding: TextEncoding): AsyncGenerator<Uint8Array> {
  if (encoding === 'utf-8') {
    yield* chunks;
    return;
  }
  // The BOM was skipped by starting the read after it; ignoreBOM keeps a stray one mid-file as text.
  const decoder = new TextDecoder(encoding, { ignoreBOM: true });
  for await (const chunk of chunks) {
    const text = decoder.decode(chunk, { stream: true });
    if (text.length > 0) yield Buffer.from(text, 'utf8');
  }
  const rest = decoder.decode();
  if (rest.length > 0) yield Buffer.from(rest, 'utf8');
}

const utf8 = new TextDecoder('utf-8');

/** Decodes one complete UTF-8 line: invalid bytes become U+FFFD, NULs are dropped. */
export function decodeLine(bytes: Uint8Array): string {
  return stripNul(utf8.decode(bytes));
}

export function stripNul(text: string): string {
  return text.includes('\u0000') ? text.replaceAll('\u0000', '') : text;
}

/** Cuts a trailing incomplete UTF-8 sequence so a line cut at a byte limit ends on a character. */
export function trimPartialUtf8(bytes: Uint8Array): Uint8Array {
  let end = bytes.length;
  let back = 0;
  while (end - back - 1 >= 0 && back < 3 && ((bytes[end - back - 1] ?? 0) & 0xc0) === 0x80) back++;
  const leadIndex = end - back - 1;
  if (leadIndex < 0) return bytes;
  const lead = bytes[leadIndex] ?? 0;
  const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  if (need > back + 1) end = leadIndex;
  return end === bytes.length ? bytes : bytes.subarray(0, end);
}
