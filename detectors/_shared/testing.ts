import { classifyField } from '../../src/engine/classify.js';
import type { Detector, FieldVerdict, SourceKind } from '../../src/types.js';
import { builtinDetectors } from '../index.js';

/**
 * Test helpers shared by the detectors' tests: classify one column of values the way a scan
 * does, with chosen detectors and context.
 */

interface ColumnSetting {
  readonly detectors: readonly Detector[];
  /** The container's id, and the table's name the classifier sees. */
  readonly container: string;
  readonly table: string;
  readonly sourceKind: SourceKind;
  readonly personContext: boolean;
  readonly employmentContext?: boolean;
  readonly country: string;
}

function classifyIn(s: ColumnSetting, field: string, values: readonly string[]): FieldVerdict {
  return classifyField(
    { source: 't', sourceKind: s.sourceKind, container: s.container, containerType: 'table', field },
    'text',
    { rows: values.length, values: [...values], binaryHeads: [] },
    { name: s.table, fieldNames: [field], personContext: s.personContext, ...(s.employmentContext === undefined ? {} : { employmentContext: s.employmentContext }) },
    { detectors: s.detectors, match: { defaultCountry: s.country }, minConfidence: 0.5, revealValues: false, maxExamples: 3 },
  );
}

export function classifyColumn(
  detectors: readonly Detector[],
  field: string,
  values: readonly string[],
  options: { personContext?: boolean; country?: string } = {},
): FieldVerdict {
  const setting = { detectors, container: 'main.t', table: 't', sourceKind: 'sqlite', personContext: options.personContext ?? true, country: options.country ?? 'DK' } as const;
  return classifyIn(setting, field, values);
}

/** Confidence the classifier gives this detector's category for a column, 0 when not reported. */
export function confidence(detector: Detector, field: string, values: readonly string[], personContext = true, country = 'DK'): number {
  const v = classifyColumn([detector], field, values, { personContext, country });
  return v.category === detector.category ? v.confidence : 0;
}

/**
 * A detector test's `column(field, values, personContext?, container?, employmentContext?)`: the
 * verdict the engine gives a column with the whole catalogue competing, under this test file's
 * defaults for the person context and the table's name.
 */
export function catalogueColumn(defaults: {
  personContext: boolean;
  container: string;
  sourceKind?: SourceKind;
}): (field: string, values: readonly string[], personContext?: boolean, container?: string, employmentContext?: boolean) => FieldVerdict {
  return (field, values, personContext = defaults.personContext, container = defaults.container, employmentContext = false) =>
    classifyIn(
      { detectors: builtinDetectors, container, table: container, sourceKind: defaults.sourceKind ?? 'sqlite', personContext, employmentContext, country: 'DK' },
      field,
      values,
    );
}
