import type { Detector } from '../../src/types.js';
import { givenNameScore } from '../_shared/names/person.js';
import { FIRST_NAME_NAMES, NOT_FIRST_NAME, THING_NAME_COUNTER_HINTS } from '../_shared/names/signals.js';

/**
 * Given names on their own (`Nancy`, `Jean-Pierre`, `Søren`). Many surnames are given names too
 * (`Thomas`, `James`), so values alone are modest evidence; the field name decides between this,
 * `person.last_name` and `person.name`.
 */
export const firstName: Detector = {
  id: 'first-name',
  category: 'person.first_name',
  description: 'first names',
  valueWeight: 0.6,
  match: givenNameScore,
  names: [...FIRST_NAME_NAMES, ...NOT_FIRST_NAME, ...THING_NAME_COUNTER_HINTS],
};
