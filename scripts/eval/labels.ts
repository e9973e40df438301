import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

/**
 * Ground-truth labels: one row per column, `engine,database,schema,table,column,label`.
 * The same format serves the dev datasets and the synthetic fixtures (engine `files`: `table` is
 * the file's relative path and `column` the field path).
 */
export interface LabelRow {
  readonly engine: string;
  readonly database: string;
  readonly schema: string;
  readonly table: string;
  readonly column: string;
  readonly label: string;
}

const COLUMNS = ['engine', 'database', 'schema', 'table', 'column', 'label'] as const;

export function parseLabels(csv: string, origin = 'labels'): LabelRow[] {
  const records: unknown = parse(csv, { columns: true, skip_empty_lines: true, trim: true, bom: true });
  if (!Array.isArray(records)) throw new Error(`${origin}: not a CSV table`);
  return records.map((r: unknown, i) => {
    if (typeof r !== 'object' || r === null) throw new Error(`${origin}: row ${i + 2} is not a record`);
    const rec = r as Record<string, unknown>;
    const get = (k: (typeof COLUMNS)[number]): string => {
      const v = rec[k];
      if (typeof v !== 'string') throw new Error(`${origin}: row ${i + 2} has no "${k}" column (expected ${COLUMNS.join(',')})`);
      return v;
    };
    const row = { engine: get('engine').toLowerCase(), database: get('database'), schema: get('schema'), table: get('table'), column: get('column'), label: get('label') };
    if (row.label === '') throw new Error(`${origin}: row ${i + 2} has an empty label`);
    return row;
  });
}

export function loadLabels(path: string): LabelRow[] {
  return parseLabels(readFileSync(path, 'utf8'), path);
}
