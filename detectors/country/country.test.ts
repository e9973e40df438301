import { describe, expect, it } from 'vitest';
import { confidence, classifyColumn } from '../_shared/testing.js';
import { builtinDetectors } from '../index.js';
import { country, countryScore } from './country.js';

/** The category the whole catalogue gives a column, and every category it lists. */
function catalogue(field: string, values: readonly string[], personContext: boolean): { top: string | undefined; all: string[] } {
  const v = classifyColumn(builtinDetectors, field, values, { personContext });
  return { top: v.category, all: v.categories.map((c) => c.category) };
}

describe('country values', () => {
  it.each([
    'Denmark', 'Danmark', 'Dänemark', 'Danemark', 'Dinamarca', 'Tanska', 'Germany', 'Deutschland', 'Allemagne', 'Sverige',
    'Norge', 'Norway', 'Nederland', 'The Netherlands', 'Holland', 'USA', 'U.S.A.', 'United States', 'UK', 'United Kingdom',
    'Great Britain', 'England', 'Czech Republic', 'Czechia', 'Brasil', 'España', 'Österreich', 'Suisse', 'Sweden ',
  ])('knows %s', (v) => {
    expect(countryScore(v)).toBe(1);
  });

  it('weighs codes by how often they are something else', () => {
    expect(countryScore('DNK')).toBe(0.8);
    expect(countryScore('DK')).toBe(0.5);
    expect(countryScore('dk')).toBe(0.3);
    expect(countryScore('XX')).toBe(0);
  });

  it.each(['Rock', 'Copenhagen', 'Nørregade 12', 'Sales', 'Danish', '2100', 'jens@example.dk', ''])('rejects %s', (v) => {
    expect(countryScore(v)).toBe(0);
  });

  it('stays fast on long adversarial values', () => {
    countryScore('Denmark'); // builds the index outside the timing
    for (const v of ['Denmark '.repeat(12_500), 'a'.repeat(100_000), `${' '.repeat(99_990)}Denmark`]) {
      const t = performance.now();
      countryScore(v);
      expect(performance.now() - t).toBeLessThan(50);
    }
  });
});

describe('country names', () => {
  const countries = ['Brazil', 'Germany', 'Canada', 'Norway', 'Czech Republic', 'Austria', 'Belgium', 'Denmark', 'USA', 'Portugal', 'France'];

  it.each(['country', 'Country', 'country_name', 'land', 'Land', 'pays', 'pais', 'landekode'])('reports %s in a container about people', (name) => {
    expect(confidence(country, name, countries)).toBeGreaterThanOrEqual(0.8);
  });

  it.each(['ShipCountry', 'BillingCountry', 'billing_country', 'delivery_country', 'pays_livraison'])(
    'reports %s anywhere: an order is addressed to somebody',
    (name) => {
      expect(confidence(country, name, countries, false)).toBeGreaterThanOrEqual(0.8);
    },
  );

  it('reports a country-code column by its name, not a code column without one', () => {
    const codes = ['DK', 'SE', 'NO', 'DE', 'GB', 'US', 'FR', 'NL', 'DK', 'DK'];
    expect(confidence(country, 'country_code', codes)).toBeGreaterThanOrEqual(0.6);
    expect(confidence(country, 'lang', codes)).toBe(0);
    expect(confidence(country, 'code', codes)).toBe(0);
  });

  it.each(['country_of_origin', 'phone_country_code', 'country_id', 'currency_country'])('does not take %s for an address country', (name) => {
    expect(confidence(country, name, countries)).toBe(0);
  });

  it('does not report a list of countries on values alone', () => {
    expect(confidence(country, 'name', countries, false)).toBe(0);
    expect(confidence(country, 'country', countries, false)).toBe(0); // offices, artists' origins
  });
});

describe('a lookup of countries referenced from people\'s addresses', () => {
  const places = ['Norway', 'Portugal', 'Iceland', 'Chile', 'Kenya', 'Vietnam', 'Poland', 'Ireland', 'Mexico', 'Egypt', 'Finland', 'Greece'];

  it.each(['name', 'Name', 'navn', 'namn', 'naam'])('names the place in a bare %s column', (field) => {
    expect(catalogue(field, places, true).top).toBe('address.country');
  });

  it('is not personal in a lookup used by no one (no person context)', () => {
    expect(catalogue('name', places, false).all).not.toContain('address.country');
  });

  it('does not take the parts of a person\'s name for places', () => {
    const surnames = ['Lincoln', 'Bristol', 'Chester', 'Preston', 'Austin', 'Kent', 'Sheffield', 'Hull', 'Dallas', 'Florence'];
    for (const field of ['LastName', 'first_name', 'full_name', 'contact_name', 'nom', 'nombre']) {
      expect(catalogue(field, surnames, true).all, field).not.toContain('address.country');
    }
  });
});
