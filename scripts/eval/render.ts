import {
  F1_TARGET,
  FP_RATE_TARGET,
  TARGETED_CATEGORIES,
  columnName,
  isPersonalLabel,
  type CategoryScore,
  type Judged,
  type Metrics,
  type Rate,
  type TargetFailure,
} from './metrics.js';

/** Plain-text and Markdown renderings of an eval run. Column names only, never values. */

export interface SourceStatus {
  readonly set: string;
  readonly display: string;
  readonly ok: boolean;
  readonly ms: number;
  readonly labelled: number;
  readonly missing: number;
  readonly unlabelled: number;
  readonly errors: readonly { readonly code: string; readonly message: string; readonly container?: string }[];
}

export interface PeerResult {
  readonly name: string;
  /** Column-header name. */
  readonly short?: string;
  readonly version: string;
  /** Why the peer did not run, if it did not. */
  readonly skipped?: string;
  readonly overall?: Metrics;
}

export interface Report {
  readonly date: string;
  readonly version: string;
  readonly sampleSize: number;
  readonly ms: number;
  readonly sets: readonly { readonly name: string; readonly description: string; readonly metrics: Metrics }[];
  readonly perEngine: readonly { readonly engine: string; readonly metrics: Metrics }[];
  readonly overall: Metrics;
  readonly judged: readonly Judged[];
  readonly sources: readonly SourceStatus[];
  readonly failures: readonly TargetFailure[];
  readonly peers?: readonly PeerResult[];
  readonly peerMappings?: readonly { readonly peer: string; readonly mapping: string }[];
}

const DASH = '—';
export const fmt = (x: number | undefined, digits = 3): string => (x === undefined ? DASH : x.toFixed(digits));
const pct = (r: Rate): string => (r.rate === undefined ? DASH : `${(r.rate * 100).toFixed(1)}% (${r.flagged}/${r.columns})`);

function targetCell(c: CategoryScore): string {
  if (!TARGETED_CATEGORIES.includes(c.category)) return '';
  if (c.support === 0) return `≥${F1_TARGET} (no support)`;
  return (c.f1 ?? 0) >= F1_TARGET ? `≥${F1_TARGET} ok` : `≥${F1_TARGET} MISS`;
}

function categoryRow(c: CategoryScore): string[] {
  const none = c.support === 0 && c.fp === 0;
  return [c.category, String(c.support), String(c.tp), String(c.fp), String(c.fn), fmt(c.precision), none ? DASH : fmt(c.recall), fmt(c.f1), targetCell(c)];
}

function textTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: readonly string[]): string => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

const CATEGORY_HEADER = ['category', 'n', 'TP', 'FP', 'FN', 'precision', 'recall', 'F1', 'target'];

function summaryLine(m: Metrics): string {
  return `micro F1 ${fmt(m.micro.f1)} (P ${fmt(m.micro.precision)}, R ${fmt(m.micro.recall)}) · FP rate TRAP ${pct(m.fpRate.TRAP)} · NONE ${pct(m.fpRate.NONE)} · ${m.columns} columns`;
}

