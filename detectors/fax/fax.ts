import type { Detector } from '../../src/types.js';
import { phoneScore, weakerOutsidePersonContext } from '../phone/phone.js';

/**
 * Fax numbers look exactly like phone numbers: only the field name tells them apart. Like phones,
 * a fax column in a table without people (an office, a shipper) needs numbers that prove themselves.
 */
export const fax: Detector = {
  id: 'fax',
  category: 'fax',
  description: 'fax numbers',
  valueWeight: 0.85,
  requiresName: true,
  match: phoneScore,
  names: weakerOutsidePersonContext([
    { pattern: 'fax', weight: 0.95, lang: 'en' },
    { pattern: '*fax', weight: 0.9, lang: 'en' },
    { pattern: 'fax*', weight: 0.9, lang: 'en' },
    { pattern: 'telefax', weight: 0.95, lang: 'da' },
    { pattern: 'facsimile', weight: 0.95, lang: 'en' },
    { pattern: 'faks', weight: 0.95, lang: 'no' },
    { pattern: 'faks*', weight: 0.9, lang: 'no' },
    { pattern: 'telefaks', weight: 0.95, lang: 'no' },
    { pattern: 'telecopie', weight: 0.95, lang: 'fr' },
    { pattern: 'telecopieur', weight: 0.95, lang: 'fr' },
    // A fax machine's settings are not a number to send to.
    { pattern: 'type', weight: -0.9 },
    { pattern: 'verified', weight: -0.9 },
    { pattern: 'opt in', weight: -0.9 },
    { pattern: 'consent', weight: -0.9 },
    { pattern: 'server', weight: -0.8 },
  ]),
};
