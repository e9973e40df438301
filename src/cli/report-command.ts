import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { findConfig, loadConfig } from '../config.js';
import { describeError, PdmapError } from '../errors.js';
import { toGapRefs } from '../policy/gaps.js';
import { loadPolicy } from '../policy/load.js';
import { buildRecord } from '../policy/record.js';
import { planRetentionChecks } from '../policy/retention.js';
import { FORMATS, reporters } from '../reporters/index.js';
import { writeFileAtomic } from '../reporters/write.js';
import type { Inventory } from '../types.js';
import type { CliIO } from './main.js';

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
  const formats = (opts.format ?? REPORT_FORMATS.join(',')).split(',').map((f) => f.trim()).filter(Boolean);
  const unknown = formats.filter((f) => !FORMATS.includes(f));
  if (unknown.length) {
    io.stderr(`pdmap: unknown format "${unknown.join(', ')}" — choose from ${FORMATS.join(', ')}\n`);
    return 64;
  }
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
    return 64;
  }
  const policy = await loadPolicy(policyPath).catch((err: unknown) => err as Error);
  if (policy instanceof Error) {
    io.stderr(`pdmap: ${describeError(policy).message}\n`);
    return 64;
  }
  const record = buildRecord(inventory, policy, planRetentionChecks(inventory, policy), { generatedAt: new Date().toISOString() });
  const ctx = { inventory, record, gaps: toGapRefs(record.gaps) };
  const out = resolve(opts.out);
  const written: string[] = [];
  for (const format of formats) {
    const reporter = reporters[format];
    if (!reporter) continue;
    for (const file of await reporter(ctx)) {
      await writeFileAtomic(join(out, file.name), file.data);
      written.push(join(out, file.name));
    }
  }
  if (!opts.quiet) {
    const s = record.summary;
    io.stdout(
      `Record of processing: ${s.personalFields} personal-data fields, ${s.purposesWithData} of ${s.purposes} purposes with data, ` +
        `${s.gaps.high} high / ${s.gaps.medium} medium / ${s.gaps.low} low gaps.\nReports: ${written.join(', ')}\n`,
    );
  }
  return 0;
}

async function readInventory(path: string): Promise<Inventory> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(path, 'utf8'));
  } catch (err) {
    throw new PdmapError('not-found', `Cannot read the inventory ${path}: ${describeError(err).message}`, 'pass the inventory.json of a scan', { cause: err });
  }
  const inv = data as Partial<Inventory>;
  if (inv.schemaVersion !== '1.0' || !Array.isArray(inv.fields) || !Array.isArray(inv.containers)) {
    throw new PdmapError('parse', `${path} is not a pdmap inventory (schemaVersion 1.0)`, 'pass the inventory.json of a scan');
  }
  return inv as Inventory;
}
