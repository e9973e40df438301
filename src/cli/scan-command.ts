import { resolve } from 'node:path';
import { builtinDetectors } from '../../detectors/index.js';
import { fileCache } from '../cache.js';
import { configSources, findConfig, loadConfig, parseConfig, type FailOnRule, type PdmapConfig } from '../config.js';
import { diffInventories, renderDiffText, type GapRef, type InventoryDiff } from '../diff.js';
import { describeError } from '../errors.js';
import { evaluateFailOn, type FailOnResult } from '../fail-on.js';
import { mergeInventories } from '../merge.js';
import { toGapRefs } from '../policy/gaps.js';
import { loadPolicy } from '../policy/load.js';
import { buildRecord } from '../policy/record.js';
import { checkRetention, planRetentionChecks, withEarlierCounts, type RetentionCount } from '../policy/retention.js';
import type { Policy } from '../policy/schema.js';
import type { ReportContext } from '../reporters/index.js';
import { renderGapsSummary, renderSummary } from '../reporters/terminal.js';
import { buildInventory, scanStream, type ScanOptions } from '../scan.js';
import { parseSource, type SourceConfig } from '../sources.js';
import type { ContainerSummary, FieldVerdict, Inventory, ScanError, SourceSummary } from '../types.js';
import { EXIT } from './exit-codes.js';
import type { CliIO } from './main.js';
import { parseFormats, readInventory, readRecordBeside, writeReports } from './reports-io.js';
import { chooseProgressMode, progressSink } from './progress.js';

export interface ScanCliOptions {
  config?: string;
  policy?: string;
  out?: string;
  format?: string;
  sample?: number;
  full?: boolean;
  include?: string[];
  exclude?: string[];
  excludeField?: string[];
  country?: string;
  minConfidence?: number;
  concurrency?: number;
  statementTimeout?: number;
  views?: boolean;
  baseline?: string;
  failOn?: string[];
  cache?: boolean;
  shard?: { index: number; count: number };
  unsafeShowValues?: boolean;
  json?: boolean;
  quiet?: boolean;
}


/**
 * `pdmap scan`: config + flags → scan → reports, diff against a baseline, fail-on rules.
 * Exit code: 2 when the scan itself failed (reports are still written), else 1 when a
 * fail-on rule matched, else 0.
 */
