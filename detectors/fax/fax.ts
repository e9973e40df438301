import type { Detector } from '../../src/types.js';
import { phoneScore } from '../phone/phone.js';

/** Fax numbers look exactly like phone numbers: only the field name tells them apart. */
export const fax: Detector = {
  id: 'fax',
  category: 'fax',
  description: 'fax numbers',
  valueWeight: 0.85,
  requiresName: true,
  match: phoneScore,
  names: [
    { pattern: 'fax', weight: 0.95, lang: 'en' },
    { pattern: '*fax', weight: 0.9, lang: 'en' },
    { pattern: 'fax*', weight: 0.9, lang: 'en' },
    { pattern: 'telefax', weight: 0.95, lang: 'da' },
    { pattern: 'facsimile', weight: 0.95, lang: 'en' },
  ],
};
