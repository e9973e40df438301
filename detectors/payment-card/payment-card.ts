import type { Detector } from '../../src/types.js';

/** Card numbers as written: digits in groups separated by single spaces or dashes. */
const CARD_CHARS = /^\d[\d -]{11,22}\d$/;
/** `1234 5678 9012 3456`, `1234-5678-9012-3456` */
const GROUPED_4 = /^\d{4}(?:[ -]\d{4}){2,3}(?:[ -]\d{1,4})?$/;
/** `**** **** **** 1234`, `XXXX-XXXX-XXXX-1234`, `411111******1111`, `************1234` */
const MASKED = /^[\d*x•# -]{12,23}$/i;

/** Luhn (mod 10) over a digit string. */
export function luhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/**
 * Issuer identification: which card networks use this prefix, and with which lengths.
 * EAN-13 and many order numbers pass Luhn too; the prefix and length table keeps them out.
 */
export function cardNetwork(digits: string): string | undefined {
  const n = digits.length;
  const p2 = Number(digits.slice(0, 2));
  const p3 = Number(digits.slice(0, 3));
  const p4 = Number(digits.slice(0, 4));
  const p6 = Number(digits.slice(0, 6));
  if (digits[0] === '4') return n === 13 || n === 16 || n === 19 ? 'visa' : undefined;
  if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) return n === 16 ? 'mastercard' : undefined;
  if (p2 === 34 || p2 === 37) return n === 15 ? 'amex' : undefined;
  if (p4 === 5019) return n === 16 ? 'dankort' : undefined;
  if (p4 >= 2200 && p4 <= 2204) return n >= 16 && n <= 19 ? 'mir' : undefined;
  if (p4 === 6011 || (p3 >= 644 && p3 <= 649) || p2 === 65 || (p6 >= 622126 && p6 <= 622925)) {
    return n >= 16 && n <= 19 ? 'discover' : undefined;
  }
  if (p2 === 62) return n >= 16 && n <= 19 ? 'unionpay' : undefined;
  if (p4 >= 3528 && p4 <= 3589) return n >= 16 && n <= 19 ? 'jcb' : undefined;
  if ((p3 >= 300 && p3 <= 305) || p2 === 36 || p2 === 38 || p2 === 39) return n >= 14 && n <= 19 ? 'diners' : undefined;
  if (p2 === 50 || (p2 >= 56 && p2 <= 69)) return n >= 12 && n <= 19 ? 'maestro' : undefined;
  return undefined;
}

/**
 * Value evidence for a payment card number: 1 for a Luhn-valid number with a card network's
 * prefix and length, written bare or in groups; 0.3 for other card-length digits (test data);
 * 0.5 for a masked card number (the last four
 * digits and the issuer are still card data); 0 for anything else. A bare 13-digit number is
 * weak: EAN-13 barcodes starting with 4 look like old 13-digit Visa numbers.
 */
export function cardScore(value: string): number {
  const n = value.length;
  if (n < 12 || n > 23) return 0;
  if (CARD_CHARS.test(value)) {
    const digits = value.replace(/[ -]/g, '');
    if (digits.length < 13 || digits.length > 19) return 0;
    const network = luhn(digits) ? cardNetwork(digits) : undefined;
    // Sample databases invent card numbers (AdventureWorks' `33332664695310`): card-length digits
    // written as a card count a little, so that a `card_number` column is still found by its name.
    if (network === undefined) return digits.length >= 14 && (digits.length === value.length || GROUPED_4.test(value)) ? 0.3 : 0;
    // 13 digits is an EAN-13 length; only old Visa cards used it, and barcodes from 400–440 collide.
    if (digits.length === 13) return network === 'visa' ? 0.3 : 0;
    return 1;
  }
  return maskedScore(value);
}

function maskedScore(value: string): number {
  if (!MASKED.test(value)) return 0;
  let digits = 0;
  let masks = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i] ?? '';
    if (c >= '0' && c <= '9') digits++;
    else if (c !== ' ' && c !== '-') masks++;
  }
  const total = digits + masks;
  // At most the first six and last four digits are shown; the rest is masked.
  if (total < 13 || total > 19 || masks < 4 || digits > 10) return 0;
  return 0.5;
}

