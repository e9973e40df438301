import { ValidationErrorsIBAN, electronicFormatIBAN, validateIBAN } from 'ibantools';
import type { Detector } from '../../src/types.js';

/** IBAN as written: country code, check digits, then letters/digits in optional groups. */
const IBAN_SHAPE = /^[a-z]{2}\d{2}[\da-z -]{10,40}$/i;
/** Danish reg.nr (4 digits) and account number (up to 10 digits): `1234-0001234567`, `1234 1234567890`. */
const DK_REG_ACCOUNT = /^\d{4}[ -]\d{6,10}$/;
/** Other domestic forms: `12-34-56 12345678` (UK sort code), `1234.56.78901`, `NL…` handled above. */
const SORT_CODE_ACCOUNT = /^\d{2}-\d{2}-\d{2}[ -]\d{8}$/;
const DOTTED_ACCOUNT = /^\d{3,6}\.\d{2,8}(?:\.\d{1,8})?$/;
const BARE_ACCOUNT = /^\d{8,18}$/;

/**
 * Value evidence for a bank account: 1 for a valid IBAN (check digits and the country's
 * BBAN format, via ibantools), 0.8 when only the national check digit is wrong; 0.45 for a domestic account written in a bank's usual way
 * (Danish reg.nr + kontonr, UK sort code + account); 0.2 for bare digits of an account's
 * length. A BIC identifies a bank, not a person, and is not evidence.
 */
export function bankAccountScore(value: string): number {
  const n = value.length;
  if (n < 8 || n > 48) return 0;
  const first = value.charCodeAt(0);
  if (first > 57) {
    if (!IBAN_SHAPE.test(value)) return 0;
    const iban = electronicFormatIBAN(value);
    if (iban === undefined || iban === null) return 0;
    const r = validateIBAN(iban);
    if (r.valid) return 1;
    // Test and sample data often carry a right ISO 7064 checksum but a made-up national check
    // digit (Spain, Italy, France…): still an IBAN by shape, length and checksum.
    const onlyNational = r.errorCodes.length > 0 && r.errorCodes.every((e) => e === ValidationErrorsIBAN.WrongAccountBankBranchChecksum);
    return onlyNational ? 0.8 : 0;
  }
  if (DK_REG_ACCOUNT.test(value) || SORT_CODE_ACCOUNT.test(value)) return 0.45;
  if (DOTTED_ACCOUNT.test(value)) return 0.3;
  if (BARE_ACCOUNT.test(value)) return 0.2;
  return 0;
}

export const bankAccount: Detector = {
  id: 'bank-account',
  category: 'bank_account',
  description: 'bank account numbers and IBANs',
  valueWeight: 0.9,
  match: bankAccountScore,
  names: [
    { pattern: 'iban', weight: 0.95 },
    { pattern: 'bank account', weight: 0.95, lang: 'en' },
    { pattern: 'bank account number', weight: 0.95, lang: 'en' },
    { pattern: 'bankaccount*', weight: 0.9, lang: 'en' },
    { pattern: 'account number', weight: 0.8, lang: 'en', when: 'person-context' },
    { pattern: 'account no', weight: 0.8, lang: 'en', when: 'person-context' },
    { pattern: 'acct no', weight: 0.8, lang: 'en', when: 'person-context' },
    { pattern: 'bank acct', weight: 0.95, lang: 'en' },
    { pattern: 'bank acc', weight: 0.9, lang: 'en' },
    { pattern: 'sort code', weight: 0.8, lang: 'en' },
    { pattern: 'routing number', weight: 0.7, lang: 'en', when: 'person-context' },
    { pattern: 'bank details', weight: 0.85, lang: 'en' },
    { pattern: 'kontonummer', weight: 0.9, lang: 'da' },
    { pattern: 'konto nr', weight: 0.9, lang: 'da' },
    { pattern: 'kontonr', weight: 0.9, lang: 'da' },
    { pattern: 'konto', weight: 0.7, lang: 'da', when: 'person-context' },
    { pattern: 'reg nr', weight: 0.8, lang: 'da' },
    { pattern: 'regnr', weight: 0.8, lang: 'da' },
    { pattern: 'registreringsnummer', weight: 0.6, lang: 'da', when: 'person-context' },
    { pattern: 'bankkonto*', weight: 0.95, lang: 'da' },
    { pattern: 'bankoplysninger', weight: 0.9, lang: 'da' },
    { pattern: 'bankverbindung', weight: 0.9, lang: 'de' },
    { pattern: 'bankkontonummer', weight: 0.95, lang: 'sv' },
    { pattern: 'rekeningnummer', weight: 0.95, lang: 'nl' },
    { pattern: 'bankrekening*', weight: 0.95, lang: 'nl' },
    { pattern: 'numero de compte', weight: 0.85, lang: 'fr' },
    { pattern: 'compte bancaire', weight: 0.95, lang: 'fr' },
    { pattern: 'rib', weight: 0.8, lang: 'fr' },
    { pattern: 'numero de cuenta', weight: 0.85, lang: 'es' },
    { pattern: 'cuenta bancaria', weight: 0.95, lang: 'es' },
    { pattern: 'cuenta', weight: 0.6, lang: 'es', when: 'person-context' },
    // A bank's own code, or a ledger account in bookkeeping, is not a person's account.
    { pattern: 'bic', weight: -0.9 },
    { pattern: 'swift', weight: -0.9 },
    { pattern: 'bank name', weight: -0.9 },
    { pattern: 'type', weight: -0.9 },
    { pattern: 'ledger', weight: -0.9 },
    { pattern: 'gl', weight: -0.8 },
    { pattern: 'finans*', weight: -0.6 },
    { pattern: 'cvr', weight: -0.95 },
    { pattern: 'vat', weight: -0.95 },
    { pattern: 'phone', weight: -0.95 },
    { pattern: 'telefon*', weight: -0.95 },
    { pattern: 'tlf', weight: -0.95 },
  ],
};
