import { classifyField } from '../../../src/engine/classify.js';
import type { Detector, FieldVerdict } from '../../../src/types.js';
import { company } from '../../company/company.js';
import { firstName } from '../../first-name/first-name.js';
import { gender } from '../../gender/gender.js';
import { jobTitle } from '../../job-title/job-title.js';
import { lastName } from '../../last-name/last-name.js';
import { personName } from '../../person-name/person-name.js';

/** The people detectors, competing with each other as they do in a scan. For tests. */
export const PEOPLE_DETECTORS: readonly Detector[] = [personName, firstName, lastName, jobTitle, company, gender];

/** Classifies one column the way a scan does, with the people detectors only. For tests. */
export function classifyColumn(
  field: string,
  values: readonly string[],
  options: { readonly personContext?: boolean; readonly container?: string } = {},
): FieldVerdict {
  return classifyField(
    { source: 'test', sourceKind: 'sqlite', container: `main.${options.container ?? 't'}`, containerType: 'table', field },
    'text',
    { rows: values.length, values: [...values], binaryHeads: [] },
    { name: options.container ?? 't', fieldNames: [field], personContext: options.personContext ?? false },
    { detectors: PEOPLE_DETECTORS, match: { defaultCountry: 'DK' }, minConfidence: 0.5, revealValues: false, maxExamples: 3 },
  );
}

/** Share of values a value test accepts with at least `min`. */
export function share(values: readonly string[], test: (v: string) => number, min = 0.5): number {
  return values.filter((v) => test(v) >= min).length / values.length;
}

/** Adversarial long inputs for the linear-time checks. */
export const HOSTILE: readonly string[] = [
  'A'.repeat(100_000),
  'Nancy '.repeat(16_667),
  'Nancy Davolio, '.repeat(6_667),
  'ab-'.repeat(33_334),
  `${'Ø'.repeat(50_000)}${'é'.repeat(50_000)}`,
  'Sales Manager of '.repeat(5_883),
  `${' '.repeat(99_999)}x`,
  `${'.'.repeat(50_000)}${',/'.repeat(25_000)}`,
];
