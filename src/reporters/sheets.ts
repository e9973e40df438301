import type { ContactInfo, ProcessingRecord } from '../policy/record.js';
import { formatDuration } from '../policy/retention.js';

/**
 * The record as tables, shared by the CSV and XLSX reporters: one sheet (or file) each for the
 * controller record, the processor record, the data map, the gaps, retention and the matrix.
 * The controller and processor sheets follow the column order of the UK ICO's
 * record-of-processing templates, so a DPO can paste them into the ICO spreadsheet.
 */

export type Cell = string | number;

export interface Sheet {
  /** Sheet name in the workbook (≤ 31 characters). */
  readonly name: string;
  /** File name for CSV. */
  readonly file: string;
  readonly columns: readonly { readonly header: string; readonly width: number }[];
  readonly rows: readonly (readonly Cell[])[];
}

/**
 * Spreadsheet formula injection: a value starting with = + - @ (or tab/CR, which some programs
 * skip before a formula) is prefixed with an apostrophe so it is shown as text, never run.
 */
export function neutralizeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

const join = (xs: readonly string[], sep = '; ') => xs.filter((x) => x.length > 0).join(sep);

export function contactText(c: ContactInfo | undefined): string {
  if (!c) return '';
  return join([c.name ?? '', c.address ?? '', c.email ?? '', c.phone ?? ''], ', ');
}

export const CONTROLLER_COLUMNS = [
  ['Purpose no.', 8],
  ['Purpose of processing', 50],
  ['Name and contact details of joint controller (if applicable)', 24],
  ['Categories of individuals', 30],
  ['Categories of personal data', 40],
  ['Categories of recipients', 40],
  ['Link to contract with processor', 30],
  ['Names of third countries or international organisations that personal data are transferred to (if applicable)', 24],
  ['Safeguards for exceptional transfers of personal data to third countries or international organisations (if applicable)', 40],
  ['Retention schedule (if possible)', 40],
  ['General description of technical and organisational security measures (if possible)', 40],
  ['Article 6 lawful basis for processing personal data', 28],
  ['Article 9 basis for processing special category data', 20],
  ['Legitimate interests for the processing (if applicable)', 30],
  ['Rights available to individuals', 30],
  ['Source of personal data', 30],
  ['Link to record of consent', 30],
  ['Location of personal data', 50],
  ['Personal-data fields found', 12],
  ['Found but not declared', 30],
  ['Open gaps', 10],
] as const;

