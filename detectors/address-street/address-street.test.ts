import { Faker, base, da, de, en, en_GB, en_US, fr, nb_NO, nl, sv } from '@faker-js/faker';
import { describe, expect, it } from 'vitest';
import { classifyColumn, confidence } from '../_shared/testing.js';
import { builtinDetectors } from '../index.js';
import { addressStreet, houseNumber, houseNumberScore, streetScore } from './address-street.js';

const STREETS = [
  // Danish, Norwegian, Swedish
  'Nørregade 12, 2. th.', 'Strandvejen 100', 'Vesterbrogade 3, st. tv.', 'H.C. Andersens Boulevard 27', 'Ullevålsveien 14',
  'Karl Johans gate 22', 'Storgatan 3B', 'Berguvsvägen 8', 'Celsiusg. 9', 'Nørregade 12, 1165 København K',
  // German, Dutch
  'Hauptstraße 5', 'Obere Str. 57', 'Theodor-Heuss-Straße 34', 'Kirchgasse 6', 'Berliner Platz 43', 'Am Markt 5',
  'Keizersgracht 123', 'Grétrystraat 63', 'Stationsweg 12a',
  // French, Spanish, Portuguese, Italian, Polish
  '12 rue de la Paix', '24, place Kléber', '184, chaussée de Tournai', 'C/ Araquil, 67', 'Avda. de la Constitución 2222',
  'Av. Paulista, 1578', 'Rua Dr. Falcão Filho, 155', 'Via Monte Bianco 34', 'ul. Filtrowa 68',
  // English
  '221B Baker Street', '1600 Amphitheatre Parkway', '8 Johnstown Road', '2817 Milton Dr.', '87 Polk St. Suite 5',
  // Boxes and c/o
  'P.O. Box 555', 'PO Box 78934', 'Postboks 123', 'Postfach 10 10', 'c/o Jensen, Nørregade 12',
];

describe('address-street values', () => {
  it.each(STREETS)('accepts %s', (v) => {
    expect(streetScore(v)).toBeGreaterThanOrEqual(0.8);
  });

  it('gives partial credit to lines without a street word', () => {
    expect(streetScore('Mataderos 2312')).toBe(0.4);
    expect(streetScore('Apt 4B')).toBe(0.8);
    expect(streetScore('Suite 300')).toBe(0.8);
    expect(streetScore('2. th.')).toBe(0.8);
    expect(streetScore('Fauntleroy Circus')).toBe(0.5);
    expect(streetScore('Old Town')).toBe(0.3);
  });

  it.each([
    'iPhone 15 Pro', 'Model 3', 'Windows 11', 'Symphony No. 5', 'Live at Wembley 1986', 'ORD-12345', 'INV 2023 0001',
    '2020-05-12', '12 May 2020', '1. maj 2021', 'v1.2.3', 'Ubuntu 22.04', '10:30', '12.5', '1234567',
    'I live at 12 Baker Street and I love it', 'We moved to Nørregade 12 last year', 'Is this 12 Baker Street?',
    'jens@example.dk', 'https://example.com/street/12', 'For Those About To Rock (We Salute You)',
  ])('rejects %s', (v) => {
    expect(streetScore(v)).toBe(0);
  });

  it.each(['Gate 5', 'Toyota 2', 'Nintendo 64', 'Catch 22', 'Terminal 2', 'Let There Be Rock', 'Jagged Little Pill'])('stays below a street for %s', (v) => {
    expect(streetScore(v)).toBeLessThan(0.5);
  });

  it('recognises generated street lines in many locales', () => {
    for (const locale of [da, de, sv, nb_NO, nl, fr, en_GB, en_US]) {
      const f = new Faker({ locale: [locale, en, base] });
      f.seed(7);
      const values = Array.from({ length: 200 }, (_, i) => f.location.streetAddress(i % 2 === 0));
      const mean = values.reduce((a, v) => a + streetScore(v), 0) / values.length;
      expect(mean, locale.metadata?.code ?? '?').toBeGreaterThan(0.75);
    }
  });

  it('stays fast on long adversarial values', () => {
    streetScore('Nørregade 12'); // first-call compilation outside the timing
    const inputs = ['1 '.repeat(50_000), 'a'.repeat(100_000), 'Street 1 '.repeat(11_000), `${' '.repeat(99_990)}Vej 1`, '9'.repeat(100_000)];
    for (const v of inputs) {
      const t = performance.now();
      streetScore(v);
      expect(performance.now() - t).toBeLessThan(50);
    }
    // Padded fixed-width values are trimmed first.
    expect(streetScore(`Nørregade 12${' '.repeat(200)}`)).toBe(1);
  });
});

