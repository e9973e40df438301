import type { BuiltinCategory } from '../types.js';
import type { DataCategory, Policy } from './schema.js';

/** Readable names for pdmap's category ids, for reports. */
export const CATEGORY_LABELS: Readonly<Record<BuiltinCategory, string>> = {
  email: 'E-mail address',
  phone: 'Phone number',
  fax: 'Fax number',
  'address.street': 'Street address',
  'address.city': 'City',
  'address.postal_code': 'Postal code',
  'address.region': 'Region',
  'address.country': 'Country',
  'person.name': 'Name',
  'person.first_name': 'First name',
  'person.last_name': 'Last name',
  job_title: 'Job title',
  company: 'Company',
  date_of_birth: 'Date of birth',
  hire_date_or_employment: 'Employment dates',
  username: 'Username / login ID',
  password: 'Password',
  payment_card: 'Payment card number',
  bank_account: 'Bank account',
  national_id: 'National id number (e.g. CPR)',
  ip_address: 'IP address',
  free_text_personal: 'Free text about a person',
  photo: 'Photo',
  gender: 'Gender',
};

export function categoryLabel(category: string): string {
  return (CATEGORY_LABELS as Readonly<Record<string, string>>)[category] ?? category;
}

/** Does a policy pattern (`email`, `address.*`) cover a pdmap category? */
export function categoryCovered(pattern: string, category: string): boolean {
  if (pattern === category) return true;
  if (pattern.endsWith('.*')) {
    const prefix = pattern.slice(0, -2);
    return category === prefix || category.startsWith(`${prefix}.`);
  }
  return false;
}

/** The policy's data category that covers a pdmap category, if any (the first in policy order). */
export function policyCategoryOf(policy: Policy, category: string): DataCategory | undefined {
  return policy.dataCategories.find((d) => d.pdmapCategories.some((pc) => categoryCovered(pc, category)));
}
