import type { LabelRow } from './labels.js';

/**
 * Column-level accuracy of pdmap against labelled columns. Pure functions: no database, no I/O,
 * so the arithmetic is unit-tested on hand-made inputs (test/eval/metrics.test.ts).
 */

/** The two ground-truth labels that mean "not personal". */
export const NOT_PERSONAL = ['NONE', 'TRAP'] as const;
export const NONE = 'NONE';

/** The labelled datasets' vocabulary, in the order tables list it. */
export const BUILTIN_ORDER: readonly string[] = [
  'email', 'phone', 'fax', 'address.street', 'address.city', 'address.postal_code', 'address.region', 'address.country',
  'person.name', 'person.first_name', 'person.last_name', 'job_title', 'company', 'date_of_birth', 'hire_date_or_employment',
  'username', 'password', 'payment_card', 'bank_account', 'national_id', 'ip_address', 'free_text_personal', 'photo', 'gender',
];

export function isPersonalLabel(label: string): boolean {
  return label !== 'NONE' && label !== 'TRAP';
}

/** One column as pdmap classified it (`category` undefined = no category = NONE). */
export interface Prediction {
  readonly engine: string;
  readonly database: string;
  readonly schema: string;
  readonly table: string;
  readonly column: string;
  readonly category?: string;
  readonly confidence: number;
}

/** A labelled column with its prediction. */
export interface Judged {
  readonly set: string;
  readonly engine: string;
  readonly database: string;
  readonly schema: string;
  readonly table: string;
  readonly column: string;
  /** Ground truth as labelled (TRAP kept, so FP rates can tell TRAP from NONE). */
  readonly label: string;
  /** Predicted category, or NONE. */
  readonly predicted: string;
  readonly confidence: number;
  /** The scan did not report this labelled column at all (counted as predicted NONE). */
  readonly missing: boolean;
}

export interface JoinResult {
  readonly judged: Judged[];
  /** Columns the scan reported that have no label (views, internal tables): not scored. */
  readonly unlabelled: Prediction[];
}

type KeyParts = Pick<LabelRow, 'engine' | 'database' | 'schema' | 'table' | 'column'>;

/**
 * Join key. Case-folded because engines disagree on identifier case (PostgreSQL folds unquoted
 * names to lower case, MySQL keeps them, file headers are whatever the writer chose). Files have
 * no schema level, so theirs is ignored.
 */
export function joinKey(p: KeyParts, fold = true): string {
  const schema = p.engine.toLowerCase() === 'files' ? '' : p.schema;
  const parts = [p.engine, p.database, schema, p.table, p.column].map((s) => s.normalize('NFC'));
  return (fold ? parts.map((s) => s.toLowerCase()) : parts).join('\u0000');
}

/**
 * Joins predictions with labels. An exact-case match wins; otherwise a case-insensitive one.
 * A label with no prediction is judged as predicted NONE and flagged `missing`.
 */
export function joinLabels(set: string, labels: readonly LabelRow[], predictions: readonly Prediction[]): JoinResult {
  const exact = new Map<string, Prediction>();
  for (const p of predictions) exact.set(joinKey(p, false), p);
  const used = new Set<Prediction>();
  const matches = labels.map((l) => {
    const p = exact.get(joinKey(l, false));
    if (p) used.add(p);
    return p;
  });
  // Second pass, case-insensitive, over what the exact pass left: two columns that differ only
  // in case each keep their own match.
  const folded = new Map<string, Prediction>();
  for (const p of predictions) if (!used.has(p) && !folded.has(joinKey(p))) folded.set(joinKey(p), p);
  const judged = labels.map((l, i) => {
    let p = matches[i];
    if (!p) {
      p = folded.get(joinKey(l));
      if (p) {
        used.add(p);
        folded.delete(joinKey(l));
      }
    }
    return judgedRow(set, l, p);
  });
  return { judged, unlabelled: predictions.filter((p) => !used.has(p)) };
}

function judgedRow(set: string, l: LabelRow, p: Prediction | undefined): Judged {
  return {
    set,
    engine: l.engine,
    database: l.database,
    schema: l.schema,
    table: l.table,
    column: l.column,
    label: l.label,
    predicted: p?.category ?? NONE,
    confidence: p?.confidence ?? 0,
    missing: p === undefined,
  };
}

export interface CategoryScore {
  readonly category: string;
  /** Labelled columns of this category. */
  readonly support: number;
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  /** Undefined when nothing was predicted as this category. */
  readonly precision: number | undefined;
  /** Undefined when no column carries this label. */
  readonly recall: number | undefined;
  /** 2TP / (2TP + FP + FN); undefined when TP, FP and FN are all 0. */
  readonly f1: number | undefined;
}

export interface Rate {
  readonly columns: number;
  /** Columns given any category. */
  readonly flagged: number;
  /** Undefined when there are no such columns. */
  readonly rate: number | undefined;
}

export interface Confusion {
  readonly label: string;
  readonly predicted: string;
  readonly count: number;
  /** `set/engine/table.column` of each case (names only, never values). */
  readonly columns: readonly string[];
}