export function renderText(r: Report, opts: { maxConfusions?: number } = {}): string {
  const out: string[] = [];
  out.push(`pdmap ${r.version} eval · sample ${r.sampleSize} · ${(r.ms / 1000).toFixed(1)} s`);
  out.push('');
  for (const s of r.sources) {
    const status = s.ok ? 'ok' : 'FAILED (left out)';
    out.push(`  ${s.set}/${s.display}: ${status} · ${s.labelled} labelled · ${s.missing} missing · ${s.unlabelled} unlabelled · ${(s.ms / 1000).toFixed(1)} s`);
    for (const e of s.errors.slice(0, 3)) out.push(`      ${e.code}: ${e.message}`);
    if (s.errors.length > 3) out.push(`      … ${s.errors.length - 3} more errors`);
  }
  out.push('');
  out.push(textTable(CATEGORY_HEADER, r.overall.perCategory.map(categoryRow)));
  out.push('');
  out.push(`overall: ${summaryLine(r.overall)}`);
  if (r.sets.length > 1) for (const s of r.sets) out.push(`  set ${s.name}: ${summaryLine(s.metrics)}`);
  for (const e of r.perEngine) out.push(`  ${e.engine}: ${summaryLine(e.metrics)}`);
  if (r.peers?.length) {
    out.push('');
    for (const p of r.peers) {
      out.push(p.overall ? `peer ${p.name}@${p.version}: ${summaryLine(p.overall)}` : `peer ${p.name}: skipped (${p.skipped ?? 'unknown'})`);
    }
  }
  const max = opts.maxConfusions ?? 15;
  if (r.overall.confusions.length > 0) {
    out.push('');
    out.push('most frequent confusions (label → predicted):');
    for (const c of r.overall.confusions.slice(0, max)) {
      out.push(`  ${String(c.count).padStart(3)}  ${c.label} → ${c.predicted}: ${abbreviate(c.columns, 4)}`);
    }
    if (r.overall.confusions.length > max) out.push(`  … ${r.overall.confusions.length - max} more (see docs/accuracy.md or --json)`);
  }
  out.push('');
  if (r.failures.length === 0) out.push(`targets met: F1 ≥ ${F1_TARGET} on targeted categories, FP rate ≤ ${FP_RATE_TARGET * 100}% on TRAP and NONE`);
  else {
    out.push(`targets NOT met (${r.failures.length}):`);
    for (const f of r.failures) out.push(`  ${f.what} = ${fmt(f.value)} (target ${f.target})`);
  }
  return out.join('\n');
}

function abbreviate(columns: readonly string[], n: number): string {
  const shown = columns.slice(0, n).join(', ');
  return columns.length > n ? `${shown}, … +${columns.length - n}` : shown;
}

const mdEscape = (s: string): string => s.replace(/\|/g, '\\|');

const NUMERIC = /^(?:—|-?\d[\d.,]*%?(?: \(\d+\/\d+\))?)$/;

function mdTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  // Right-align the columns that hold only figures.
  const numeric = header.map((_, i) => rows.length > 0 && rows.every((r) => NUMERIC.test(r[i] ?? '')));
  return [
    `| ${header.join(' | ')} |`,
    `|${numeric.map((n) => (n ? '---:' : '---')).join('|')}|`,
    ...rows.map((row) => `| ${row.map(mdEscape).join(' | ')} |`),
  ].join('\n');
}

function mdCategoryTable(m: Metrics, peers: readonly PeerResult[] = []): string {
  const ran = peers.filter((p): p is PeerResult & { overall: Metrics } => p.overall !== undefined);
  const header = [...CATEGORY_HEADER.slice(0, 8), ...ran.flatMap((p) => [`${p.short ?? p.name} P`, `${p.short ?? p.name} R`, `${p.short ?? p.name} F1`]), 'target'];
  const rows = m.perCategory.map((c) => {
    const base = categoryRow(c);
    const peerCells = ran.flatMap((p) => {
      const pc = p.overall.perCategory.find((x) => x.category === c.category);
      return pc ? [fmt(pc.precision), fmt(pc.recall), fmt(pc.f1)] : [DASH, DASH, DASH];
    });
    return [...base.slice(0, 8), ...peerCells, base[8] ?? ''];
  });
  const micro = categoryRow(m.micro);
  const peerMicro = ran.flatMap((p) => [fmt(p.overall.micro.precision), fmt(p.overall.micro.recall), fmt(p.overall.micro.f1)]);
  rows.push([`**micro average**`, ...micro.slice(1, 8), ...peerMicro, '']);
  return mdTable(header, rows);
}

