import type { Detector } from '../src/types.js';
import { addressStreet, houseNumber } from './address-street/address-street.js';
import { city } from './city/city.js';
import { country } from './country/country.js';
import { postalCode } from './postal-code/postal-code.js';
import { region } from './region/region.js';
import { company } from './company/company.js';
import { email } from './email/email.js';
import { fax } from './fax/fax.js';
import { firstName } from './first-name/first-name.js';
import { gender } from './gender/gender.js';
import { jobTitle } from './job-title/job-title.js';
import { lastName } from './last-name/last-name.js';
import { personName } from './person-name/person-name.js';
import { personPhone, phone, phoneExtension } from './phone/phone.js';
import { bankAccount } from './bank-account/bank-account.js';
import { dateOfBirth } from './date-of-birth/date-of-birth.js';
import { employment } from './employment/employment.js';
import { freeText, freeTextIdentifiers } from './free-text/free-text.js';
import { ipAddress } from './ip-address/ip-address.js';
import { nationalId } from './national-id/national-id.js';
import { password, passwordHash } from './password/password.js';
import { paymentCard } from './payment-card/payment-card.js';
import { photo } from './photo/photo.js';
import { username } from './username/username.js';

/** The built-in detector catalogue, in the order reports list them. */
export const builtinDetectors: readonly Detector[] = [email, phone, fax, personName, firstName, lastName, jobTitle, company, gender, addressStreet, houseNumber, city, postalCode, region, country, phoneExtension, personPhone, dateOfBirth, employment, username, password, passwordHash, ipAddress, paymentCard, bankAccount, nationalId, freeText, freeTextIdentifiers, photo];

export { company, email, fax, firstName, gender, jobTitle, lastName, personName, phone, addressStreet, houseNumber, city, postalCode, region, country, phoneExtension, personPhone, dateOfBirth, employment, username, password, passwordHash, ipAddress, paymentCard, bankAccount, nationalId, freeText, freeTextIdentifiers, photo };
