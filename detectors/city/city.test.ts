import { describe, expect, it } from 'vitest';
import { confidence } from '../_shared/testing.js';
import { buildGazetteer, cityGazetteer } from '../_shared/address/gazetteer.js';
import { city, cityScore } from './city.js';

describe('city gazetteer', () => {
  it('is built once per process, quickly', () => {
    const t = performance.now();
    const g = cityGazetteer();
    const ms = performance.now() - t;
    expect(g.size).toBeGreaterThan(150_000);
    // ~0.2 s on a quiet machine; the bound leaves room for a busy CI runner.
    expect(ms).toBeLessThan(1500);
    expect(cityGazetteer()).toBe(g);
  });

  it('indexes main names, alternate names of larger places, and both Nordic spellings', () => {
    const line = (name: string, alternates: string, population: number): string =>
      ['1', name, name, alternates, '0', '0', 'P', 'PPL', 'DK', '', '17', '', '', '', String(population), '', '0', 'Europe/Copenhagen', '2020-01-01'].join('\t');
    const g = buildGazetteer([line('Køge', 'Koge,KGE,ko ge', 37_000), line('Smørum', 'Smorum Nedre', 1_200)].join('\n'));
    expect(g.has('koge')).toBe(true);
    expect(g.has('koege')).toBe(true); // the `oe` spelling of ø
    expect(g.has('kge')).toBe(false); // an all-capitals code, not a name
    expect(g.has('ko ge')).toBe(false); // a lower-case transliteration
    expect(g.has('smorum')).toBe(true);
    expect(g.has('smorum nedre')).toBe(false); // alternates of small places are left out
  });
});

describe('city values', () => {
  it.each([
    'København', 'Copenhagen', 'Kobenhavn', 'Koebenhavn', 'KØBENHAVN', 'Aarhus', 'Århus', 'Odense', 'Aalborg',
    'München', 'Munich', 'Muenchen', 'Köln', 'São Paulo', 'Sao Paulo', 'Göteborg', 'Gothenburg', 'Malmö', 'Bergen',
    'Tromsø', 'Rotterdam', "'s-Hertogenbosch", 'Genève', 'Montréal', 'Warszawa', 'Lisboa', 'Reggio Emilia', 'St. Louis',
    'Edinburgh ',
  ])('knows %s', (v) => {
    expect(cityScore(v)).toBe(1);
  });

  it.each(['2100 København Ø', 'DK-8000 Aarhus C', 'S-958 22 Luleå', 'København K', 'Frankfurt a.M.', 'Paris 75008', 'Seattle, WA', 'Ste-Hyacinthe'])(
    'knows the place in %s',
    (v) => {
      expect(cityScore(v)).toBe(0.9);
    },
  );

  it.each(['2100', 'ORD-57097', 'jens@example.dk', 'https://koebenhavn.dk', '12:30', 'Rock', 'Jazz', 'Chai', 'Aniseed Syrup', 'Nørregade 12', 'Sales Representative', 'Let There Be Rock', ''])(
    'rejects %s',
    (v) => {
      expect(cityScore(v)).toBe(0);
    },
  );

  it('stays fast on long adversarial values', () => {
    cityGazetteer();
    for (const v of ['København '.repeat(10_000), 'a'.repeat(100_000), `${' '.repeat(99_990)}Odense`, '1 a '.repeat(25_000)]) {
      const t = performance.now();
      cityScore(v);
      expect(performance.now() - t).toBeLessThan(50);
    }
  });
});

describe('city names', () => {
  const cities = ['København', 'Aarhus', 'Odense', 'Berlin', 'London', 'Paris', 'Madrid', 'Oslo', 'Stockholm', 'Seattle'];

  it.each(['city', 'City', 'town', 'by', 'bynavn', 'Ort', 'stadt', 'stad', 'poststed', 'postort', 'woonplaats', 'ville', 'ciudad'])(
    'reports %s in a container about people',
    (name) => {
      expect(confidence(city, name, cities)).toBeGreaterThanOrEqual(0.8);
    },
  );

  it.each(['BillingCity', 'ship_city', 'ShipCity', 'lev_by', 'delivery_city', 'ville_livraison', 'ship_to_city', 'Wohnort'])(
    'reports %s anywhere: an order is addressed to somebody',
    (name) => {
      expect(confidence(city, name, cities, false)).toBeGreaterThanOrEqual(0.8);
    },
  );

  it('does not report a list of places on values alone', () => {
    expect(confidence(city, 'territory_description', cities, false)).toBe(0);
    expect(confidence(city, 'name', cities, true)).toBe(0);
    expect(confidence(city, 'city', cities, false)).toBe(0); // an office or shop list
  });

  it.each(['created_by', 'updated_by', 'city_id', 'city_population'])('does not take %s for a city', (name) => {
    expect(confidence(city, name, cities)).toBe(0);
  });

  it('does not take a band or genre column named like a city for one', () => {
    expect(confidence(city, 'city', ['Rock', 'Jazz', 'Metal', 'Alternative & Punk', 'Blues', 'Latin', 'Reggae', 'Classical'])).toBe(0);
  });
});
