import { describe, expect, it } from 'vitest';
import { seedPolicy } from '../../src/policy/load.js';
import { buildRecord } from '../../src/policy/record.js';
import { cutoffDate, detectDateColumn, planRetentionChecks, type RetentionCount } from '../../src/policy/retention.js';
import type { Policy } from '../../src/policy/schema.js';
import type { FieldVerdict } from '../../src/types.js';
import { fixtureInventory, SOURCE } from './fixture.js';

const NOW = new Date('2025-01-01T00:00:00Z');

/** The plan, with every planned check counted as `overdue` rows (what a connector would return). */
function counted(policy: Policy, overdue = 7): RetentionCount[] {
  return planRetentionChecks(fixtureInventory(), policy, NOW).map((c) =>
    c.status === 'planned' ? { ...c, status: 'counted' as const, overdue } : c,
  );
}

describe('retention planning', () => {
  const plan = planRetentionChecks(fixtureInventory(), seedPolicy(), NOW);

  it('checks tables whose purposes set a period, on a date column that fits the rule', () => {
    expect(plan.map((c) => [c.name, c.rule.id, c.column, c.columnSource, c.cutoff.slice(0, 10)])).toEqual([
      ['orders', 'orders', 'updated_at', 'detected', '2020-01-01'],
      ['quotes', 'offers', 'created_at', 'detected', '2023-01-01'],
    ]);
  });

  it('leaves out periods without a time limit and opt-outs that only stop processing', () => {
    expect(plan.find((c) => c.name === 'support_tickets')).toBeUndefined();
    expect(plan.find((c) => c.name === 'newsletter_subscribers')).toBeUndefined();
  });

  it('takes a configured column and says when a table has no date column', () => {
    const policy: Policy = { ...seedPolicy(), dateColumns: [{ match: '*.main.orders', column: 'order_date' }] };
    const withConfig = planRetentionChecks(fixtureInventory(), policy, NOW);
    expect(withConfig.find((c) => c.name === 'orders')).toMatchObject({ column: 'order_date', columnSource: 'configured', status: 'planned' });
    const inv = fixtureInventory();
    const noDates = { ...inv, fields: inv.fields.filter((f) => !(f.location.container === 'main.quotes' && f.location.field === 'created_at')) };
    expect(planRetentionChecks(noDates, seedPolicy(), NOW).find((c) => c.name === 'quotes')).toMatchObject({ status: 'no-date-column' });
  });

  const field = (name: string, dataType?: string, category?: string): FieldVerdict => ({
    location: { source: 's', sourceKind: 'postgres', schema: 'public', container: 'public.t', containerType: 'table', field: name },
    ...(dataType ? { dataType } : {}),
    rowsSampled: 1,
    valuesSampled: 1,
    categories: category ? [{ category, detector: category, confidence: 0.9, evidence: { sampled: 1, matched: 1, examples: [] }, reason: '' }] : [],
    confidence: category ? 0.9 : 0,
    personal: category !== undefined,
  });

  it('detects date columns in several languages and never picks a birth date or a due date', () => {
    expect(detectDateColumn([field('foedselsdato', 'date', 'date_of_birth'), field('oprettet', 'timestamp')], 'created')).toEqual({ column: 'oprettet', source: 'detected' });
    expect(detectDateColumn([field('birth_date', 'date'), field('ordredato', 'date')], 'created')).toEqual({ column: 'ordredato', source: 'detected' });
    expect(detectDateColumn([field('due_date', 'date'), field('Rechnungsdatum', 'date')], 'created')?.column).toBe('Rechnungsdatum');
    expect(detectDateColumn([field('created_at', 'timestamp'), field('sidst_aendret', 'timestamp')], 'last_interaction')).toEqual({ column: 'sidst_aendret', source: 'detected' });
    expect(detectDateColumn([field('created_at', 'timestamp')], 'last_interaction')).toEqual({ column: 'created_at', source: 'approximate' });
    expect(detectDateColumn([field('created_at', 'timestamp')], 'consent_withdrawn')).toBeUndefined();
    expect(detectDateColumn([field('is_active', 'boolean'), field('name', 'text')], 'created')).toBeUndefined();
    expect(detectDateColumn([field('x', 'text'), field('booked', 'datetime')], 'created')).toEqual({ column: 'booked', source: 'detected' });
    // Names that start like the event but are no point in time.
    const deliveries = ['delivery_id', 'delivery_street', 'delivery_country', 'shipped_at', 'delivered_at'].map((n) => field(n, 'TEXT'));
    expect(detectDateColumn(deliveries, 'delivery')).toEqual({ column: 'delivered_at', source: 'detected' });
    expect(detectDateColumn([field('delivery_id', 'INTEGER'), field('created', 'TEXT')], 'delivery')).toEqual({ column: 'created', source: 'approximate' });
  });

  it('subtracts calendar periods', () => {
    expect(cutoffDate(NOW, { years: 5 }).toISOString()).toBe('2020-01-01T00:00:00.000Z');
    expect(cutoffDate(NOW, { weeks: 4 }).toISOString()).toBe('2024-12-04T00:00:00.000Z');
  });
});

