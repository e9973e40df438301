import type { FileFormat } from '../../types.js';
import type { BinaryKind } from './encoding.js';

/**
 * A file's format from its extension and its first characters. Content wins where the two
 * disagree in a way that can be read: JSON in a `.csv` is read as JSON, one JSON value per line in
 * a `.json` is read as NDJSON, non-JSON text in a `.json` is read as text. A `.txt` or `.log`
 * stays text even when it holds CSV: its header cannot be trusted to name the fields.
 */

const EXTENSION_FORMATS: Readonly<Record<string, FileFormat>> = {
  csv: 'csv',
  tsv: 'tsv',
  tab: 'tsv',
  json: 'json',
  geojson: 'json',
  ndjson: 'ndjson',
  jsonl: 'ndjson',
  ldjson: 'ndjson',
};

/**
 * Extensions of files that cannot hold records pdmap reads: skipped without a word when the
 * default include is in use (media, fonts, compiled code). Archives, Office files, PDFs and
 * databases are NOT here: they often hold personal data, so they are listed and reported as
 * unreadable with a hint, for a person to look at.
 */
const NON_DATA_EXTENSIONS: ReadonlySet<string> = new Set([
  'png', 'jpg', 'jpeg', 'gif', 'bmp', 'ico', 'icns', 'webp', 'tif', 'tiff', 'heic', 'avif', 'svg', 'psd',
  'mp3', 'wav', 'flac', 'ogg', 'oga', 'm4a', 'aac', 'opus',
  'mp4', 'm4v', 'mov', 'avi', 'mkv', 'webm', 'wmv',
  'woff', 'woff2', 'ttf', 'otf', 'eot',
  'exe', 'dll', 'so', 'dylib', 'o', 'a', 'lib', 'obj', 'class', 'jar', 'pyc', 'pyo', 'wasm', 'node',
]);

export function extensionOf(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase();
}

export function isNonDataFile(path: string): boolean {
  return NON_DATA_EXTENSIONS.has(extensionOf(path));
}

export function formatFromExtension(path: string): FileFormat {
  return EXTENSION_FORMATS[extensionOf(path)] ?? 'text';
}

/** The format to read a text file in, from its extension and its decoded head. */
export function detectFormat(path: string, headText: string): FileFormat {
  const byExtension = formatFromExtension(path);
  if (byExtension === 'text') return 'text';
  const text = headText.trimStart();
  if (text.length === 0) return byExtension;
  if (byExtension === 'csv' || byExtension === 'tsv') return jsonShape(text) ?? byExtension;
  // A .json or .jsonl that starts like JSON is read as JSON even if it turns out broken: the
  // error then says so. Anything else in it is text.
  if (text[0] !== '{' && text[0] !== '[') return 'text';
  const shape = jsonShape(text, false) ?? 'json';
  if (byExtension === 'ndjson') {
    // Trust the extension unless the first line is an unfinished, pretty-printed document.
    const nl = text.indexOf('\n');
    return nl !== -1 && !parses(text.slice(0, nl)) ? 'json' : 'ndjson';
  }
  return shape;
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

const JSON_AFTER_BRACKET = new Set(['{', '[', '"', '-', ']', 't', 'f', 'n', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);

/**
 * 'ndjson' when the first line is a whole JSON value and another value follows on its own line;
 * undefined when the text does not start like JSON (strictly: `{"` or `[{`…, so a CSV header
 * such as `[id],name` is not taken for JSON).
 */
export function jsonShape(text: string, strict = true): 'json' | 'ndjson' | undefined {
  const first = text[0];
  if (first !== '{' && first !== '[') return undefined;
  const next = text.slice(1).trimStart()[0];
  if (strict && next !== undefined) {
    if (first === '{' && next !== '"' && next !== '}') return undefined;
    if (first === '[' && !JSON_AFTER_BRACKET.has(next)) return undefined;
  }
  const nl = text.indexOf('\n');
  if (nl === -1) return 'json';
  const rest = text.slice(nl + 1).trimStart();
  if (rest[0] !== '{' && rest[0] !== '[') return 'json';
  return parses(text.slice(0, nl)) ? 'ndjson' : 'json';
}

/** What a binary file is and what to do about it, for the error that reports it. */
export function binaryHint(kind: BinaryKind): { readonly label: string; readonly hint: string } {
  switch (kind) {
    case 'sqlite':
      return { label: 'a SQLite database', hint: 'scan it as a source of its own (sqlite:<path>), or exclude it' };
    case 'zip':
      return { label: 'a ZIP archive (or an .xlsx/.docx file)', hint: 'pdmap does not open archives or Office files: export the data to CSV, or exclude the file' };
    case 'ole2':
      return { label: 'an old Office document (.xls/.doc)', hint: 'export the data to CSV, or exclude the file' };
    case 'gzip':
    case 'bzip2':
    case 'xz':
    case '7z':
    case 'zstd':
      return { label: `a ${kind} compressed file`, hint: 'decompress it to scan its contents, or exclude it' };
    case 'pdf':
      return { label: 'a PDF document', hint: 'pdmap does not read PDFs: review it by hand, or exclude it' };
    case 'parquet':
      return { label: 'a Parquet file', hint: 'export the data to CSV or NDJSON, or exclude the file' };
    case 'png':
    case 'jpeg':
    case 'gif':
      return { label: `a ${kind.toUpperCase()} image`, hint: 'images are not scanned; exclude it' };
    case 'elf':
      return { label: 'an executable', hint: 'exclude it' };
    case 'binary':
      return { label: 'binary content', hint: 'it is not text, CSV or JSON: exclude it, or convert it to one of those' };
  }
}
