import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describeError, PdmapError } from '../errors.js';
import { FORMATS, reporters, type ReportContext } from '../reporters/index.js';
import { writeFileAtomic } from '../reporters/write.js';
import type { ProcessingRecord } from '../policy/record.js';
import type { Inventory } from '../types.js';
import type { CliIO } from './main.js';

/**
 * What the scan, report and merge commands share: reading `--format`, reading an inventory.json
 * (and the record.json beside it) written earlier, and writing the reports.
 */

/** The formats of a `--format a,b` list, or undefined after telling the user which one is unknown. */
export function parseFormats(list: string, io: CliIO): string[] | undefined {
  const formats = list.split(',').map((f) => f.trim()).filter(Boolean);
  const unknown = formats.filter((f) => !FORMATS.includes(f));
  if (unknown.length === 0) return formats;
  io.stderr(`pdmap: unknown format "${unknown.join(', ')}" — choose from ${FORMATS.join(', ')}\n`);
  return undefined;
}

export async function readInventory(path: string): Promise<Inventory> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(path, 'utf8'));
  } catch (err) {
    throw new PdmapError('not-found', `Cannot read the inventory ${path}: ${describeError(err).message}`, 'pass the inventory.json of an earlier scan', { cause: err });
  }
  const inv = data as Partial<Inventory>;
  if (inv.schemaVersion !== '1.0' || !Array.isArray(inv.fields) || !Array.isArray(inv.containers)) {
    throw new PdmapError('parse', `${path} is not a pdmap inventory (schemaVersion 1.0)`, 'pass the inventory.json of an earlier scan');
  }
  return inv as Inventory;
}

/**
 * The record.json a scan wrote beside this inventory.json, as far as it was written: undefined
 * when there is none, or it is not a JSON object. Callers check the parts they use.
 */
export async function readRecordBeside(inventoryPath: string): Promise<Partial<ProcessingRecord> | undefined> {
  try {
    const data: unknown = JSON.parse(await readFile(join(dirname(inventoryPath), 'record.json'), 'utf8'));
    return data !== null && typeof data === 'object' ? (data as Partial<ProcessingRecord>) : undefined;
  } catch {
    return undefined;
  }
}

/** Writes every format's files atomically; returns their paths, or undefined after telling the user. */
export async function writeReports(ctx: ReportContext, formats: readonly string[], out: string, io: CliIO): Promise<string[] | undefined> {
  const written: string[] = [];
  for (const format of formats) {
    const reporter = reporters[format];
    if (!reporter) continue;
    try {
      for (const file of await reporter(ctx)) {
        await writeFileAtomic(join(out, file.name), file.data);
        written.push(join(out, file.name));
      }
    } catch (err) {
      io.stderr(`pdmap: could not write the ${format} report to ${out}: ${describeError(err).message}\n`);
      return undefined;
    }
  }
  return written;
}
