import { PdmapError } from './errors.js';
import { inStableOrder } from './scan.js';
import type { ContainerSummary, FieldVerdict, Inventory, ScanError, SourceSummary } from './types.js';

/**
 * Joins the inventories of a sharded scan (`pdmap scan --shard k/n` on n CI runners) into the
 * inventory a single run would have produced: same sources, containers, fields and errors, in
 * the same order. Only the timestamps span the shards (earliest start, latest finish).
 */
export function mergeInventories(shards: readonly Inventory[]): Inventory {
  const first = shards[0];
  if (!first) throw new PdmapError('parse', 'Nothing to merge', 'pass the inventory.json of every shard');
  const counts = new Set(shards.map((s) => s.settings.shard?.split('/')[1] ?? '1'));
  if (counts.size > 1) throw new PdmapError('parse', `The inventories come from different shardings (${[...counts].join(', ')} shards)`, 'merge the shards of one run only');
  const shardKeys = new Set<string>();
  for (const s of shards) {
    if (s.settings.shard) {
      if (shardKeys.has(s.settings.shard)) throw new PdmapError('parse', `Shard ${s.settings.shard} is given twice`, 'pass each shard once');
      shardKeys.add(s.settings.shard);
    }
  }

  const sources = new Map<string, SourceSummary>();
  for (const s of shards) {
    for (const src of s.sources) {
      const seen = sources.get(src.name);
      // Every shard discovers the whole source; one that failed to connect wins, as in a single run.
      if (!seen || src.status === 'error') sources.set(src.name, src);
    }
  }
  const containers: ContainerSummary[] = [];
  const fields: FieldVerdict[] = [];
  const errors: ScanError[] = [];
  const seenErrors = new Set<string>();
  for (const s of shards) {
    containers.push(...s.containers);
    fields.push(...s.fields);
    for (const e of s.errors) {
      const k = JSON.stringify([e.source, e.container ?? '', e.code, e.message]);
      if (!seenErrors.has(k)) {
        seenErrors.add(k);
        errors.push(e);
      }
    }
  }
  const { shard: _shard, ...settings } = first.settings;
  return {
    ...first,
    startedAt: shards.map((s) => s.startedAt).sort()[0] ?? first.startedAt,
    finishedAt: shards.map((s) => s.finishedAt).sort().at(-1) ?? first.finishedAt,
    partial: shards.some((s) => s.partial),
    settings,
    sources: [...sources.values()],
    ...inStableOrder({ containers, fields, errors }),
  };
}
