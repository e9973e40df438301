/**
 * pdmap's public API.
 *
 *   import { scan, scanStream, builtinDetectors, defineDetector } from 'pdmap';
 *   const inventory = await scan({ sources: ['postgres://app@db/crm', './exports'] });
 *   const policy = await loadPolicy('pdmap.policy.yaml');   // or seedPolicy()
 *   const record = buildRecord(inventory, policy, await checkRetention(inventory, policy, sources.map(parseSource)));
 */
export { scan, scanStream, buildInventory, type ScanOptions, type ScanEvent } from './scan.js';
export { builtinDetectors } from '../detectors/index.js';
export { parseSource, sourceDisplayName, type SourceConfig, type DatabaseSourceConfig } from './sources.js';
export { createConnector, filesConnector, mysqlConnector, postgresConnector, sqliteConnector } from './connectors/index.js';
export type { Connector, ConnectorStats, DiscoverOptions, SampleOptions } from './connectors/connector.js';
export { maskValue } from './engine/mask.js';
export { tokenize } from './engine/field-name.js';
export { redactUrl, redactText } from './redact.js';
export { PdmapError, describeError } from './errors.js';
export { VERSION } from './version.js';
export { defineConfig, env, loadConfig, parseConfig, type PdmapConfig, type PdmapConfigInput, type AllowEntry, type FailOnRule } from './config.js';
export { diffInventories, renderDiffMarkdown, type InventoryDiff } from './diff.js';
export { evaluateFailOn, type Finding, type FailOnResult } from './fail-on.js';
export { mergeInventories } from './merge.js';
export { fileCache, type ScanCache } from './cache.js';
export { buildRecord, type ProcessingRecord, type PurposeRecord, type ProcessorRecord, type DataMapEntry, type Matrix, type BuildRecordOptions } from './policy/record.js';
export { PolicySchema, type Policy, type PolicyInput, type Purpose, type RetentionRule, type DataCategory, type LinkRule } from './policy/schema.js';
export { loadPolicy, parsePolicy, seedPolicy, seedPolicyText } from './policy/load.js';
export { linkLocation, suggestPurposes, globMatch, type PurposeLink, type LinkKind } from './policy/link.js';
export { computeGaps, toGapRefs, type Gap, type GapKind, type GapSeverity } from './policy/gaps.js';
export { planRetentionChecks, runRetentionChecks, checkRetention, type RetentionCheck, type RetentionCount } from './policy/retention.js';
export { renderHtml } from './reporters/html.js';
export { renderXlsx } from './reporters/xlsx.js';
export { renderCsv } from './reporters/csv.js';
export { renderMarkdown } from './reporters/markdown.js';
export { renderRecordJson } from './reporters/record-json.js';
export type * from './types.js';

import type { Detector } from './types.js';

/** Identity helper that type-checks a custom detector. */
export function defineDetector(detector: Detector): Detector {
  return detector;
}