export async function runScan(args: readonly string[], opts: ScanCliOptions, io: CliIO): Promise<number> {
  let config: PdmapConfig;
  let baseDir = process.cwd();
  const configPath = opts.config ?? findConfig(process.cwd());
  try {
    if (configPath) ({ config, baseDir } = await loadConfig(configPath));
    else config = parseConfig({});
  } catch (err) {
    io.stderr(`pdmap: ${describeError(err).message}\n`);
    return EXIT.usage;
  }

  let sources: SourceConfig[];
  try {
    sources = args.length ? args.map(parseSource) : configSources(config, baseDir, parseSource);
  } catch (err) {
    io.stderr(`pdmap: ${describeError(err).message}\n`);
    return EXIT.usage;
  }
  if (opts.statementTimeout !== undefined) {
    const ms = opts.statementTimeout;
    sources = sources.map((s) => (s.kind === 'postgres' || s.kind === 'mysql' ? { ...s, statementTimeoutMs: ms } : s));
  }
  if (sources.length === 0) {
    io.stderr('pdmap: nothing to scan — give sources (postgres://…, mysql://…, sqlite:file, a folder) or a config file with "sources" (pdmap init)\n');
    return EXIT.usage;
  }

  const formats = parseFormats(opts.format ?? config.output.formats.join(','), io);
  if (!formats) return EXIT.usage;
  const failOn = (opts.failOn ?? config.failOn) as FailOnRule[];
  const knownRules = new Set<string>(['new-pii', 'unlinked', 'plaintext-password', 'retention-overdue', 'scan-error', 'undeclared-category', 'marketing-without-consent', 'any-pii']);
  const badRules = failOn.filter((r) => !knownRules.has(r));
  if (badRules.length) {
    io.stderr(`pdmap: unknown --fail-on rule "${badRules.join(', ')}" — choose from ${[...knownRules].join(', ')}\n`);
    return EXIT.usage;
  }

  let policy: Policy;
  try {
    policy = await loadPolicy(opts.policy ?? (config.policy ? resolve(baseDir, config.policy) : undefined));
  } catch (err) {
    io.stderr(`pdmap: ${describeError(err).message}\n`);
    return EXIT.usage;
  }

  let baseline: Inventory | undefined;
  const baselinePath = opts.baseline ?? (config.baseline ? resolve(baseDir, config.baseline) : undefined);
  if (baselinePath) {
    try {
      baseline = await readInventory(baselinePath);
    } catch (err) {
      io.stderr(`pdmap: ${describeError(err).message}\n`);
      return EXIT.usage;
    }
  }

  const out = resolve(opts.out ?? resolve(baseDir, config.output.dir));
  const controller = new AbortController();
  const onSignal = () => controller.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  const useCache = opts.cache !== false && config.cache.enabled;
  const disabled = new Set(config.detectors.disable);
  const options: ScanOptions = {
    sources,
    ...(disabled.size ? { detectors: builtinDetectors.filter((d) => !disabled.has(d.id)) } : {}),
    sampleSize: opts.sample ?? config.sample.size,
    full: opts.full ?? config.sample.full,
    ...(opts.include ?? config.include ? { include: opts.include ?? config.include ?? [] } : {}),
    ...(opts.exclude ?? config.exclude ? { exclude: opts.exclude ?? config.exclude ?? [] } : {}),
    ...(opts.excludeField ?? config.excludeFields ? { excludeFields: opts.excludeField ?? config.excludeFields ?? [] } : {}),
    defaultCountry: opts.country ?? config.detectors.country,
    minConfidence: opts.minConfidence ?? config.detectors.minConfidence,
    concurrency: opts.concurrency ?? config.concurrency,
    views: opts.views ?? config.views,
    revealValues: opts.unsafeShowValues === true,
    ...(opts.shard ? { shard: opts.shard } : {}),
    ...(useCache ? { cache: fileCache(resolve(baseDir, config.cache.dir)) } : {}),
    signal: controller.signal,
  };

  const progress = progressSink(chooseProgressMode({ quiet: opts.quiet === true, json: opts.json === true, isTTY: io.isTTY, ci: process.env['CI'] === 'true' }), io.stderr);
  const parts = {
    startedAt: new Date().toISOString(),
    sources: [] as SourceSummary[],
    containers: [] as ContainerSummary[],
    fields: [] as FieldVerdict[],
    errors: [] as ScanError[],
    partial: false,
  };
  try {
    for await (const e of scanStream(options)) {
      progress.event(e);
      if (e.type === 'source') parts.sources.push(e.source);
      else if (e.type === 'container') parts.containers.push(e.container);
      else if (e.type === 'field') parts.fields.push(e.field);
      else parts.errors.push(e.error);
    }
  } catch (err) {
    // The engine isolates failures per container; anything reaching here is a bug or an abort.
    const d = describeError(err);
    parts.errors.push({ source: 'pdmap', code: d.code, message: d.message });
  } finally {
    progress.stop();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  parts.partial = controller.signal.aborted;
  const inventory = buildInventory(options, parts);

  // Retention is counted in the databases (COUNT(*) by date), after the scan, on the same sources.
  const retention = controller.signal.aborted ? [] : await checkRetention(inventory, policy, sources, { signal: controller.signal });
  const record = buildRecord(inventory, policy, retention, { generatedAt: new Date().toISOString() });
  const gaps = toGapRefs(record.gaps);

  let diff: InventoryDiff | undefined;
  if (baseline && baselinePath) {
    const before = await baselineGaps(baselinePath, baseline, policy);
    // Without the baseline's record.json its retention counts are unknown: compare the other kinds only.
    const comparable = before.withRetention ? gaps : gaps.filter((g) => !RETENTION_KINDS.has(g.kind));
    diff = diffInventories(baseline, inventory, { baseline: before.refs, current: comparable });
  }
  const failOnResult: FailOnResult | undefined = failOn.length
    ? evaluateFailOn(failOn, { inventory, ...(diff ? { diff } : {}), gaps }, config.allow)
    : undefined;

  const ctx: ReportContext = { inventory, record, gaps, ...(diff ? { diff } : {}), ...(failOnResult ? { failOn: failOnResult } : {}) };
  const written = await writeReports(ctx, formats, out, io);
  if (!written) return EXIT.scanFailed;

  if (!opts.quiet && !opts.json) {
    io.stdout(renderSummary(inventory, { color: io.isTTY }));
    io.stdout(renderGapsSummary(record.gaps, { color: io.isTTY }));
    if (diff) io.stdout(`\n${renderDiffText(diff)}`);
    if (failOnResult) io.stdout(renderFailOn(failOnResult));
    io.stdout(`\nReports: ${written.join(', ')}\n`);
  } else if (failOnResult?.failing.length && !opts.json) {
    io.stderr(renderFailOn(failOnResult));
  }

  if (inventory.errors.length > 0 || inventory.partial) return EXIT.scanFailed;
  if (failOnResult && failOnResult.failing.length > 0) return EXIT.findings;
  return EXIT.ok;
}

/** `pdmap merge`: shards' inventories → one inventory and its reports. */
export async function runMerge(files: readonly string[], opts: { out: string; format: string; policy?: string; quiet?: boolean }, io: CliIO): Promise<number> {
  const formats = parseFormats(opts.format, io);
  if (!formats) return EXIT.usage;
  let inventory: Inventory;
  try {
    inventory = mergeInventories(await Promise.all(files.map(readInventory)));
  } catch (err) {
    io.stderr(`pdmap: ${describeError(err).message}\n`);
    return EXIT.usage;
  }
  let policy: Policy;
  try {
    policy = await loadPolicy(opts.policy);
  } catch (err) {
    io.stderr(`pdmap: ${describeError(err).message}\n`);
    return EXIT.usage;
  }
  // Retention is counted against the databases by each shard's scan (a merge has no connection
  // to count with): the counts come from the record.json each shard wrote beside its inventory.
  const earlier: RetentionCount[] = [];
  for (const file of files) {
    const saved = await readRecordBeside(file);
    if (saved?.kind === 'pdmap-record' && Array.isArray(saved.retention)) earlier.push(...saved.retention);
    else if (!opts.quiet) io.stderr(`pdmap: no record.json beside ${file}: retention for its tables is planned, not counted\n`);
  }
  const retention = withEarlierCounts(planRetentionChecks(inventory, policy), earlier);
  const record = buildRecord(inventory, policy, retention, { generatedAt: new Date().toISOString() });
  const written = await writeReports({ inventory, record, gaps: toGapRefs(record.gaps) }, formats, resolve(opts.out), io);
  if (!written) return EXIT.scanFailed;
  if (!opts.quiet) io.stdout(`${renderSummary(inventory, { color: io.isTTY })}\nReports: ${written.join(', ')}\n`);
  return inventory.errors.length > 0 || inventory.partial ? EXIT.scanFailed : EXIT.ok;
}

function renderFailOn(r: FailOnResult): string {
  const lines: string[] = [''];
  if (r.failing.length) {
    lines.push(`Fail-on: ${r.failing.length} finding(s) fail this run:`);
    for (const f of r.failing) lines.push(`  [${f.rule}] ${f.key}: ${f.message}`);
  } else lines.push('Fail-on: no finding fails this run.');
  if (r.allowed.length) lines.push(`  ${r.allowed.length} finding(s) allowed by the config's allow-list.`);
  for (const e of r.expiredEntries) lines.push(`  allow-list entry for ${e.location} expired on ${e.expires}: renew or remove it.`);
  for (const u of r.unchecked) lines.push(`  ${u.rule} not checked: ${u.why}.`);
  return `${lines.join('\n')}\n`;
}

const RETENTION_KINDS = new Set<string>(['retention-overdue', 'retention-unchecked']);

/**
 * The baseline's gaps: from the record.json written beside its inventory.json when there is one
 * (complete, with retention counts), else rebuilt from the inventory with today's policy.
 */
async function baselineGaps(inventoryPath: string, baseline: Inventory, policy: Policy): Promise<{ refs: GapRef[]; withRetention: boolean }> {
  const saved = await readRecordBeside(inventoryPath);
  if (Array.isArray(saved?.gaps)) return { refs: toGapRefs(saved.gaps), withRetention: true };
  // No record.json beside the baseline: rebuild it, less the retention counts it would have had.
  const rebuilt = buildRecord(baseline, policy, [], { generatedAt: baseline.finishedAt });
  return { refs: toGapRefs(rebuilt.gaps).filter((g) => !RETENTION_KINDS.has(g.kind)), withRetention: false };
}
