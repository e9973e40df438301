/**
 * pdmap's public API.
 *
 *   import { scan, scanStream, builtinDetectors, defineDetector } from 'pdmap';
 *   const inventory = await scan({ sources: ['postgres://app@db/crm', './exports'] });
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
export type * from './types.js';

import type { Detector } from './types.js';

/** Identity helper that type-checks a custom detector. */
export function defineDetector(detector: Detector): Detector {
  return detector;
}
