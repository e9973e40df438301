import type { Detector } from '../../src/types.js';
import { FAX_NAMES, phoneScore, weakerOutsidePersonContext } from '../phone/phone.js';

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
    ...FAX_NAMES,
    // A fax machine's settings are not a number to send to.
    { pattern: 'type', weight: -0.9 },
    { pattern: 'verified', weight: -0.9 },
    { pattern: 'opt in', weight: -0.9 },
    { pattern: 'consent', weight: -0.9 },
    { pattern: 'server', weight: -0.8 },
  ]),
};
