import type { CategoryVerdict, Detector, FieldVerdict, Location, MatchContext } from '../types.js';
import { scoreName, tokenize, matchesPattern, type NameMatch } from './field-name.js';
import { maskValue } from './mask.js';
import type { FieldSample } from './sampler.js';

/**
 * Combines value evidence and field-name evidence into one verdict per field.
 *
 * For each detector:
 *   value score  = valueWeight × Σ match scores / (sampled + 2)    (the +2 keeps 3-of-3 from meaning certainty)
 *   name score   = the strongest name hint, damped when sampled values contradict it
 *   confidence   = 1 − (1 − value score)(1 − name score), then reduced by counter-hints
 * The field's category is the most confident detector at or above `minConfidence`.
 */

export interface ClassifyOptions {
  readonly detectors: readonly Detector[];
  readonly match: MatchContext;
  readonly minConfidence: number;
  /** Put raw (unmasked) examples in the evidence. Off unless the user asks. */
  readonly revealValues: boolean;
  readonly maxExamples: number;
}

/** What the classifier knows about the container a field is in. */
export interface ContainerContext {
  readonly name: string;
  readonly fieldNames: readonly string[];
  /** The container holds records about people (customers, employees, contacts, users…). */
  readonly personContext: boolean;
  /** The container records employment: salaries, job history, an employee's department periods. */
  readonly employmentContext?: boolean;
}

/**
 * Name tokens that say "this is an identifier, a count or a technical field" for any category.
 * They only count when the detector's own name hints are silent: `login_id` stays a username.
 */
const GENERIC_COUNTER_HINTS: readonly { pattern: string; weight: number }[] = [
  { pattern: 'id', weight: 0.85 },
  { pattern: 'uuid', weight: 0.9 },
  { pattern: 'guid', weight: 0.9 },
  { pattern: 'key', weight: 0.7 },
  { pattern: 'pk', weight: 0.8 },
  { pattern: 'fk', weight: 0.8 },
  { pattern: 'count', weight: 0.8 },
  { pattern: 'qty', weight: 0.8 },
  { pattern: 'quantity', weight: 0.8 },
  { pattern: 'price', weight: 0.8 },
  { pattern: 'amount', weight: 0.8 },
  { pattern: 'total', weight: 0.7 },
  { pattern: 'url', weight: 0.7 },
  { pattern: 'uri', weight: 0.7 },
  { pattern: 'href', weight: 0.7 },
  { pattern: 'homepage', weight: 0.7 },
  { pattern: 'hash', weight: 0.5 },
  { pattern: 'checksum', weight: 0.9 },
  { pattern: 'status', weight: 0.6 },
  { pattern: 'sku', weight: 0.9 },
];

export function classifyField(
  location: Location,
  dataType: string | undefined,
  sample: FieldSample,
  ctx: ContainerContext,
  options: ClassifyOptions,
): FieldVerdict {
  const tokens = tokenize(location.field);
  const generic = genericCounterHint(tokens);
  const verdicts: CategoryVerdict[] = [];
  const distinct = distinctValues(sample.values);
  // A field called `col7` or `value` in a table about people says nothing itself: there the
  // values must carry the verdict, so each detector's value evidence counts at least this much.
  const valueWeightFloor = ctx.personContext && isAnonymousName(tokens) ? ANONYMOUS_VALUE_WEIGHT : 0;

  for (const detector of options.detectors) {
    const v = scoreDetector(detector, tokens, generic, sample, distinct, ctx, options, valueWeightFloor);
    if (v && v.confidence >= options.minConfidence) verdicts.push(v);
  }
  verdicts.sort((a, b) => b.confidence - a.confidence || a.detector.localeCompare(b.detector));
  // One detector per category: keep the most confident.
  const seen = new Set<string>();
  const categories = verdicts.filter((v) => (seen.has(v.category) ? false : (seen.add(v.category), true)));
  const top = categories[0];
  const base = {
    location,
    rowsSampled: sample.rows,
    valuesSampled: sample.values.length + sample.binaryHeads.length,
    categories,
    confidence: top?.confidence ?? 0,
    personal: top !== undefined,
  };
  const withType = dataType === undefined ? base : { ...base, dataType };
  return top === undefined ? withType : { ...withType, category: top.category };
}

const ANONYMOUS_VALUE_WEIGHT = 0.75;
const SMALL_SAMPLE_DAMPING_FLOOR = 0.6;

/** Names that say nothing about the content: spreadsheet imports, generic key/value columns. */
const ANONYMOUS_WORDS: ReadonlySet<string> = new Set([
  'c', 'col', 'column', 'f', 'fld', 'field', 'var', 'attr', 'attribute', 'unnamed', 'value', 'val', 'info', 'data',
  'misc', 'extra', 'custom', 'kolonne', 'felt', 'spalte', 'feld', 'kolumn', 'falt', 'kolom', 'veld', 'champ', 'campo',
  'columna', 'colonne', 'x',
]);

export function isAnonymousName(tokens: readonly string[]): boolean {
  const words = tokens.filter((t) => !/^\d+$/.test(t));
  return words.length === 1 && ANONYMOUS_WORDS.has(words[0] as string);
}

function genericCounterHint(tokens: readonly string[]): number {
  let w = 0;
  // Only the last token says what a field is: `customer_id` is an id, `id_card` is not.
  const last = tokens.slice(-1);
  for (const h of GENERIC_COUNTER_HINTS) {
    if (h.weight > w && matchesPattern(last, h.pattern)) w = h.weight;
  }
  return w;
}

/**
 * A field's values once each, in first-seen order, with how often each occurs. Detectors are
 * stateless, so a value that repeats (a country, a status, a city) is tested once per field.
 */
