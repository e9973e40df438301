import { describe, expect, it } from 'vitest';
import { seedPolicy } from '../../src/policy/load.js';
import { globMatch, linkLocation, locationKey, suggestPurposes } from '../../src/policy/link.js';
import type { Policy } from '../../src/policy/schema.js';
import type { Location } from '../../src/types.js';

const table = (container: string, field = 'email', source = 'crm'): Location => ({
  source,
  sourceKind: 'postgres',
  schema: container.split('.')[0] as string,
  container,
  containerType: 'table',
  field,
});
const file = (path: string, field = 'email'): Location => ({ source: 'exports', sourceKind: 'files', container: path, containerType: 'file', field });

const ALL = new Set([1, 2, 3, 4, 5, 6, 7, 8]);
const suggested = (loc: Location) => suggestPurposes(loc, ALL).map((l) => l.purpose);

describe('globMatch', () => {
  it('matches source.schema.table.column globs, case-insensitively', () => {
    expect(globMatch('*.public.orders.*', 'crm.public.orders.email')).toBe(true);
    expect(globMatch('*.public.orders.*', 'sqlite:/data/shop.db.public.orders.email')).toBe(true);
    expect(globMatch('crm.*.contacts.email', 'crm.sales.contacts.email')).toBe(true);
    expect(globMatch('crm.*.contacts.email', 'crm.sales.contacts.phone')).toBe(false);
    expect(globMatch('*.PUBLIC.Orders.*', 'crm.public.orders.id')).toBe(true);
    expect(globMatch('*.public.order?.*', 'crm.public.orders.id')).toBe(true);
    expect(globMatch('*.public.orders.*', 'crm.public.orders_archive.id')).toBe(false);
  });

  it('stays fast on patterns that would make a regex backtrack', () => {
    const t0 = performance.now();
    expect(globMatch('*a*a*a*a*a*a*a*a*b', 'a'.repeat(5000))).toBe(false);
    expect(performance.now() - t0).toBeLessThan(500);
  });
});

describe('purpose suggestions from names', () => {
  it.each([
    ['public.orders', [6]],
    ['public.order_lines', [6]],
    ['salg.kundeordrer', [1, 5, 6]],
    ['public.ordre', [6]],
    ['public.fakturaer', [6]],
    ['shop.Rechnungen', [6]],
    ['shop.Bestellungen', [6]],
    ['public.invoices', [6]],
    ['public.payments', [6]],
    ['public.quotes', [1, 6]],
    ['public.tilbud', [1, 6]],
    ['public.Angebote', [1, 6]],
    ['public.shipments', [3, 5]],
    ['public.leveringer', [3, 5]],
    ['shop.Lieferungen', [3, 5]],
    ['public.support_tickets', [4]],
    ['public.feedback', [4]],
    ['public.users', [7]],
    ['public.login_sessions', [7]],
    ['public.brugere', [7]],
    ['public.newsletter_subscribers', [8]],
    ['public.nyhedsbrev_tilmeldinger', [8]],
    ['public.marketing_consents', [8]],
    ['public.customers', [1, 5]],
    ['public.kunder', [1, 5]],
    ['public.Kunden', [1, 5]],
    ['public.contacts', [1, 5]],
    ['public.leads', [1, 8]],
  ])('%s → %j', (container, purposes) => {
    expect(suggested(table(container, 'name'))).toEqual(purposes);
  });

  it('suggests nothing for data no purpose of the policy covers', () => {
    expect(suggested(table('hr.employees', 'name'))).toEqual([]);
    expect(suggested(table('public.medarbejdere', 'navn'))).toEqual([]);
    expect(suggested(table('public.import_2019', 'email'))).toEqual([]);
  });

  it('adds a purpose from the field name: a password in a customer table is web access (7)', () => {
    expect(suggested(table('public.customers', 'password_hash'))).toEqual([1, 5, 7]);
    expect(suggested(table('public.customers', 'adgangskode'))).toEqual([1, 5, 7]);
  });

  it('reads what a table is for from the other fields in it: interests → 2, a consent or newsletter flag → 8', () => {
    const siblings = ['first_name', 'email', 'interests', 'marketing_consent', 'consent_date'];
    expect(suggestPurposes(table('public.contacts', 'email'), ALL, siblings).map((l) => [l.purpose, l.because])).toEqual([
      [1, 'table name matches "contact*"'],
      [2, 'field "interests" in the same table matches "interests"'],
      [5, 'table name matches "contact*"'],
      [8, 'field "marketing_consent" in the same table matches "marketing consent*"'],
    ]);
    expect(suggestPurposes(file('exports/contacts.tsv'), ALL, ['email', 'newsletter']).map((l) => l.purpose)).toEqual([1, 5, 8]);
    expect(suggestPurposes(table('hr.employees', 'email'), ALL, ['email', 'hire_date']).map((l) => l.purpose)).toEqual([]);
  });

  it('reads the whole path of a file', () => {
    expect(suggested(file('exports/newsletter/2023.csv'))).toEqual([8]);
    expect(suggested(file('exports/kunder.csv'))).toEqual([1, 5]);
    expect(suggested(file('logs/app.log', 'ip'))).toEqual([]);
  });

  it('explains each suggestion', () => {
    expect(suggestPurposes(table('public.orders'), ALL)[0]).toEqual({ purpose: 6, kind: 'suggested', because: 'table name matches "order*"' });
  });

  it('only suggests purposes the policy has', () => {
    expect(suggestPurposes(table('public.orders'), new Set([1, 2]))).toEqual([]);
  });
});

describe('linkLocation', () => {
  const policy = (links: Policy['links']): Policy => ({ ...seedPolicy(), links });

  it('suggests where no rule speaks', () => {
    expect(linkLocation(table('public.orders'), seedPolicy())).toEqual({
      declared: false,
      links: [{ purpose: 6, kind: 'suggested', because: 'table name matches "order*"' }],
    });
  });

  it('lets a declared rule replace the suggestions', () => {
    const p = policy([{ match: '*.public.orders.*', purposes: [6, 3] }]);
    expect(linkLocation(table('public.orders'), p)).toEqual({
      declared: true,
      links: [
        { purpose: 3, kind: 'declared', because: 'rule *.public.orders.*' },
        { purpose: 6, kind: 'declared', because: 'rule *.public.orders.*' },
      ],
    });
    // A rule with no purposes says "no purpose", on purpose.
    expect(linkLocation(table('public.orders'), policy([{ match: 'crm.public.orders.*', purposes: [] }]))).toEqual({ declared: true, links: [] });
  });

  it('matches file rules by path and field', () => {
    const p = policy([{ path: 'exports/**/*.csv', field: 'e*', purposes: [8] }]);
    expect(linkLocation(file('exports/2024/list.csv', 'email'), p).links.map((l) => l.purpose)).toEqual([8]);
    expect(linkLocation(file('exports/2024/list.csv', 'name'), p).declared).toBe(false);
    expect(linkLocation(table('exports.list', 'email'), p).declared).toBe(false);
  });

  it('builds keys as source.schema.table.column', () => {
    expect(locationKey(table('public.orders', 'email'))).toBe('crm.public.orders.email');
    expect(locationKey(file('a/b.csv', 'customer.email'))).toBe('exports.a/b.csv.customer.email');
  });
});