export const paymentCard: Detector = {
  id: 'payment-card',
  category: 'payment_card',
  description: 'payment card numbers',
  valueWeight: 0.85,
  match: cardScore,
  names: [
    { pattern: 'card number', weight: 0.9, lang: 'en' },
    { pattern: 'cardnumber', weight: 0.9, lang: 'en' },
    { pattern: 'card no', weight: 0.9, lang: 'en' },
    { pattern: 'card num', weight: 0.9, lang: 'en' },
    { pattern: 'credit card', weight: 0.9, lang: 'en' },
    { pattern: 'creditcard*', weight: 0.9, lang: 'en' },
    { pattern: 'debit card', weight: 0.9, lang: 'en' },
    { pattern: 'cc number', weight: 0.9, lang: 'en' },
    { pattern: 'cc num', weight: 0.9, lang: 'en' },
    { pattern: 'cc no', weight: 0.9, lang: 'en' },
    { pattern: 'ccnum', weight: 0.9, lang: 'en' },
    { pattern: 'pan', weight: 0.8, lang: 'en' },
    { pattern: 'masked pan', weight: 0.9, lang: 'en' },
    { pattern: 'card', weight: 0.6, lang: 'en', when: 'person-context' },
    { pattern: 'kortnummer', weight: 0.9, lang: 'da' },
    { pattern: 'kreditkort*', weight: 0.9, lang: 'da' },
    { pattern: 'betalingskort*', weight: 0.9, lang: 'da' },
    { pattern: 'dankort', weight: 0.85, lang: 'da' },
    { pattern: 'kartennummer', weight: 0.9, lang: 'de' },
    { pattern: 'kreditkarte*', weight: 0.9, lang: 'de' },
    { pattern: 'kartnummer', weight: 0.85, lang: 'sv' },
    { pattern: 'betalkort*', weight: 0.9, lang: 'sv' },
    { pattern: 'kaartnummer', weight: 0.9, lang: 'nl' },
    { pattern: 'creditcardnummer', weight: 0.9, lang: 'nl' },
    { pattern: 'numero de carte', weight: 0.9, lang: 'fr' },
    { pattern: 'numero carte', weight: 0.9, lang: 'fr' },
    { pattern: 'carte bancaire', weight: 0.9, lang: 'fr' },
    { pattern: 'carte de credit', weight: 0.9, lang: 'fr' },
    { pattern: 'numero de tarjeta', weight: 0.9, lang: 'es' },
    { pattern: 'numero tarjeta', weight: 0.9, lang: 'es' },
    { pattern: 'tarjeta*', weight: 0.85, lang: 'es' },
    // Facts about a card that are not its number, and cards that are not payment cards.
    { pattern: 'type', weight: -0.9 },
    { pattern: 'brand', weight: -0.9 },
    { pattern: 'expiry', weight: -0.9 },
    { pattern: 'expiration', weight: -0.9 },
    { pattern: 'exp', weight: -0.9 },
    { pattern: 'holder', weight: -0.9 },
    { pattern: 'gift card', weight: -0.8 },
    { pattern: 'giftcard', weight: -0.8 },
    { pattern: 'loyalty', weight: -0.8 },
    { pattern: 'library card', weight: -0.8 },
    { pattern: 'id card', weight: -0.9 },
    { pattern: 'sim card', weight: -0.9 },
    { pattern: 'ean', weight: -0.95 },
    { pattern: 'gtin', weight: -0.95 },
    { pattern: 'upc', weight: -0.95 },
    { pattern: 'barcode', weight: -0.95 },
    { pattern: 'isbn', weight: -0.95 },
    { pattern: 'imei', weight: -0.95 },
    { pattern: 'iccid', weight: -0.95 },
    { pattern: 'order', weight: -0.7 },
    { pattern: 'invoice', weight: -0.7 },
    { pattern: 'tracking', weight: -0.9 },
  ],
};