describe('address-street names', () => {
  const values = ['Nørregade 12', 'Hauptstraße 5', '221B Baker Street', '12 rue de la Paix', 'Strandvejen 100'];

  it.each(['address', 'Address', 'addr1', 'AddressLine1', 'street', 'adresse', 'Anschrift', 'gade', 'gatuadress', 'direccion', 'adres'])(
    'reports %s in a container about people',
    (name) => {
      expect(confidence(addressStreet, name, values)).toBeGreaterThanOrEqual(0.8);
    },
  );

  it.each(['BillingAddress', 'ship_address', 'billing_street', 'leveringsadresse', 'Lieferadresse', 'adresse_livraison', 'ship_to_street'])(
    'reports %s anywhere: an order is addressed to somebody',
    (name) => {
      expect(confidence(addressStreet, name, values, false)).toBeGreaterThanOrEqual(0.8);
    },
  );

  it('does not report a shop or office address (no person context)', () => {
    expect(confidence(addressStreet, 'address', values, false)).toBe(0);
    expect(confidence(addressStreet, 'adresse', values, false)).toBe(0);
  });

  it.each(['email_address', 'EmailAddress', 'ip_address', 'mac_address', 'web_address', 'mailadresse', 'address_id'])(
    'does not take %s for a street address',
    (name) => {
      expect(confidence(addressStreet, name, values)).toBe(0);
    },
  );
});

describe('house numbers kept apart from the street', () => {
  const numbers = ['7', '19', '3a', '142', '8 B', '21', '5', '12 bis', '40-42', '9/1', '233', '61', '17c', '2'];
  /** The whole catalogue competing, as in a scan. */
  function verdict(field: string, values: readonly string[], personContext: boolean): string | undefined {
    return classifyColumn(builtinDetectors, field, values, { personContext }).category;
  }

  it.each(['7', '19', '3a', '8 B', '142', '9999', '12 bis', '40-42', '9/1'])('accepts %s as a house number', (v) => {
    expect(houseNumberScore(v)).toBe(1);
  });

  it.each(['0', '12345', 'Nørregade 12', 'abc', '12.5', '2024-01-01', '3 rooms', ''])('rejects %s', (v) => {
    expect(houseNumberScore(v)).toBe(0);
  });

  it.each(['Hausnummer', 'husnummer', 'huisnummer', 'house_number', 'HouseNo', 'street_number', 'husnr', 'numero_de_rue', 'numero_exterior'])(
    '%s with bare numbers is part of the street line in a table about people',
    (field) => {
      expect(verdict(field, numbers, true)).toBe('address.street');
    },
  );

  it('also on an order, where the address is the customer\'s', () => {
    expect(verdict('lev_husnr', numbers, false)).toBe('address.street');
    expect(verdict('billing_house_number', numbers, false)).toBe('address.street');
  });

  it('bare numbers need the house-number name', () => {
    expect(houseNumber.requiresName).toBe(true);
    for (const field of ['number', 'numero', 'nr', 'floor', 'quantity', 'address_id', 'house_number_suffix']) {
      expect(verdict(field, numbers, true), field).not.toBe('address.street');
    }
  });

  it("leaves a shop's house number alone (no person context)", () => {
    expect(verdict('Hausnummer', numbers, false)).toBeUndefined();
  });

  it('a house-number column of words is not one', () => {
    expect(verdict('house_number', ['unknown', 'see notes', 'n/a', 'tbd', 'ask customer'], true)).not.toBe('address.street');
  });
});
