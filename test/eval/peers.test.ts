import { describe, expect, it } from 'vitest';
import { OTHER, columnVerdict, mapOpenRedactionType } from '../../scripts/eval/peers.js';

describe('peer column verdict', () => {
  it('predicts the category at least half of the non-empty values have', () => {
    expect(columnVerdict(['email', 'email', undefined, 'phone'])).toBe('email');
    expect(columnVerdict(['email', undefined, undefined])).toBeUndefined();
    expect(columnVerdict([])).toBeUndefined();
  });
  it('maps entity types to pdmap categories, and unknown PII types to other', () => {
    expect(mapOpenRedactionType('PHONE_UK_MOBILE')).toBe('phone');
    expect(mapOpenRedactionType('ZIP_CODE_US')).toBe('address.postal_code');
    expect(mapOpenRedactionType('KENYA_NATIONAL_ID')).toBe('national_id');
    expect(mapOpenRedactionType('SHIPMENT_TRACKING')).toBe(OTHER);
  });
});
