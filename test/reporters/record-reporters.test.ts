import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { seedPolicy } from '../../src/policy/load.js';
import { buildRecord } from '../../src/policy/record.js';
import { planRetentionChecks } from '../../src/policy/retention.js';
import { csvCell, renderCsv } from '../../src/reporters/csv.js';
import { esc, renderHtml } from '../../src/reporters/html.js';
import { renderMarkdown } from '../../src/reporters/markdown.js';
import { renderRecordJson } from '../../src/reporters/record-json.js';
import { CONTROLLER_COLUMNS, neutralizeFormula } from '../../src/reporters/sheets.js';
import { renderXlsx } from '../../src/reporters/xlsx.js';
import type { FieldVerdict, Inventory } from '../../src/types.js';
import { fixtureInventory, SOURCE } from '../policy/fixture.js';

const FORMULA = '=HYPERLINK("http://evil.example","click")';
const HOSTILE = '<script>alert(1)</script>';

/** The fixture plus a column whose name is a spreadsheet formula. */
function inventory(): Inventory {
  const inv = fixtureInventory();
  const template = inv.fields.find((f) => f.location.field === HOSTILE) as FieldVerdict;
  const formula: FieldVerdict = { ...template, location: { ...template.location, field: FORMULA } };
  return { ...inv, fields: [...inv.fields, formula] };
}

const policy = seedPolicy();
const record = buildRecord(inventory(), policy, planRetentionChecks(inventory(), policy, new Date('2025-01-01T00:00:00Z')).map((c) =>
  c.status === 'planned' ? { ...c, status: 'counted' as const, overdue: 12 } : c,
));

describe('HTML report', () => {
  const html = renderHtml(record);

  it('is one self-contained file: no external scripts, styles, images or fonts', () => {
    expect(html).not.toMatch(/<(?:link|img|iframe)\b/i);
    expect(html).not.toMatch(/\bsrc=/i);
    expect(html).not.toMatch(/url\(/i);
    expect(html.match(/<script/g)).toHaveLength(1);
  });

  it('escapes every name: a hostile column name is shown, never markup', () => {
    expect(html).not.toContain(HOSTILE);
    expect(html).toContain(esc(HOSTILE));
    expect(esc(`"'<>&`)).toBe('&#34;&#39;&#60;&#62;&#38;');
  });

  it('allows only its own script by hash in the Content-Security-Policy', () => {
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    const hash = createHash('sha256').update(script).digest('base64');
    expect(html).toContain(`script-src 'sha256-${hash}'`);
    expect(html).toContain("default-src 'none'");
  });

  it('has the summary, matrix, gaps, records, processor record and data map', () => {
    for (const id of ['summary', 'matrix', 'gaps', 'purposes', 'processor', 'datamap', 'retention']) expect(html).toContain(`id="${id}"`);
    expect(html).toContain('Record of processing activities — controller (Art. 30(1))');
    expect(html).toContain('Record of processing activities — processor (Art. 30(2))');
    expect(html).toContain('Schrems II');
  });
});

describe('CSV and XLSX', () => {
  it('neutralises formula injection and quotes by RFC 4180', () => {
    expect(neutralizeFormula('=1+1')).toBe("'=1+1");
    expect(neutralizeFormula('+45 1234')).toBe("'+45 1234");
    expect(neutralizeFormula('-x')).toBe("'-x");
    expect(neutralizeFormula('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutralizeFormula('\tx')).toBe("'\tx");
    expect(neutralizeFormula('plain')).toBe('plain');
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
    expect(csvCell(-3)).toBe('-3');
  });

  const files = renderCsv(record);

  it('writes one file per sheet, the controller record in the ICO column order', () => {
    expect([...files.keys()]).toEqual(['controller-record.csv', 'processor-record.csv', 'data-map.csv', 'gaps.csv', 'retention.csv', 'matrix.csv']);
    const controller = files.get('controller-record.csv') ?? '';
    expect(controller.startsWith('\uFEFFPurpose no.,Purpose of processing,Name and contact details of joint controller (if applicable),Categories of individuals,Categories of personal data,Categories of recipients,Link to contract with processor,')).toBe(true);
    expect(controller.split('\r\n').filter(Boolean)).toHaveLength(1 + 8);
    expect(files.get('processor-record.csv')).toContain('Name and contact details of processor');
  });

  it('never writes a cell that starts a formula', () => {
    const dataMap = files.get('data-map.csv') ?? '';
    expect(dataMap).toContain(`"'${FORMULA.replace(/"/g, '""')}"`);
    for (const text of files.values()) {
      for (const line of text.split('\r\n')) {
        for (const cell of line.split(',')) expect(cell.replace(/^"/, '')).not.toMatch(/^[=+@]/);
      }
    }
  });

  it('writes a workbook with the same sheets, text cells only, formulas neutralised', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderXlsx(record)) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', 'Controller record', 'Processor record', 'Data map', 'Gaps', 'Retention', 'Matrix']);
    const controller = wb.getWorksheet('Controller record');
    expect((controller?.getRow(1).values as unknown[]).slice(1)).toEqual(CONTROLLER_COLUMNS.map(([h]) => h));
    const values: unknown[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => {
      expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
      values.push(cell.value);
    })));
    expect(values).toContain(`'${FORMULA}`);
    expect(values).not.toContain(FORMULA);
  });
});

describe('Markdown summary', () => {
  const md = renderMarkdown(record);

  it('is short: counts, top gaps, personal data per purpose', () => {
    expect(md).toMatch(/\*\*18\*\* personal-data fields in \*\*10\*\* of 10 tables and files/);
    expect(md).toContain('### Top gaps');
    expect(md).toContain('| 6. Quotes, orders and invoicing | 6(1)(b), 6(1)(c) | main.orders (2), main.quotes (1) | suggested |');
    expect(md.split('\n').length).toBeLessThan(60);
  });

  it('escapes names so they cannot add markup or break the tables', () => {
    expect(md).not.toContain(HOSTILE);
    expect(md).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

describe('JSON record', () => {
  it('holds the whole record', () => {
    const parsed = JSON.parse(renderRecordJson(record)) as typeof record;
    expect(parsed).toEqual(JSON.parse(JSON.stringify(record)));
    expect(parsed).toMatchObject({ schemaVersion: '1.0', kind: 'pdmap-record', controller: { name: policy.controller.name } });
    expect(parsed.dataMap.find((e) => e.key === `${SOURCE}.main.customers.email`)?.categories[0]?.examples).toEqual(['a***@***.dk']);
  });
});