interface DistinctValues {
  readonly values: readonly string[];
  readonly counts: readonly number[];
}

function distinctValues(values: readonly string[]): DistinctValues {
  const index = new Map<string, number>();
  const unique: string[] = [];
  const counts: number[] = [];
  for (const value of values) {
    const at = index.get(value);
    if (at === undefined) {
      index.set(value, unique.length);
      unique.push(value);
      counts.push(1);
    } else {
      counts[at] = (counts[at] ?? 0) + 1;
    }
  }
  return { values: unique, counts };
}

function scoreDetector(
  detector: Detector,
  tokens: readonly string[],
  generic: number,
  sample: FieldSample,
  distinct: DistinctValues,
  ctx: ContainerContext,
  options: ClassifyOptions,
  valueWeightFloor: number,
): CategoryVerdict | undefined {
  const name = scoreName(tokens, detector.names, ctx.personContext, ctx.employmentContext === true);
  const valueWeight = Math.max(detector.valueWeight ?? 0.9, valueWeightFloor);
  if (detector.requiresName && name.positive === 0) return undefined;

  const hasValueTest = detector.match !== undefined || detector.matchBinary !== undefined;
  const total = (detector.match ? sample.values.length : 0) + (detector.matchBinary ? sample.binaryHeads.length : 0);
  // The best confidence still reachable if every value not yet tested matched fully. Once it is
  // below the threshold the verdict would be dropped anyway, so the remaining values need not
  // be tested: this is where most detector time on unrelated columns goes.
  const reachable = (score: number, untested: number): number =>
    combine(valueWeight, name, generic, hasValueTest, total, total > 0 ? (score + untested) / (total + 2) : 0);
  if (reachable(0, total) < options.minConfidence) return undefined;

  let sampled = 0;
  let matched = 0;
  let score = 0;
  const examples: string[] = [];
  if (detector.match) {
    sampled += sample.values.length;
    let untested = total;
    for (let i = 0; i < distinct.values.length; i++) {
      const value = distinct.values[i] as string;
      const count = distinct.counts[i] as number;
      const s = safeMatch(detector, value, options.match);
      untested -= count;
      if (s > 0) {
        matched += count;
        score += s * count;
        if (s >= 0.5 && examples.length < options.maxExamples) examples.push(value);
      }
      if (s < 1 && reachable(score, untested) < options.minConfidence) return undefined;
    }
  }
  if (detector.matchBinary) {
    sampled += sample.binaryHeads.length;
    for (const head of sample.binaryHeads) {
      if (safeMatchBinary(detector, head)) {
        matched++;
        score++;
      }
    }
  }
  if (detector.requiresValues && matched === 0) return undefined;

  const ratio = sampled > 0 ? score / (sampled + 2) : 0;
  const confidence = combine(valueWeight, name, generic, hasValueTest, sampled, ratio);
  if (confidence <= 0) return undefined;

  const evidence = {
    sampled,
    matched,
    ...(name.pattern === undefined ? {} : { name: { pattern: name.pattern, weight: name.positive } }),
    examples: examples.map((e) => (options.revealValues ? e : maskValue(e, detector.category))),
  };
  return {
    category: detector.category,
    detector: detector.id,
    confidence,
    evidence,
    reason: explain(detector, sampled, matched, hasValueTest, name.pattern, ctx),
  };
}

/**
 * The confidence for a share of matching values (`ratio`, already divided by sampled + 2).
 * It never decreases as `ratio` grows, which is what lets `scoreDetector` stop early.
 */
function combine(
  valueWeight: number,
  name: NameMatch,
  generic: number,
  hasValueTest: boolean,
  sampled: number,
  ratio: number,
): number {
  const valueScore = hasValueTest ? valueWeight * ratio : 0;
  let nameScore = name.positive;
  if (hasValueTest && sampled > 0) {
    // Values that contradict the name weaken it: a `phone` column full of words is not phones.
    // One to four values are thin evidence against a name, so they weaken it less.
    nameScore *= Math.max(sampled < 5 ? SMALL_SAMPLE_DAMPING_FLOOR : 0, Math.min(1, 0.25 + ratio));
  } else if (hasValueTest && sampled === 0) {
    // An empty column: the name is all there is; say so with less confidence.
    nameScore *= 0.8;
  }
  let confidence = 1 - (1 - valueScore) * (1 - nameScore);
  confidence *= 1 - name.negative;
  if (name.positive === 0) confidence *= 1 - generic;
  return Math.round(confidence * 1000) / 1000;
}

function explain(
  detector: Detector,
  sampled: number,
  matched: number,
  hasValueTest: boolean,
  pattern: string | undefined,
  ctx: ContainerContext,
): string {
  const parts: string[] = [];
  const noun = detector.description ?? detector.category;
  if (hasValueTest) {
    parts.push(sampled === 0 ? 'no values to sample' : `${matched} of ${sampled} sampled values match ${noun}`);
  }
  if (pattern !== undefined) {
    parts.push(`the field name matches "${pattern}"${ctx.personContext ? ' in a container about people' : ''}`);
  }
  const sentence = parts.join('; ');
  return sentence.charAt(0).toUpperCase() + sentence.slice(1) + '.';
}

function safeMatch(detector: Detector, value: string, ctx: MatchContext): number {
  try {
    const r = detector.match?.(value, ctx);
    if (r === true) return 1;
    return typeof r === 'number' && r > 0 ? Math.min(1, r) : 0;
  } catch {
    // A detector that throws on one value must not end the field, let alone the scan.
    return 0;
  }
}

function safeMatchBinary(detector: Detector, head: Uint8Array): boolean {
  try {
    return detector.matchBinary?.(head) === true;
  } catch {
    return false;
  }
}
