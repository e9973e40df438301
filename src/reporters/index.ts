import type { GapRef, InventoryDiff } from '../diff.js';
import { renderDiffMarkdown } from '../diff.js';
import type { FailOnResult } from '../fail-on.js';
import { seedPolicy } from '../policy/load.js';
import { buildRecord, type ProcessingRecord } from '../policy/record.js';
import type { Inventory } from '../types.js';
import { renderCsv } from './csv.js';
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderRecordJson } from './record-json.js';
import { renderXlsx } from './xlsx.js';
import { policyChecks, renderJunit } from './junit.js';
import { renderSarif } from './sarif.js';

/** Everything a reporter may draw on. Values in it are already masked. */
export interface ReportContext {
  readonly inventory: Inventory;
  readonly diff?: InventoryDiff;
  readonly failOn?: FailOnResult;
  readonly gaps?: readonly GapRef[];
  /** The record of processing (policy, purposes, gaps, retention counts); built from the default policy when absent. */
  readonly record?: ProcessingRecord;
}

/** The context's record, or one built from the inventory with the default policy (no retention counts). */
function recordOf(ctx: ReportContext): ProcessingRecord {
  return ctx.record ?? buildRecord(ctx.inventory, seedPolicy());
}

export interface ReportFile {
  /** File name inside the output folder. */
  readonly name: string;
  readonly data: string | Uint8Array;
}

/** A reporter: a small function from one result to the files it writes. */
export type Reporter = (ctx: ReportContext) => ReportFile[] | Promise<ReportFile[]>;

/** The named reporters behind `--format`. */
export const reporters: Readonly<Record<string, Reporter>> = {
  json: (ctx) => [
    { name: 'inventory.json', data: renderJson(ctx.inventory) },
    { name: 'record.json', data: renderRecordJson(recordOf(ctx)) },
    ...(ctx.diff ? [{ name: 'diff.json', data: `${JSON.stringify(ctx.diff, null, 2)}\n` }, { name: 'diff.md', data: renderDiffMarkdown(ctx.diff) }] : []),
  ],
  sarif: (ctx) => [
    { name: 'pdmap.sarif', data: renderSarif(ctx.inventory, { ...(ctx.failOn ? { findings: ctx.failOn.failing } : {}), ...(ctx.gaps ? { gaps: ctx.gaps } : {}) }) },
  ],
  junit: (ctx) => [{ name: 'junit.xml', data: renderJunit(ctx.inventory, policyChecks(ctx.inventory, ctx.failOn, ctx.gaps)) }],
  html: (ctx) => [{ name: 'report.html', data: renderHtml(recordOf(ctx)) }],
  xlsx: async (ctx) => [{ name: 'report.xlsx', data: await renderXlsx(recordOf(ctx)) }],
  csv: (ctx) => [...renderCsv(recordOf(ctx))].map(([name, data]) => ({ name, data })),
  md: (ctx) => [{ name: 'summary.md', data: renderMarkdown(recordOf(ctx)) }],
};

export const FORMATS: readonly string[] = Object.keys(reporters);
