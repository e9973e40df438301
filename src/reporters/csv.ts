import type { ProcessingRecord } from '../policy/record.js';
import { neutralizeFormula, recordSheets, type Cell, type Sheet } from './sheets.js';

/**
 * The record as CSV, one file per sheet (controller-record.csv, processor-record.csv,
 * data-map.csv, gaps.csv, retention.csv, matrix.csv). RFC 4180 quoting, CRLF line ends, a UTF-8
 * byte-order mark so spreadsheet programs read æøå correctly, and formula injection neutralised.
 */

export function csvCell(value: Cell): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = neutralizeFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function sheetToCsv(sheet: Sheet): string {
  const lines = [sheet.columns.map((c) => csvCell(c.header)), ...sheet.rows.map((r) => r.map(csvCell))];
  return `\uFEFF${lines.map((l) => l.join(',')).join('\r\n')}\r\n`;
}

/** File name → CSV text. */
export function renderCsv(record: ProcessingRecord): Map<string, string> {
  return new Map(recordSheets(record).map((s) => [s.file, sheetToCsv(s)]));
}
