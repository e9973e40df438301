import type { ProcessingRecord } from '../policy/record.js';

/** The whole record as JSON (record.json; schema in docs/reports.md). Examples in it are masked. */
export function renderRecordJson(record: ProcessingRecord): string {
  return `${JSON.stringify(record, null, 2)}\n`;
}
