import type { Detector } from '../../src/types.js';
import { businessWord, hasLegalForm } from '../_shared/names/organisation.js';
import { givenNameScore, personNameScore } from '../_shared/names/person.js';
import { FULL_NAME_NAMES, NOT_FULL_NAME, THING_NAME_COUNTER_HINTS } from '../_shared/names/signals.js';

/** Name suffixes on their own: a `suffix` column in a person table. */
const SUFFIX_VALUES: ReadonlyMap<string, number> = new Map([
  ['jr', 0.8], ['jr.', 0.8], ['sr', 0.6], ['sr.', 0.6], ['phd', 0.8], ['ph.d.', 0.8], ['esq', 0.8], ['esq.', 0.8],
  ['md', 0.5], ['ii', 0.3], ['iii', 0.3], ['iv', 0.3],
]);

const INITIAL = /^\p{Lu}\.?$/u;

/**
 * Value test: a full name (`Nancy Davolio`, `Davolio, Nancy`, `J. Smith`, `Isabel de Castro`) or
 * a list of people as in credits (`Angus Young, Malcolm Young, Brian Johnson`). Company names with
 * a legal form are refused, whatever names they contain (`Hansen & Co ApS`), and a business word
 * (`Restaurante`, `Supermarkt`) halves the score.
 */
export function personNameMatch(value: string): number {
  const v = value.trim();
  if (v.length <= 6) {
    const suffix = SUFFIX_VALUES.get(v.toLowerCase());
    if (suffix !== undefined) return suffix;
    // A middle-name column holds initials.
    if (INITIAL.test(v)) return 0.6;
  }
  if (v.length <= 30 && !/\s/.test(v)) {
    // One given name is part of a full name (a middle name); `person.first_name` claims it first.
    return givenNameScore(v) >= 0.9 ? 0.5 : 0;
  }
  const score = personNameScore(v);
  if (score === 0) return 0;
  if (hasLegalForm(v)) return 0;
  // `Antonio Moreno Taquería`: a person's name on a shop sign is the shop's name.
  return businessWord(v) ? score / 2 : score;
}

export const personName: Detector = {
  id: 'person-name',
  category: 'person.name',
  description: 'full names of people',
  valueWeight: 0.75,
  match: personNameMatch,
  names: [...FULL_NAME_NAMES, ...NOT_FULL_NAME, ...THING_NAME_COUNTER_HINTS],
};
