import type { FieldVerdict, ScanError } from '../../src/types.js';
import type { LabelRow } from './labels.js';
import type { Prediction } from './metrics.js';
import type { EvalSource } from './sets.js';

/** Turns scan results into predictions keyed like the labels, and picks a source's labels. */

export function defaultSchema(src: EvalSource): string {
  switch (src.engine) {
    case 'postgres':
      return 'public';
    case 'mysql':
      return src.database;
    case 'sqlite':
      return 'main';
    case 'files':
      return '';
  }
}

/** Where a field is, in the labels' terms: database containers are `schema.table`, the labels name the table alone. */
export function predictionKey(src: EvalSource, locationSchema: string | undefined, container: string, field: string): Omit<Prediction, 'category' | 'confidence'> {
  const schema = locationSchema ?? defaultSchema(src);
  let table = container;
  if (src.engine !== 'files' && table.toLowerCase().startsWith(`${schema.toLowerCase()}.`)) table = table.slice(schema.length + 1);
  return { engine: src.engine, database: src.database, schema, table, column: field };
}

export function toPrediction(f: FieldVerdict, src: EvalSource): Prediction {
  return {
    ...predictionKey(src, f.location.schema, f.location.container, f.location.field),
    ...(f.category === undefined ? {} : { category: f.category }),
    confidence: f.confidence,
  };
}

/**
 * The labels that belong to one source of a set: same engine, and same database unless the
 * source is the set's only one of its engine (fixture labels may name the database differently, or
 * leave it empty for files).
 * Returned with `database` set to the source's, so the join compares like with like.
 */
export function labelsForSource(labels: readonly LabelRow[], src: EvalSource, sources: readonly EvalSource[]): LabelRow[] {
  const sameEngine = sources.filter((s) => s.engine === src.engine).length;
  return labels
    .filter((l) => l.engine === src.engine && (sameEngine === 1 || l.database === '' || l.database.toLowerCase() === src.database.toLowerCase()))
    .map((l) => ({ ...l, database: src.database }));
}

export interface SourceRun {
  readonly source: EvalSource;
  /** Display form of the source (no credentials). */
  readonly display: string;
  /** False when the source could not be scanned at all: its labels are left out of the figures. */
  readonly ok: boolean;
  readonly predictions: Prediction[];
  readonly errors: readonly Pick<ScanError, 'code' | 'message' | 'container'>[];
  readonly ms: number;
}

type ScanModule = typeof import('../../src/scan.js');
let scanModule: Promise<ScanModule> | undefined;

/**
 * pdmap's `scan`, imported lazily: while a connector module is missing or broken the import
 * fails, and that must fail the sources rather than the whole eval.
 */
function loadScan(): Promise<ScanModule> {
  scanModule ??= import('../../src/scan.js');
  return scanModule;
}

export function displaySource(src: EvalSource): string {
  return `${src.engine}:${src.database}`;
}

export async function runSource(src: EvalSource, sampleSize: number): Promise<SourceRun> {
  const started = Date.now();
  const display = displaySource(src);
  const fail = (message: string): SourceRun => ({ source: src, display, ok: false, predictions: [], errors: [{ code: 'unknown', message }], ms: Date.now() - started });
  let mod: ScanModule;
  try {
    mod = await loadScan();
  } catch (err) {
    return fail(`cannot load pdmap's scan (a connector may be missing): ${firstLine(err)}`);
  }
  try {
    const inv = await mod.scan({ sources: [src.source], sampleSize });
    const errors = inv.errors.map((e) => ({ code: e.code, message: e.message, ...(e.container === undefined ? {} : { container: e.container }) }));
    const ok = inv.sources.some((s) => s.status === 'scanned') && !(inv.fields.length === 0 && errors.length > 0);
    return { source: src, display, ok, predictions: inv.fields.map((f) => toPrediction(f, src)), errors, ms: Date.now() - started };
  } catch (err) {
    return fail(firstLine(err));
  }
}

function firstLine(err: unknown): string {
  const m = err instanceof Error ? err.message : String(err);
  return m.split('\n')[0] ?? m;
}
