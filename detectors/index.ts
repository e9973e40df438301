import type { Detector } from '../src/types.js';
import { email } from './email/email.js';
import { fax } from './fax/fax.js';
import { phone } from './phone/phone.js';

/** The built-in detector catalogue, in the order reports list them. */
export const builtinDetectors: readonly Detector[] = [email, phone, fax];

export { email, fax, phone };
