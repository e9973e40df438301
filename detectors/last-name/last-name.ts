import type { Detector } from '../../src/types.js';
import { surnameScore } from '../_shared/names/person.js';
import { LAST_NAME_NAMES, NOT_LAST_NAME, THING_NAME_COUNTER_HINTS } from '../_shared/names/signals.js';

/**
 * Surnames on their own (`Davolio`, `van der Berg`, `Sørensen`, `García López`). Values alone are
 * modest evidence (a surname may be a given name or a word); the field name decides.
 */
export const lastName: Detector = {
  id: 'last-name',
  category: 'person.last_name',
  description: 'last names',
  valueWeight: 0.6,
  match: surnameScore,
  names: [...LAST_NAME_NAMES, ...NOT_LAST_NAME, ...THING_NAME_COUNTER_HINTS],
};