export interface Metrics {
  readonly columns: number;
  readonly perCategory: readonly CategoryScore[];
  /** Micro average over personal categories (TP, FP, FN summed). */
  readonly micro: CategoryScore;
  readonly fpRate: { readonly TRAP: Rate; readonly NONE: Rate };
  /** Label ≠ prediction pairs, most frequent first. */
  readonly confusions: readonly Confusion[];
}

export function score(category: string, support: number, tp: number, fp: number, fn: number): CategoryScore {
  return {
    category,
    support,
    tp,
    fp,
    fn,
    precision: tp + fp > 0 ? tp / (tp + fp) : undefined,
    recall: tp + fn > 0 ? tp / (tp + fn) : undefined,
    f1: tp + fp + fn > 0 ? (2 * tp) / (2 * tp + fp + fn) : undefined,
  };
}

export function columnName(j: Pick<Judged, 'set' | 'engine' | 'table' | 'column'>): string {
  return `${j.set}/${j.engine}/${j.table}.${j.column}`;
}

/**
 * Per-category TP/FP/FN: a column labelled X predicted Y≠X is a FN for X and a FP for Y; a
 * prediction on a NONE/TRAP column is a FP for the predicted category.
 * `order` lists categories to report first (and even with no support); others follow by name.
 */
export function computeMetrics(judged: readonly Judged[], order: readonly string[] = []): Metrics {
  const counts = new Map<string, { support: number; tp: number; fp: number; fn: number }>();
  const bump = (c: string, k: 'support' | 'tp' | 'fp' | 'fn'): void => {
    const e = counts.get(c) ?? { support: 0, tp: 0, fp: 0, fn: 0 };
    e[k]++;
    counts.set(c, e);
  };
  for (const c of order) if (isPersonalLabel(c)) counts.set(c, { support: 0, tp: 0, fp: 0, fn: 0 });

  const confusions = new Map<string, { label: string; predicted: string; columns: string[] }>();
  const rates = { TRAP: { columns: 0, flagged: 0 }, NONE: { columns: 0, flagged: 0 } };
  for (const j of judged) {
    const truth = isPersonalLabel(j.label) ? j.label : NONE;
    const predicted = isPersonalLabel(j.predicted) ? j.predicted : NONE;
    if (truth !== NONE) bump(truth, 'support');
    if (truth === predicted) {
      if (truth !== NONE) bump(truth, 'tp');
    } else {
      if (truth !== NONE) bump(truth, 'fn');
      if (predicted !== NONE) bump(predicted, 'fp');
      const key = `${j.label}\u0000${predicted}`;
      const c = confusions.get(key) ?? { label: j.label, predicted, columns: [] };
      c.columns.push(columnName(j));
      confusions.set(key, c);
    }
    if (j.label === 'TRAP' || j.label === 'NONE') {
      rates[j.label].columns++;
      if (predicted !== NONE) rates[j.label].flagged++;
    }
  }

  const rank = (c: string): number => {
    const i = order.indexOf(c);
    return i < 0 ? order.length : i;
  };
  const perCategory = [...counts.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([c, e]) => score(c, e.support, e.tp, e.fp, e.fn));
  const sum = (k: 'support' | 'tp' | 'fp' | 'fn'): number => perCategory.reduce((s, c) => s + c[k], 0);
  const rate = (r: { columns: number; flagged: number }): Rate => ({ ...r, rate: r.columns > 0 ? r.flagged / r.columns : undefined });

  return {
    columns: judged.length,
    perCategory,
    micro: score('micro', sum('support'), sum('tp'), sum('fp'), sum('fn')),
    fpRate: { TRAP: rate(rates.TRAP), NONE: rate(rates.NONE) },
    confusions: [...confusions.values()]
      .map((c) => ({ ...c, count: c.columns.length }))
      .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label) || a.predicted.localeCompare(b.predicted)),
  };
}

/** Targets from the issue "Detector catalogue with measured accuracy". */
export const F1_TARGET = 0.95;
export const FP_RATE_TARGET = 0.02;
export const TARGETED_CATEGORIES: readonly string[] = [
  'email',
  'phone',
  'address.street',
  'address.city',
  'address.postal_code',
  'address.region',
  'address.country',
  'job_title',
  'person.name',
  'person.first_name',
  'person.last_name',
];

export interface TargetFailure {
  readonly what: string;
  readonly value: number;
  readonly target: string;
}

/**
 * Targets not met. A targeted category with no labelled column is not judged: its false
 * positives already show in the FP rates and in the recall of the category they belong to.
 */
export function checkTargets(m: Metrics): TargetFailure[] {
  const failures: TargetFailure[] = [];
  for (const c of m.perCategory) {
    if (!TARGETED_CATEGORIES.includes(c.category) || c.support === 0) continue;
    const f1 = c.f1 ?? 0;
    if (f1 < F1_TARGET) failures.push({ what: `F1 ${c.category}`, value: f1, target: `≥ ${F1_TARGET}` });
  }
  for (const k of NOT_PERSONAL) {
    const r = m.fpRate[k].rate;
    if (r !== undefined && r > FP_RATE_TARGET) failures.push({ what: `FP rate on ${k}`, value: r, target: `≤ ${FP_RATE_TARGET}` });
  }
  return failures;
}
