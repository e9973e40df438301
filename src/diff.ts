import type { Category, FieldVerdict, Inventory } from './types.js';

/**
 * What changed between two inventories: new and removed personal-data locations, changed
 * categories and confidence bands, and new gaps. Locations are keyed `source/container/field`.
 */

export type ConfidenceBand = 'high' | 'medium' | 'low';

/** Bands, so that 0.91 → 0.93 is no news but 0.95 → 0.6 is. */
export function confidenceBand(confidence: number): ConfidenceBand {
  return confidence >= 0.85 ? 'high' : confidence >= 0.65 ? 'medium' : 'low';
}

export interface LocationChange {
  readonly key: string;
  readonly source: string;
  readonly container: string;
  readonly field: string;
  readonly category?: Category;
  readonly band?: ConfidenceBand;
  readonly before?: { readonly category?: Category; readonly band?: ConfidenceBand };
}

/** A gap as the diff sees it: a kind and the locations it concerns. */
export interface GapRef {
  readonly kind: string;
  readonly key: string;
  readonly message?: string;
}

export interface InventoryDiff {
  readonly baseline: { readonly startedAt: string; readonly personalFields: number };
  readonly current: { readonly startedAt: string; readonly personalFields: number };
  /** Personal in the current scan; absent or not personal in the baseline. */
  readonly added: readonly LocationChange[];
  /** Personal in the baseline; absent or not personal now (containers that failed now are not counted). */
  readonly removed: readonly LocationChange[];
  /** Personal in both, with a different category or confidence band. */
  readonly changed: readonly LocationChange[];
  readonly newGaps: readonly GapRef[];
  readonly resolvedGaps: readonly GapRef[];
}

export function locationKey(f: { location: { source: string; container: string; field: string } }): string {
  return `${f.location.source}/${f.location.container}/${f.location.field}`;
}

export function diffInventories(
  baseline: Inventory,
  current: Inventory,
  gaps: { baseline?: readonly GapRef[]; current?: readonly GapRef[] } = {},
): InventoryDiff {
  const before = indexPersonal(baseline.fields);
  const now = indexPersonal(current.fields);
  const failedNow = new Set(current.containers.filter((c) => c.status === 'error').map((c) => `${c.source}/${c.id}`));
  const scannedNow = new Set(current.containers.map((c) => `${c.source}/${c.id}`));

  const added: LocationChange[] = [];
  const changed: LocationChange[] = [];
  for (const [key, f] of now) {
    const b = before.get(key);
    if (!b) {
      added.push(change(key, f));
    } else if (b.category !== f.category || confidenceBand(b.confidence) !== confidenceBand(f.confidence)) {
      changed.push({ ...change(key, f), before: { ...(b.category ? { category: b.category } : {}), band: confidenceBand(b.confidence) } });
    }
  }
  const removed: LocationChange[] = [];
  for (const [key, b] of before) {
    if (now.has(key)) continue;
    const containerKey = `${b.location.source}/${b.location.container}`;
    // A container that failed or was filtered out this time says nothing about its fields.
    if (failedNow.has(containerKey) || !scannedNow.has(containerKey)) continue;
    removed.push(change(key, b));
  }
  const gapKey = (g: GapRef) => `${g.kind}\u0000${g.key}`;
  const baseGaps = new Set((gaps.baseline ?? []).map(gapKey));
  const curGaps = new Set((gaps.current ?? []).map(gapKey));
  return {
    baseline: { startedAt: baseline.startedAt, personalFields: before.size },
    current: { startedAt: current.startedAt, personalFields: now.size },
    added,
    removed,
    changed,
    newGaps: (gaps.current ?? []).filter((g) => !baseGaps.has(gapKey(g))),
    resolvedGaps: (gaps.baseline ?? []).filter((g) => !curGaps.has(gapKey(g))),
  };
}

function indexPersonal(fields: readonly FieldVerdict[]): Map<string, FieldVerdict> {
  const m = new Map<string, FieldVerdict>();
  for (const f of fields) if (f.personal) m.set(locationKey(f), f);
  return m;
}

function change(key: string, f: FieldVerdict): LocationChange {
  return {
    key,
    source: f.location.source,
    container: f.location.container,
    field: f.location.field,
    ...(f.category ? { category: f.category } : {}),
    band: confidenceBand(f.confidence),
  };
}

export function isEmptyDiff(d: InventoryDiff): boolean {
  return d.added.length + d.removed.length + d.changed.length + d.newGaps.length === 0;
}

/** Markdown fit for `$GITHUB_STEP_SUMMARY` and pull-request comments. No values, only locations. */
export function renderDiffMarkdown(d: InventoryDiff): string {
  const out: string[] = ['## pdmap: changes since the baseline', ''];
  out.push(
    `Baseline ${d.baseline.startedAt}: ${d.baseline.personalFields} personal-data fields. ` +
      `This scan ${d.current.startedAt}: ${d.current.personalFields}.`,
    '',
  );
  if (isEmptyDiff(d)) {
    out.push('No new, removed or changed personal-data locations, and no new gaps.', '');
    return out.join('\n');
  }
  const table = (title: string, rows: readonly LocationChange[], withBefore = false) => {
    if (!rows.length) return;
    out.push(`### ${title} (${rows.length})`, '');
    out.push(withBefore ? '| source | container | field | before | now |' : '| source | container | field | category | confidence |');
    out.push(withBefore ? '|---|---|---|---|---|' : '|---|---|---|---|---|');
    for (const r of rows) {
      const now = `${r.category ?? '—'} (${r.band ?? '—'})`;
      out.push(
        withBefore
          ? `| ${md(r.source)} | ${md(r.container)} | ${md(r.field)} | ${r.before?.category ?? '—'} (${r.before?.band ?? '—'}) | ${now} |`
          : `| ${md(r.source)} | ${md(r.container)} | ${md(r.field)} | ${r.category ?? '—'} | ${r.band ?? '—'} |`,
      );
    }
    out.push('');
  };
  table('New personal-data locations', d.added);
  table('Changed category or confidence', d.changed, true);
  table('No longer personal or gone', d.removed);
  if (d.newGaps.length) {
    out.push(`### New gaps (${d.newGaps.length})`, '');
    for (const g of d.newGaps) out.push(`- **${md(g.kind)}** ${md(g.key)}${g.message ? `: ${md(g.message)}` : ''}`);
    out.push('');
  }
  return out.join('\n');
}

/** Plain text for the terminal. */
export function renderDiffText(d: InventoryDiff): string {
  if (isEmptyDiff(d)) return 'No changes since the baseline.\n';
  const lines: string[] = [`Changes since the baseline of ${d.baseline.startedAt}:`];
  for (const r of d.added) lines.push(`  + ${r.key}  ${r.category ?? ''} (${r.band ?? ''})`);
  for (const r of d.changed) lines.push(`  ~ ${r.key}  ${r.before?.category ?? '—'} (${r.before?.band ?? '—'}) → ${r.category ?? '—'} (${r.band ?? '—'})`);
  for (const r of d.removed) lines.push(`  - ${r.key}  ${r.category ?? ''}`);
  for (const g of d.newGaps) lines.push(`  ! new gap ${g.kind}: ${g.key}`);
  return `${lines.join('\n')}\n`;
}

function md(s: string): string {
  return s.replace(/[|\\`*_<>[\]]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}
