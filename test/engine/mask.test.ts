import { describe, expect, it } from 'vitest';
import { maskValue } from '../../src/engine/mask.js';

describe('maskValue', () => {
  it('masks e-mail addresses to first letter and top-level domain', () => {
    expect(maskValue('jens.hansen@firma.dk', 'email')).toBe('j***@***.dk');
  });
  it('masks phone numbers keeping separators and two digits at each end', () => {
    expect(maskValue('+45 33 12 34 56', 'phone')).toBe('+45 ** ** ** 56');
  });
  it('masks words to their first letter without leaking length', () => {
    expect(maskValue('Nørregade 12', 'address.street')).toBe('N*** 1***');
    expect(maskValue('Anna', 'person.first_name')).toBe(maskValue('Annabelle', 'person.first_name'));
  });
  it('never shows a password', () => {
    expect(maskValue('hunter2', 'password')).toBe('********');
  });
  it('masks short numbers completely', () => {
    expect(maskValue('2100', 'address.postal_code')).toBe('2***');
    expect(maskValue('123456', 'phone')).toBe('******');
  });
});