export function recordSheets(record: ProcessingRecord): Sheet[] {
  const cols = (spec: readonly (readonly [string, number])[]) => spec.map(([header, width]) => ({ header, width }));

  const controller: Sheet = {
    name: 'Controller record',
    file: 'controller-record.csv',
    columns: cols(CONTROLLER_COLUMNS),
    rows: record.purposes.map((p) => [
      p.id,
      `${p.name}: ${p.description}`,
      join(record.controller.jointControllers.map(contactText)),
      join(p.dataSubjects.map((s) => s.name)),
      join(p.dataCategories.map((c) => `${c.name} (${c.pdmapCategories.join(', ')}; ${c.fields} fields found)`)),
      join(p.recipients.map((r) => (r.condition ? `${r.name} (${r.condition})` : r.name))),
      join(p.recipients.filter((r) => r.processor).map((r) => `${r.name}: data processing agreement (Art. 28)`)),
      join([...new Set(p.transfers.flatMap((t) => t.countries))]),
      join(p.transfers.flatMap((t) => t.safeguards.map((s) => s.label))),
      join(p.retention.map((r) => r.text), ' '),
      join(p.measures.map((m) => m.name)),
      join(p.legalBasis.map((b) => b.label)),
      '',
      join([p.legitimateInterest ?? '', p.legalObligation ? `Legal obligation: ${p.legalObligation}` : '']),
      join(p.rights),
      join(p.sources.map((s) => s.name)),
      p.consentRequired ? (p.consentRecords.length ? join(p.consentRecords) : 'No consent record found') : 'Not applicable',
      join(p.locations.map((l) => `${l.key} (${l.fields} fields, ${l.link})`)),
      p.linkedFields,
      join(p.undeclaredFound.map((u) => `${u.label} (${u.fields})`)),
      p.gaps,
    ]),
  };

  const pr = record.processor;
  const processor: Sheet = {
    name: 'Processor record',
    file: 'processor-record.csv',
    columns: cols([
      ['Name and contact details of processor', 36],
      ['Name and contact details of controller', 36],
      ["Name and contact details of processor's representative (if applicable)", 24],
      ['Name and contact details of data protection officer (if applicable)', 24],
      ['Categories of processing', 50],
      ['Names of third countries or international organisations that personal data are transferred to (if applicable)', 24],
      ['Safeguards for exceptional transfers of personal data to third countries or international organisations (if applicable)', 40],
      ['General description of technical and organisational security measures (if possible)', 40],
      ['Sub-processors', 30],
      ['Processing agreement', 40],
    ]),
    rows: pr
      ? pr.categoriesOfProcessing.map((c) => [
          contactText(pr.processor),
          pr.controllers,
          contactText(pr.processor.representative),
          contactText(pr.processor.dpo),
          c,
          join([...new Set(pr.transfers.flatMap((t) => t.countries))]),
          join(pr.transfers.flatMap((t) => t.safeguards.map((s) => s.label))),
          join(pr.measures.map((m) => m.name)),
          join(pr.subProcessors.map((s) => s.name)),
          pr.agreement ?? '',
        ])
      : [],
  };

  const dataMap: Sheet = {
    name: 'Data map',
    file: 'data-map.csv',
    columns: cols([
      ['Source', 24],
      ['Kind', 9],
      ['Schema', 10],
      ['Table or file', 28],
      ['Field', 24],
      ['Data type', 12],
      ['Category', 18],
      ['Policy category', 20],
      ['Confidence', 10],
      ['Matched values', 10],
      ['Sampled values', 10],
      ['Name hint', 14],
      ['Masked examples', 30],
      ['Purposes', 10],
      ['Link', 10],
      ['Why linked', 36],
      ['Other categories', 24],
    ]),
    rows: record.dataMap.map((e) => {
      const top = e.categories[0];
      return [
        e.location.source,
        e.location.sourceKind,
        e.location.schema ?? '',
        e.location.container,
        e.location.field,
        e.dataType ?? '',
        top?.category ?? '',
        top?.policyCategory ?? 'not in policy',
        Number(e.confidence.toFixed(2)),
        top?.matched ?? 0,
        top?.sampled ?? 0,
        top?.namePattern ?? '',
        join(top?.examples ?? [], ', '),
        e.purposes.map((p) => p.purpose).join(', ') || 'none',
        e.purposes.length === 0 ? '' : e.linkDeclared ? 'declared' : 'suggested',
        join(e.purposes.map((p) => `${p.purpose}: ${p.because}`)),
        join(e.categories.slice(1).map((c) => `${c.category} ${c.confidence.toFixed(2)}`), ', '),
      ];
    }),
  };

  const gaps: Sheet = {
    name: 'Gaps',
    file: 'gaps.csv',
    columns: cols([
      ['Severity', 9],
      ['Kind', 22],
      ['Title', 36],
      ['What was found', 60],
      ['Rule', 50],
      ['What to do', 50],
      ['Count', 8],
      ['Unit', 8],
      ['Purposes', 10],
      ['Categories', 16],
      ['Locations', 60],
      ['Id', 30],
    ]),
    rows: record.gaps.map((g) => [
      g.severity,
      g.kind,
      g.title,
      g.detail,
      g.rule,
      g.fix,
      g.count,
      g.unit,
      g.purposes.join(', '),
      g.categories.join(', '),
      join(g.locations.map((l) => (l.note ? `${l.key} (${l.note})` : l.key))),
      g.id,
    ]),
  };

  const retention: Sheet = {
    name: 'Retention',
    file: 'retention.csv',
    columns: cols([
      ['Source', 24],
      ['Table', 24],
      ['Rule', 20],
      ['Purpose', 8],
      ['Period', 12],
      ['Clock starts at', 18],
      ['Date column', 16],
      ['Column found by', 12],
      ['Cutoff', 12],
      ['Status', 14],
      ['Rows older than the period', 12],
      ['Note', 40],
    ]),
    rows: record.retention.map((r) => [
      r.source,
      r.container,
      r.rule.name,
      r.rule.purpose,
      formatDuration(r.duration),
      r.start.replace(/_/g, ' '),
      r.column ?? '',
      r.columnSource ?? '',
      r.cutoff.slice(0, 10),
      r.status,
      r.status === 'counted' ? r.overdue : '',
      r.status === 'counted' ? '' : r.message,
    ]),
  };

  const matrix: Sheet = {
    name: 'Matrix',
    file: 'matrix.csv',
    columns: [{ header: 'Purpose', width: 30 }, ...record.matrix.columns.map((c) => ({ header: c.inPolicy ? c.name : `${c.name} (not in policy)`, width: 18 }))],
    rows: record.matrix.rows.map((row) => [
      row.purpose === null ? row.name : `${row.purpose}. ${row.name}`,
      ...record.matrix.columns.map((col) => {
        const cell = record.matrix.cells.find((c) => c.purpose === row.purpose && c.column === col.id);
        if (!cell) return '';
        if (cell.declared) return cell.fields > 0 ? `declared, ${cell.fields} fields found${cell.suggestedOnly ? ' (suggested links)' : ''}` : 'declared, none found';
        return `NOT DECLARED, ${cell.fields} fields found`;
      }),
    ]),
  };
  return [controller, processor, dataMap, gaps, retention, matrix];
}
