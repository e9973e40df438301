import { Faker, base, de, en, fr } from '@faker-js/faker';
import { describe, expect, it } from 'vitest';
import { classifyField } from '../../src/engine/classify.js';
import { builtinDetectors } from '../index.js';
import { organisationScore } from '../_shared/names/organisation.js';
import { classifyColumn, HOSTILE, share } from '../_shared/names/testing.js';

describe('company values', () => {
  it.each([
    ['Hansen & Søn A/S'], ['Nordisk Data ApS'], ['Müller GmbH'], ['Volvo AB'], ['Equinor ASA'], ['Philips N.V.'],
    ['Banco do Brasil S.A.'], ['JetBrains s.r.o.'], ['Apple Inc.'], ['Acme Ltd'], ['Initech LLC'], ['Globex plc'],
    ['Blauer See Auto, Co.'], ['Telefónica, S.A.'], ['Renault SAS'], ['Fiat S.p.A.'],
  ])('proves %s with its legal form', (v) => expect(organisationScore(v)).toBe(1));

  it.each([['Richter Supermarkt'], ['Frankenversand'], ['Tortuga Restaurante'], ['Island Trading'], ['Nordic Consulting Group'], ['GROSELLA-Restaurante']])(
    'sees the business in %s',
    (v) => expect(organisationScore(v)).toBeGreaterThanOrEqual(0.7),
  );

  it.each([['Nancy Davolio'], ['Sales Manager'], ['2021-03-04 10:00:00'], ['12345'], ['nancy@example.com'], ['AB'], ['WA'], ['n/a']])(
    'does not take %s for a company',
    (v) => expect(organisationScore(v)).toBeLessThanOrEqual(0.15),
  );

  it('knows generated company names (synthetic, faker with a fixed seed)', () => {
    for (const [locale, seed] of [[en, 1], [de, 2], [fr, 3]] as const) {
      const f = new Faker({ locale: [locale, en, base] });
      f.seed(seed);
      const names = Array.from({ length: 200 }, () => f.company.name());
      expect(share(names, organisationScore, 0.4), `locale ${String(locale.metadata?.code)}`).toBeGreaterThan(0.7);
    }
  });

  it('runs in linear time on hostile input', () => {
    for (const v of HOSTILE) {
      const t = performance.now();
      organisationScore(v);
      expect(performance.now() - t).toBeLessThan(50);
    }
  });
});

describe('company columns', () => {
  const companies = ['Alfreds Futterkiste', 'Ana Trujillo Emparedados y helados', 'Around the Horn', "Berglunds snabbköp", 'Blauer See Delikatessen', 'Bon app', 'Bottom-Dollar Markets', 'Cactus Comidas para llevar', 'Centro comercial Moctezuma', 'Nordisk Data ApS', 'Müller GmbH', 'Ernst Handel'];
  it.each([['company'], ['company_name'], ['CompanyName'], ['firma'], ['virksomhed'], ['firmanavn'], ['Unternehmen'], ['företag'], ['bedrift'], ['bedrijf'], ['société'], ['empresa'], ['employer'], ['organisation']])(
    'finds %s in a person table',
    (field) => expect(classifyColumn(field, companies, { personContext: true }).category).toBe('company'),
  );
  it('leaves the names of organisation-only tables alone (labelling rule 4)', () => {
    expect(classifyColumn('company_name', ['Speedy Express', 'United Package', 'Federal Shipping'], { container: 'shippers' }).personal).toBe(false);
    expect(classifyColumn('company_name', ['Nordisk Data ApS', 'Müller GmbH', 'Volvo AB', 'Acme Ltd', 'Initech LLC'], { container: 'offices' }).personal).toBe(false);
  });
  it('labels order ship names by their values', () => {
    expect(classifyColumn('ship_name', companies, { container: 'orders' }).category).toBe('company');
    const people = ['Nancy Davolio', 'Andrew Fuller', 'Janet Leverling', 'Margaret Peacock', 'Steven Buchanan', 'Michael Suyama', 'Robert King', 'Laura Callahan'];
    expect(classifyColumn('ship_name', people, { container: 'orders' }).category).toBe('person.name');
  });
  it('does not take company phone or address columns for the company', () => {
    expect(classifyColumn('company_phone', ['+45 33 12 34 56', '+45 70 20 30 40'], { personContext: true }).categories.map((c) => c.category)).not.toContain('company');
  });

  describe("a person table's generic name column", () => {
    const parties = ['Vestkyst Fragt ApS', 'Holm & Søn A/S', 'Fjordens VVS ApS', 'Skovgaard Tømrer A/S', 'Brink Elektro IVS', 'Sønderby Maskiner A/S', 'Østerlund Rengøring ApS', 'Kirkegaard Revision A/S', 'Nygaard Transport ApS', 'Mølleå Bageri I/S'];
    const people = ['Birthe Kjær', 'Jonas Holm', 'Signe Dalsgaard', 'Mikkel Brink', 'Karen Østergaard', 'Anders Kirk', 'Lise Nygaard', 'Henrik Mølgaard'];
    const withCatalogue = (field: string, values: readonly string[], container: string, personContext: boolean) =>
      classifyField(
        { source: 'test', sourceKind: 'sqlite', container: `main.${container}`, containerType: 'table', field },
        'text',
        { rows: values.length, values: [...values], binaryHeads: [] },
        { name: container, fieldNames: [field, 'att', 'email'], personContext },
        { detectors: builtinDetectors, match: { defaultCountry: 'DK' }, minConfidence: 0.5, revealValues: false, maxExamples: 3 },
      );

    it.each([['navn'], ['name'], ['Name'], ['namn'], ['naam'], ['nom'], ['nombre']])('%s holding companies with legal forms is the company', (field) => {
      expect(withCatalogue(field, parties, 'kunde', true).category).toBe('company');
    });

    it('holding people is a person, not a company', () => {
      const v = withCatalogue('navn', people, 'kunde', true);
      expect(v.category).toBe('person.name');
      expect(v.categories.map((c) => c.category)).not.toContain('company');
    });

    it('the same companies in a table not about people are not personal', () => {
      expect(withCatalogue('manufacturer', parties, 'products', false).categories.map((c) => c.category)).not.toContain('company');
      expect(withCatalogue('navn', parties, 'produkter', false).categories.map((c) => c.category)).not.toContain('company');
      expect(withCatalogue('Hersteller', parties, 'Artikel', false).categories.map((c) => c.category)).not.toContain('company');
    });

    it('other names in a person table stay what they are', () => {
      expect(classifyColumn('first_name', ['Birthe', 'Jonas', 'Signe', 'Mikkel', 'Karen', 'Anders'], { personContext: true }).categories.map((c) => c.category)).not.toContain('company');
      expect(classifyColumn('product_name', ['Bakery Mix Deluxe', 'Holm Coffee Roasters Blend', 'Trading Cards Box', 'Garden Centre Gift Card'], { personContext: true }).categories.map((c) => c.category)).not.toContain('company');
    });
  });
});
