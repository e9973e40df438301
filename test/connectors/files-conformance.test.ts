import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { filesConnector } from '../../src/connectors/files.js';
import { runConnectorConformance, type ConformanceBackend, type ConformanceStore, type Fixture, type FixtureTable, type FixtureValue } from './conformance.js';

/**
 * The shared connector suite over the files connector: each fixture table is written as one file
 * per format. Files have no views, no catalogue types and no binary values; CSV has no NULL
 * (an empty cell), JSON does. Spread sampling starts at 16 MiB, far above these fixtures.
 */

interface FileFormatWriter {
  readonly extension: string;
  /** Field names are known at discovery (a CSV header); JSON files reveal them while read. */
  readonly fieldsAtDiscovery: boolean;
  readonly nulls: boolean;
  write(table: FixtureTable): string;
}

function csvCell(value: FixtureValue, delimiter: string): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value : Buffer.from(value).toString('hex');
  return text.includes(delimiter) || text.includes('"') || text.includes('\n') || text.includes('\r') ? `"${text.replaceAll('"', '""')}"` : text;
}

const delimited = (extension: string, delimiter: string): FileFormatWriter => ({
  extension,
  fieldsAtDiscovery: true,
  nulls: false,
  write: (table) =>
    [table.fields.map((f) => f.name), ...table.rows].map((row) => row.map((v) => csvCell(v, delimiter)).join(delimiter)).join('\r\n') + '\r\n',
});

const record = (table: FixtureTable, row: readonly FixtureValue[]): Record<string, unknown> =>
  Object.fromEntries(table.fields.map((f, i) => [f.name, row[i] instanceof Uint8Array ? null : row[i]]));

const FORMATS: Readonly<Record<string, FileFormatWriter>> = {
  csv: delimited('csv', ','),
  'csv (semicolon)': delimited('csv', ';'),
  tsv: delimited('tsv', '\t'),
  ndjson: {
    extension: 'ndjson',
    fieldsAtDiscovery: false,
    nulls: true,
    write: (table) => table.rows.map((row) => JSON.stringify(record(table, row))).join('\n') + '\n',
  },
  'json array': {
    extension: 'json',
    fieldsAtDiscovery: false,
    nulls: true,
    write: (table) => `[\n${table.rows.map((row) => `  ${JSON.stringify(record(table, row))}`).join(',\n')}\n]\n`,
  },
};

interface FilesStore extends ConformanceStore {
  readonly dir: string;
}

function backend(format: FileFormatWriter): ConformanceBackend<FilesStore> {
  return {
    kind: 'files',
    capabilities: {
      binary: false,
      nulls: format.nulls,
      views: false,
      fieldTypes: false,
      spread: false,
      fieldsAtDiscovery: format.fieldsAtDiscovery,
      containerType: 'file',
    },
    async create(fixture: Fixture) {
      const dir = mkdtempSync(join(tmpdir(), 'pdmap-files-conformance-'));
      const fileName = (name: string): string => `${name}.${format.extension}`;
      for (const table of fixture.tables) writeFileSync(join(dir, fileName(table.name)), format.write(table));
      return {
        dir,
        connector: () => filesConnector({ path: dir, include: [`*.${format.extension}`] }),
        containerId: fileName,
        exists: async (name) => existsSync(join(dir, fileName(name))),
        destroy: async () => rmSync(dir, { recursive: true, force: true }),
      };
    },
    async failingContainer(store) {
      // Binary content under a data extension: reported as a parse error, and the next file reads.
      writeFileSync(join(store.dir, `broken.${format.extension}`), Buffer.concat([Buffer.from('SQLite format 3\u0000'), Buffer.alloc(64)]));
      return { connector: store.connector(), failing: `broken.${format.extension}`, next: store.containerId('people'), code: 'parse' };
    },
  };
}

for (const [label, format] of Object.entries(FORMATS)) runConnectorConformance(`files (${label})`, backend(format));
