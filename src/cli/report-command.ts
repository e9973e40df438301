import { resolve } from 'node:path';
import { findConfig, loadConfig } from '../config.js';
import { describeError } from '../errors.js';
import { toGapRefs } from '../policy/gaps.js';
import { loadPolicy } from '../policy/load.js';
import { buildRecord } from '../policy/record.js';
import { planRetentionChecks } from '../policy/retention.js';
import type { Inventory } from '../types.js';
import { EXIT } from './exit-codes.js';
import type { CliIO } from './main.js';
import { parseFormats, readInventory, writeReports } from './reports-io.js';

export const REPORT_FORMATS = ['json', 'html', 'xlsx', 'csv', 'md'] as const;

/**
 * `pdmap report inventory.json`: the record of processing and its reports from an earlier scan,
 * with a (new) policy, without touching the stores. Retention is planned but not counted: that
 * needs the databases, so `pdmap scan` does it.
 */
export async function runReport(
  inventoryPath: string,
  opts: { policy?: string; config?: string; out: string; format?: string; quiet?: boolean },
  io: CliIO,
): Promise<number> {
  const formats = parseFormats(opts.format ?? REPORT_FORMATS.join(','), io);
  if (!formats) return EXIT.usage;
  let inventory: Inventory;
  let policyPath = opts.policy;
  try {
    if (policyPath === undefined) {
      const configPath = opts.config ?? findConfig(process.cwd());
      if (configPath) {
        const { config, baseDir } = await loadConfig(configPath);
        if (config.policy) policyPath = resolve(baseDir, config.policy);
      }
    }
    inventory = await readInventory(inventoryPath);
  } catch (err) {
    io.stderr(`pdmap: ${describeError(err).message}\n`);
    return EXIT.usage;
  }
  const policy = await loadPolicy(policyPath).catch((err: unknown) => err as Error);
  if (policy instanceof Error) {
    io.stderr(`pdmap: ${describeError(policy).message}\n`);
    return EXIT.usage;
  }
  const record = buildRecord(inventory, policy, planRetentionChecks(inventory, policy), { generatedAt: new Date().toISOString() });
  const ctx = { inventory, record, gaps: toGapRefs(record.gaps) };
  const written = await writeReports(ctx, formats, resolve(opts.out), io);
  if (!written) return EXIT.scanFailed;
  if (!opts.quiet) {
    const s = record.summary;
    io.stdout(
      `Record of processing: ${s.personalFields} personal-data fields, ${s.purposesWithData} of ${s.purposes} purposes with data, ` +
        `${s.gaps.high} high / ${s.gaps.medium} medium / ${s.gaps.low} low gaps.\nReports: ${written.join(', ')}\n`,
    );
  }
  return EXIT.ok;
}