function mdRates(m: Metrics, peers: readonly PeerResult[] = []): string {
  const ran = peers.filter((p): p is PeerResult & { overall: Metrics } => p.overall !== undefined);
  const rows = (['TRAP', 'NONE'] as const).map((k) => [k, String(m.fpRate[k].columns), pct(m.fpRate[k]), ...ran.map((p) => pct(p.overall.fpRate[k])), `≤ ${FP_RATE_TARGET * 100}%`]);
  return mdTable(['ground truth', 'columns', 'pdmap: given a category', ...ran.map((p) => `${p.short ?? p.name}: given a category`), 'target'], rows);
}

export function renderMarkdown(r: Report): string {
  const out: string[] = [];
  out.push('# Measured accuracy');
  out.push('');
  out.push('<!-- Generated by `npm run eval` (scripts/eval.ts). Do not edit by hand. -->');
  out.push('');
  out.push(
    'How well pdmap finds personal data, column by column, on databases whose every column has been labelled by hand. ' +
      'The labelling rules are in the dev datasets\' README: a column is personal when its values describe or identify a natural person ' +
      '(a customer, an employee, a contact). `TRAP` columns look personal but are not (`album.title`, `artist.name`, `product_name`); ' +
      '`NONE` is everything else (keys, prices, dates of orders).',
  );
  out.push('');
  out.push('## How to run');
  out.push('');
  out.push('```bash');
  out.push('npm run eval                 # load the dev datasets, scan them, print the table, write this page');
  out.push('npm run eval -- --no-load    # reuse databases that are already loaded');
  out.push('npm run eval -- --set dev --engine sqlite   # one set, one engine (quick while tuning)');
  out.push('npm run -s eval -- --json    # machine-readable result on stdout (-s keeps npm\'s banner out of it)');
  out.push('npm run eval -- --peers      # also measure a peer PII library on the same sampled values');
  out.push('```');
  out.push('');
  out.push(
    'It needs PostgreSQL and MariaDB/MySQL with the `psql` and `mariadb` clients (the same settings as `load.sh`: `PGHOST`, `PGPORT`, `PGUSER`, ' +
      '`MYSQL_HOST`, `MYSQL_PORT`, `MYSQL_USER`, `MYSQL_PWD`). The datasets are read from `../shared/datasets/dev` or `PDMAP_DATASETS`. ' +
      'An engine that cannot be scanned is reported and left out; the rest is measured. The command exits with 1 when a target is missed ' +
      'and with 2 when a source could not be scanned.',
  );
  out.push('');
  out.push(
    'Labelled synthetic fixtures are measured too when `fixtures/eval/manifest.json` exists (`npm run fixtures` writes it; ' +
      '`PDMAP_EVAL_MANIFEST` points elsewhere). It lists sets as `[{ "name": "…", "sources": ["sqlite:crm.sqlite", "exports/"], "labels": "labels.csv" }]`, ' +
      'paths relative to the manifest, with labels in the same CSV format (`engine` `sqlite` or `files`; for files `table` is the path inside the folder ' +
      'and `column` the field path). This page is rewritten only by a run over every set and engine.',
  );
  out.push('');
  out.push('## Run');
  out.push('');
  out.push(`- Date: ${r.date}`);
  out.push(`- pdmap version: ${r.version}`);
  out.push(`- Settings: default scan options (sample ${r.sampleSize} values per field, minimum confidence 0.5, default country DK)`);
  out.push(`- Sets: ${r.sets.map((s) => `\`${s.name}\` (${s.description})`).join('; ')}`);
  out.push('');
  out.push(mdTable(['set', 'source', 'status', 'labelled columns', 'missing from the scan', 'unlabelled (not scored)'], r.sources.map((s) => [s.set, s.display, s.ok ? 'scanned' : `failed: ${s.errors[0]?.message ?? ''}`, String(s.labelled), String(s.missing), String(s.unlabelled)])));
  out.push('');
  out.push(
    'Scoring is per column. A column labelled X and predicted Y is a false negative for X and a false positive for Y. ' +
      'The prediction is the field\'s top category, or none. A labelled column that the scan did not report counts as predicted none. ' +
      `Targets: F1 ≥ ${F1_TARGET} for ${TARGETED_CATEGORIES.map((c) => `\`${c}\``).join(', ')}; ` +
      `at most ${FP_RATE_TARGET * 100}% of \`TRAP\` columns and ${FP_RATE_TARGET * 100}% of \`NONE\` columns given any category. ` +
      'A category with no labelled column shows `—`.',
  );
  out.push('');
  out.push('## Overall');
  out.push('');
  out.push(mdCategoryTable(r.overall, r.peers));
  out.push('');
  out.push('### False positives on non-personal columns');
  out.push('');
  out.push(mdRates(r.overall, r.peers));
  out.push('');
  out.push('### Targets');
  out.push('');
  if (r.failures.length === 0) out.push('All targets are met.');
  else for (const f of r.failures) out.push(`- **${f.what}** = ${fmt(f.value)} (target ${f.target})`);
  out.push('');
  if (r.perEngine.length > 1) {
    out.push('### By engine');
    out.push('');
    out.push(mdTable(['engine', 'columns', 'micro P', 'micro R', 'micro F1', 'FP rate TRAP', 'FP rate NONE'], r.perEngine.map((e) => [e.engine, String(e.metrics.columns), fmt(e.metrics.micro.precision), fmt(e.metrics.micro.recall), fmt(e.metrics.micro.f1), pct(e.metrics.fpRate.TRAP), pct(e.metrics.fpRate.NONE)])));
    out.push('');
  }
  for (const s of r.sets) {
    out.push(`## Set \`${s.name}\``);
    out.push('');
    out.push(s.description + '.');
    out.push('');
    out.push(mdCategoryTable(s.metrics));
    out.push('');
    out.push(mdRates(s.metrics));
    out.push('');
  }
  out.push('## Confusions');
  out.push('');
  if (r.overall.confusions.length === 0) out.push('None.');
  else out.push(mdTable(['label', 'predicted', 'columns', 'where'], r.overall.confusions.map((c) => [`\`${c.label}\``, `\`${c.predicted}\``, String(c.count), abbreviate(c.columns, 6)])));
  out.push('');
  out.push('## Misclassified columns');
  out.push('');
  const wrong = r.judged.filter((j) => (isPersonalLabel(j.label) ? j.label : 'NONE') !== (isPersonalLabel(j.predicted) ? j.predicted : 'NONE'));
  if (wrong.length === 0) out.push('None.');
  else {
    out.push(mdTable(['column', 'label', 'predicted', 'confidence'], wrong.map((j) => [columnName(j) + (j.missing ? ' (not in scan)' : ''), j.label, j.predicted, j.predicted === 'NONE' ? DASH : j.confidence.toFixed(2)])));
  }
  out.push('');
  out.push('## Peers');
  out.push('');
  out.push(
    'What a user would get from a general-purpose JavaScript PII library instead. `npm run eval -- --peers` samples the same containers ' +
      'through pdmap\'s connectors (the same sample size) and runs each non-empty value through the peer. A column is predicted category X ' +
      'when at least 50% of its sampled non-empty values are detected as X. Peers get no column-name signal, which is what users would get ' +
      'from them. Their entity types are mapped to pdmap\'s categories; a category a peer cannot detect shows `—` for precision.',
  );
  out.push('');
  if (!r.peers || r.peers.length === 0) out.push('_Not measured in this run (run with `--peers`)._');
  else {
    for (const p of r.peers) out.push(p.overall ? `- \`${p.name}\` ${p.version}: ${summaryLine(p.overall)}` : `- \`${p.name}\`: not measured (${p.skipped ?? 'unknown'})`);
    out.push('');
    out.push('Per-category figures are in the columns beside pdmap\'s in the overall table above. How entity types were mapped:');
    out.push('');
    for (const m of r.peerMappings ?? []) out.push(`- \`${m.peer}\`: ${m.mapping}`);
    out.push('');
    out.push('`other` (a type with no pdmap category, such as a tracking number) counts as a category: it is a false positive on a `TRAP` or `NONE` column and a miss on a personal one.');
  }
  out.push('');
  return out.join('\n');
}
