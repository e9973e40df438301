import { describe, expect, it } from 'vitest';
import { confidence, classifyColumn } from '../_shared/testing.js';
import { builtinDetectors } from '../index.js';
import { region, regionScore } from './region.js';

/** The category the whole catalogue gives a column, and every category it lists. */
function catalogue(field: string, values: readonly string[], personContext: boolean): { top: string | undefined; all: string[] } {
  const v = classifyColumn(builtinDetectors, field, values, { personContext });
  return { top: v.category, all: v.categories.map((c) => c.category) };
}

describe('region values', () => {
  it.each([
    'California', 'Washington', 'Québec', 'Quebec', 'British Columbia', 'New South Wales', 'Bayern', 'Nordrhein-Westfalen',
    'Hovedstaden', 'Syddanmark', 'Skåne', 'Västra Götaland', 'Rogaland', 'Akershus', 'Noord-Holland', 'Île-de-France',
    'Bouches-du-Rhône', 'Andalucía', 'Lombardia', 'Bergamo', 'Essex', 'Isle of Wight', 'Táchira', 'São Paulo', 'Mazowieckie',
  ])('knows %s', (v) => {
    expect(regionScore(v)).toBe(1);
  });

  it.each(['Region Hovedstaden', 'Co. Cork', 'Skåne län', 'Stockholms län', 'Provincia di Bergamo', 'County Cork', 'US-CA', 'DK-84', 'SE-M'])(
    'knows the region in %s',
    (v) => {
      expect(regionScore(v)).toBeGreaterThanOrEqual(0.9);
    },
  );

  it.each(['CA', 'WA', 'QC', 'NSW', 'SP', 'BY'])('gives a short code partial credit: %s', (v) => {
    expect(regionScore(v)).toBe(0.6);
  });

  it.each(['Eastern', 'Northern', 'Western', 'Southern', 'Midwest'])('doubts compass names: %s', (v) => {
    expect(regionScore(v)).toBeLessThanOrEqual(0.3);
  });

  it.each(['Rock', 'Sales Representative', 'active', 'pending', 'ZZ', '12345', 'ca', 'Nørregade 12', ''])('rejects %s', (v) => {
    expect(regionScore(v)).toBe(0);
  });

  it('stays fast on long adversarial values', () => {
    regionScore('Bayern'); // builds the index outside the timing
    for (const v of ['Region '.repeat(15_000), 'a'.repeat(100_000), `${' '.repeat(99_990)}Bayern`]) {
      const t = performance.now();
      regionScore(v);
      expect(performance.now() - t).toBeLessThan(50);
    }
  });
});

describe('region names', () => {
  const states = ['WA', 'CA', 'SP', 'BC', 'Québec', 'Isle of Wight', 'Co. Cork', 'Táchira', 'NY', 'RJ'];

  it.each(['state', 'State', 'region', 'province', 'county', 'district', 'state_province', 'bundesland', 'provincia', 'fylke'])(
    'reports %s in a container about people',
    (name) => {
      expect(confidence(region, name, states)).toBeGreaterThanOrEqual(0.7);
    },
  );

  it.each(['BillingState', 'billing_state', 'ship_region', 'ShipRegion', 'ship_to_state', 'customer_county'])(
    'reports %s anywhere: an order is addressed to somebody',
    (name) => {
      expect(confidence(region, name, states, false)).toBeGreaterThanOrEqual(0.7);
    },
  );

  it('does not report lookups and lists of regions', () => {
    const usStates = ['Alabama', 'Alaska', 'Arizona', 'Arkansas', 'California', 'Colorado', 'Connecticut', 'Delaware', 'Florida', 'Georgia'];
    expect(confidence(region, 'state_name', usStates, false)).toBe(0);
    expect(confidence(region, 'state_abbr', ['AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'FL', 'GA'], false)).toBe(0);
    expect(confidence(region, 'region_description', ['Eastern', 'Western', 'Northern', 'Southern'], false)).toBe(0);
    expect(confidence(region, 'sales_region', states)).toBe(0);
  });

  it('does not take a status for a state', () => {
    expect(confidence(region, 'state', ['active', 'inactive', 'pending', 'active', 'closed', 'active'])).toBe(0);
    expect(confidence(region, 'order_state', states)).toBe(0);
  });
});

describe('a lookup of states or provinces referenced from people\'s addresses', () => {
  const places = ['Ontario', 'Queensland', 'Tasmania', 'Manitoba', 'Oregon', 'Vermont', 'Bayern', 'Sachsen', 'Hessen', 'Nordjylland', 'Gelderland', 'Jämtland'];

  it.each(['name', 'Name', 'navn', 'namn', 'naam'])('names the place in a bare %s column', (field) => {
    expect(catalogue(field, places, true).top).toBe('address.region');
  });

  it('is not personal in a lookup used by no one (no person context)', () => {
    expect(catalogue('name', places, false).all).not.toContain('address.region');
  });

  it('does not take the parts of a person\'s name for places', () => {
    const surnames = ['Lincoln', 'Bristol', 'Chester', 'Preston', 'Austin', 'Kent', 'Sheffield', 'Hull', 'Dallas', 'Florence'];
    for (const field of ['LastName', 'first_name', 'full_name', 'contact_name', 'nom', 'nombre']) {
      expect(catalogue(field, surnames, true).all, field).not.toContain('address.region');
    }
  });
});
