import ExcelJS from 'exceljs';
import type { ProcessingRecord } from '../policy/record.js';
import { neutralizeFormula, recordSheets } from './sheets.js';

/**
 * The record as an Excel workbook: a summary sheet, then the controller record (ICO column
 * order), the processor record, the data map, the gaps, retention and the matrix. Every string
 * is written as text, with formula injection neutralised as in CSV.
 */
export async function renderXlsx(record: ProcessingRecord): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = `pdmap ${record.tool.version}`;
  // A fixed date keeps the workbook reproducible for the same record.
  wb.created = new Date(record.generatedAt);
  wb.modified = new Date(record.generatedAt);

  const s = record.summary;
  const summary = wb.addWorksheet('Summary');
  summary.columns = [
    { header: 'Record of processing', key: 'k', width: 38 },
    { header: '', key: 'v', width: 80 },
  ];
  const rows: [string, string | number][] = [
    ['Controller', record.controller.name],
    ['Policy', `${record.policy.title}${record.policy.version ? ` (version ${record.policy.version})` : ''}`],
    ['Generated', record.generatedAt],
    ['Sources scanned', s.sources],
    ['Tables and files', s.containers],
    ['… with personal data', s.containersWithPersonalData],
    ['Personal-data fields', s.personalFields],
    ['Fields linked by declared rules', s.fieldsDeclared],
    ['Fields linked by suggestion', s.fieldsSuggested],
    ['Fields linked to no purpose', s.fieldsUnlinked],
    ['Gaps: high', s.gaps.high],
    ['Gaps: medium', s.gaps.medium],
    ['Gaps: low', s.gaps.low],
    ['Gaps: information', s.gaps.info],
    ['Rows kept longer than their retention period', s.retention.overdueRows],
    ['Scan errors', s.errors],
  ];
  for (const [k, v] of rows) summary.addRow({ k, v: typeof v === 'string' ? neutralizeFormula(v) : v });
  summary.getRow(1).font = { bold: true, size: 13 };

  for (const sheet of recordSheets(record)) {
    const ws = wb.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = sheet.columns.map((c, i) => ({ header: c.header, key: `c${i}`, width: c.width }));
    for (const row of sheet.rows) ws.addRow(row.map((v) => (typeof v === 'string' ? neutralizeFormula(v) : v)));
    const header = ws.getRow(1);
    header.font = { bold: true };
    header.alignment = { wrapText: true, vertical: 'top' };
    header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
    ws.eachRow((r, n) => {
      if (n > 1) r.alignment = { wrapText: true, vertical: 'top' };
    });
    if (sheet.rows.length > 0) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
  }
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
