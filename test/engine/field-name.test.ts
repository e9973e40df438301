import { describe, expect, it } from 'vitest';
import { foldText, matchesPattern, scoreName, tokenize } from '../../src/engine/field-name.js';

describe('tokenize', () => {
  it.each([
    ['BillingPostalCode', ['billing', 'postal', 'code']],
    ['billing_postal_code', ['billing', 'postal', 'code']],
    ['kontakt-e-mail', ['kontakt', 'e', 'mail']],
    ['addr1', ['addr', '1']],
    ['HTTPStatus', ['http', 'status']],
    ['TLF_NR', ['tlf', 'nr']],
    ['Fødselsdato', ['foedselsdato']],
    ['Straße', ['strasse']],
    ['  spaced name ', ['spaced', 'name']],
    ['a"; DROP TABLE t; --', ['a', 'drop', 'table', 't']],
    ['', []],
  ])('%s', (name, tokens) => {
    expect(tokenize(name)).toEqual(tokens);
  });

  it('folds Nordic letters and accents', () => {
    expect(foldText('Århus Ærø Prénom')).toBe('aarhus aeroe prenom');
  });
});

describe('matchesPattern', () => {
  it('matches multi-word patterns written as one word or several', () => {
    expect(matchesPattern(tokenize('PostalCode'), 'postal code')).toBe(true);
    expect(matchesPattern(tokenize('postalcode'), 'postal code')).toBe(true);
    expect(matchesPattern(tokenize('e_mail'), 'email')).toBe(true);
    expect(matchesPattern(tokenize('customer_email'), 'email')).toBe(true);
  });
  it('does not match inside words without a wildcard', () => {
    expect(matchesPattern(tokenize('username'), 'name')).toBe(false);
    expect(matchesPattern(tokenize('telefonnummer'), 'telefon')).toBe(false);
  });
  it('matches compound words with a wildcard', () => {
    expect(matchesPattern(tokenize('telefonnummer'), 'telefon*')).toBe(true);
    expect(matchesPattern(tokenize('kundemail'), '*mail')).toBe(true);
    expect(matchesPattern(tokenize('Mobiltelefon'), '*telefon')).toBe(true);
  });
  it('stays fast on hostile names', () => {
    const hostile = 'a_'.repeat(50_000);
    const t0 = performance.now();
    matchesPattern(tokenize(hostile), 'postal code');
    expect(performance.now() - t0).toBeLessThan(500);
  });
});

describe('scoreName', () => {
  const signals = [
    { pattern: 'phone', weight: 0.9 },
    { pattern: 'fax', weight: -0.95 },
    { pattern: 'title', weight: 0.7, when: 'person-context' as const },
  ];
  it('returns the strongest hint and counter-hint', () => {
    expect(scoreName(tokenize('phone'), signals, false)).toEqual({ positive: 0.9, negative: 0, pattern: 'phone' });
    expect(scoreName(tokenize('fax_phone'), signals, false)).toMatchObject({ positive: 0.9, negative: 0.95 });
  });
  it('honours person context', () => {
    expect(scoreName(tokenize('title'), signals, false).positive).toBe(0);
    expect(scoreName(tokenize('title'), signals, true).positive).toBe(0.7);
  });
});
