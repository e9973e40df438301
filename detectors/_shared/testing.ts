import { classifyField, type ClassifyOptions } from '../../src/engine/classify.js';
import type { Detector, FieldVerdict, SourceKind } from '../../src/types.js';
import { builtinDetectors } from '../index.js';

/**
 * Test helpers shared by the detectors' tests: classify one column of values the way a scan
 * does, with chosen detectors and context.
 */
export function classifyColumn(
  detectors: readonly Detector[],
  field: string,
  values: readonly string[],
  options: { personContext?: boolean; country?: string } = {},
): FieldVerdict {
  return classifyField(
    { source: 't', sourceKind: 'sqlite', container: 'main.t', containerType: 'table', field },
    'text',
    { rows: values.length, values: [...values], binaryHeads: [] },
    { name: 't', fieldNames: [field], personContext: options.personContext ?? true },
    { detectors, match: { defaultCountry: options.country ?? 'DK' }, minConfidence: 0.5, revealValues: false, maxExamples: 3 },
  );
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
  const options: ClassifyOptions = { detectors: builtinDetectors, match: { defaultCountry: 'DK' }, minConfidence: 0.5, revealValues: false, maxExamples: 3 };
  return (field, values, personContext = defaults.personContext, container = defaults.container, employmentContext = false) =>
    classifyField(
      { source: 't', sourceKind: defaults.sourceKind ?? 'sqlite', container, containerType: 'table', field },
      'text',
      { rows: values.length, values: [...values], binaryHeads: [] },
      { name: container, fieldNames: [field], personContext, employmentContext },
      options,
    );
}