describe('buildRecord', () => {
  const policy = seedPolicy();
  const record = buildRecord(fixtureInventory(), policy, counted(policy));
  const gaps = (kind: string) => record.gaps.filter((g) => g.kind === kind);

  it('is pure: the same inputs give the same record', () => {
    expect(buildRecord(fixtureInventory(), policy, counted(policy))).toEqual(record);
    expect(record.generatedAt).toBe(fixtureInventory().finishedAt);
  });

  it('maps every personal field with its categories, evidence and linked purposes', () => {
    expect(record.dataMap).toHaveLength(fixtureInventory().fields.filter((f) => f.personal).length);
    const email = record.dataMap.find((e) => e.key === `${SOURCE}.main.customers.email`);
    expect(email).toMatchObject({
      category: 'email',
      linkDeclared: false,
      purposes: [{ purpose: 1, kind: 'suggested' }, { purpose: 5, kind: 'suggested' }],
      categories: [{ category: 'email', label: 'E-mail address', policyCategory: 'contact-details', matched: 38, sampled: 40, examples: ['a***@***.dk'] }],
    });
  });

  it('flags personal data linked to no purpose (Art. 5(1)(b))', () => {
    expect(gaps('unlinked').map((g) => [g.id, g.count])).toEqual([
      ['unlinked:files:exports.logs/access.log', 1],
      [`unlinked:${SOURCE}.main.employees`, 2],
      [`unlinked:${SOURCE}.main.imports`, 1],
    ]);
    expect(gaps('unlinked')[0]?.rule).toMatch(/Art\. 5\(1\)\(b\)/);
  });

  it('flags a category the linked purposes do not declare (CPR in customers)', () => {
    const [g] = gaps('undeclared-category');
    expect(g).toMatchObject({ id: `undeclared-category:${SOURCE}.main.customers:national_id`, severity: 'high', count: 1, purposes: [1, 5], categories: ['national_id'] });
    expect(g?.locations.map((l) => l.field)).toEqual(['cpr']);
    expect(gaps('undeclared-category')).toHaveLength(1);
  });

  it('flags marketing data without a consent field, and accepts samtykke', () => {
    expect(gaps('marketing-without-consent').map((g) => g.id)).toEqual([`marketing-without-consent:${SOURCE}.main.newsletter_subscribers`]);
    expect(record.purposes.find((p) => p.id === 8)?.consentRecords).toEqual([`${SOURCE}.main.marketing_contacts`]);
  });

  it('flags rows past their retention period, with the counts from the database', () => {
    expect(gaps('retention-overdue').map((g) => [g.id, g.count, g.unit])).toEqual([
      [`retention-overdue:${SOURCE}.main.orders`, 7, 'rows'],
      [`retention-overdue:${SOURCE}.main.quotes`, 7, 'rows'],
    ]);
    expect(gaps('retention-overdue')[0]?.rule).toMatch(/Bogføringsloven/);
    expect(record.summary.retention).toEqual({ checked: 2, overdueRows: 14, unchecked: 0 });
    const none = buildRecord(fixtureInventory(), policy, counted(policy, 0));
    expect(none.gaps.filter((g) => g.kind === 'retention-overdue')).toEqual([]);
  });

  it('flags plaintext passwords, not password hashes', () => {
    const [g] = gaps('plaintext-password');
    expect(g?.locations.map((l) => l.field)).toEqual(['password']);
    expect(gaps('plaintext-password')).toHaveLength(1);
  });

  it('flags the Privacy Shield and points to the Data Privacy Framework and SCCs', () => {
    const [g] = gaps('invalid-transfer-safeguard');
    expect(g?.rule).toMatch(/16 July 2020.*C-311\/18/);
    expect(g?.fix).toMatch(/Data Privacy Framework.*10 July 2023/);
    expect(g?.fix).toMatch(/standard contractual clauses/);
    const fixed: Policy = { ...policy, transfers: policy.transfers.map((t) => ({ ...t, safeguards: ['standard-contractual-clauses', 'eu-us-data-privacy-framework'] })) };
    expect(buildRecord(fixtureInventory(), fixed).gaps.some((x) => x.kind === 'invalid-transfer-safeguard')).toBe(false);
  });

  it('reports declared categories no store holds, as information', () => {
    expect(gaps('stale-policy-category')).toMatchObject([{ id: 'stale-policy-category:employment-information', severity: 'info' }]);
  });

  it('says links are only suggested, and stops once they are declared', () => {
    expect(gaps('suggested-links')[0]?.count).toBe(7);
    const declared: Policy = { ...policy, links: [{ match: '*', purposes: [1] }] };
    const r = buildRecord(fixtureInventory(), declared);
    expect(r.gaps.some((g) => g.kind === 'suggested-links' || g.kind === 'unlinked')).toBe(false);
    expect(r.summary.fieldsDeclared).toBe(r.summary.personalFields);
  });

  it('orders gaps by severity', () => {
    const order = ['high', 'medium', 'low', 'info'];
    const ranks = record.gaps.map((g) => order.indexOf(g.severity));
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
  });

  it('writes each purpose as an Art. 30(1) entry', () => {
    const p6 = record.purposes.find((p) => p.id === 6);
    expect(p6).toMatchObject({
      name: 'Quotes, orders and invoicing',
      legalBasis: [{ code: 'b' }, { code: 'c' }],
      dataSubjects: [{ id: 'customers' }, { id: 'customer-contacts' }],
      transfers: [{ id: 'sub-suppliers-outside-eu' }],
    });
    expect(p6?.retention.map((r) => r.text)).toEqual([
      'Offers (quotes): 2 years after the record is created, then deleted securely.',
      'Orders: 5 years after the last interaction with the data subject, then deleted securely (Danish Bookkeeping Act (Bogføringsloven)).',
    ]);
    expect(p6?.locations.map((l) => [l.container, l.fields, l.link])).toEqual([
      ['main.orders', 2, 'suggested'],
      ['main.quotes', 1, 'suggested'],
    ]);
    expect(p6?.dataCategories.find((c) => c.id === 'contact-details')?.fields).toBe(3);
    expect(record.purposes.find((p) => p.id === 8)?.rights).toContain('withdraw consent');
    expect(record.purposes.find((p) => p.id === 1)?.undeclaredFound).toMatchObject([{ category: 'national_id', fields: 1 }]);
  });

  it('writes the Art. 30(2) processor record', () => {
    expect(record.processor).toMatchObject({
      controllers: expect.stringMatching(/Customers/),
      subProcessors: [{ id: 'sub-suppliers' }],
      transfers: [{ id: 'sub-suppliers-outside-eu', safeguards: [{ code: 'standard-contractual-clauses' }, { code: 'eu-us-privacy-shield' }] }],
    });
    expect(record.processor?.measures.length).toBe(policy.measures.length);
  });

  it('builds the purpose × category matrix, with columns for found categories the policy lacks', () => {
    expect(record.matrix.columns.map((c) => c.id)).toEqual([
      'contact-details', 'employment-information', 'feedback', 'login-credentials',
      'pdmap:date_of_birth', 'pdmap:ip_address', 'pdmap:national_id',
    ]);
    const cell = (purpose: number | null, column: string) => record.matrix.cells.find((c) => c.purpose === purpose && c.column === column);
    expect(cell(7, 'login-credentials')).toMatchObject({ declared: true, fields: 3, suggestedOnly: true });
    expect(cell(2, 'contact-details')).toMatchObject({ declared: true, fields: 0 });
    expect(cell(1, 'pdmap:national_id')).toMatchObject({ declared: false, fields: 1 });
    expect(cell(null, 'pdmap:ip_address')).toMatchObject({ declared: false, fields: 1 });
    expect(record.matrix.rows.at(-1)).toEqual({ purpose: null, name: 'No purpose' });
  });

  it('summarises', () => {
    expect(record.summary).toMatchObject({ sources: 2, containers: 10, containersWithPersonalData: 10, personalFields: 17, fieldsUnlinked: 4, purposesWithData: 7, purposes: 8 });
  });
});
