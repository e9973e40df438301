import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoLabels } from '../fixtures/demo/generate.js';
import { run } from '../src/cli/main.js';
import type { FieldVerdict, Inventory } from '../src/types.js';

/**
 * End to end: `pdmap demo` generates the demo company, scans it and writes the reports. The
 * inventory must find the demo's e-mail and phone columns and leave its look-alikes alone.
 */

let tmp: string;
let inventory: Inventory;
let exitCode: number;
const stderr: string[] = [];

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'pdmap-demo-e2e-'));
  // --no-cache: a test run must not leave verdicts in the repository's .pdmap-cache.
  exitCode = await run(['demo', '--out', join(tmp, 'out'), '--data', join(tmp, 'data'), '--quiet', '--no-cache'], {
    stdout: () => undefined,
    stderr: (s) => stderr.push(s),
    isTTY: false,
  });
  inventory = JSON.parse(readFileSync(join(tmp, 'out', 'inventory.json'), 'utf8')) as Inventory;
}, 120_000);

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

/** `main.customers` + `email`, or `exports/contacts.tsv` + `mobile`. */
function field(container: string, name: string): FieldVerdict {
  const f = inventory.fields.find((x) => x.location.container === container && x.location.field === name);
  if (!f) throw new Error(`${container} ${name} is not in the inventory`);
  return f;
}
const flaggedAs = (f: FieldVerdict, categories: readonly string[]): boolean => f.categories.some((c) => categories.includes(c.category));
const containerOf = (engine: string, table: string): string => (engine === 'sqlite' ? `main.${table}` : table);

describe('pdmap demo (end to end)', () => {
  it('scans the database and the file share without errors', () => {
    expect(stderr.join('')).toBe('');
    expect(exitCode).toBe(0);
    expect(inventory.errors).toEqual([]);
    expect(inventory.sources.map((s) => [s.kind, s.status])).toEqual([
      ['sqlite', 'scanned'],
      ['files', 'scanned'],
    ]);
  });

  it('reports every labelled column and file field', () => {
    const seen = new Set(inventory.fields.map((f) => `${f.location.container}|${f.location.field}`));
    const missing = demoLabels()
      .map((l) => `${containerOf(l.engine, l.table)}|${l.column}`)
      .filter((k) => !seen.has(k));
    expect(missing).toEqual([]);
  });

  it('finds the e-mail columns', () => {
    const emails: [string, string][] = [
      ['main.customers', 'email'], ['main.contacts', 'email'], ['main.quotes', 'contact_email'], ['main.invoices', 'invoice_email'],
      ['main.support_tickets', 'reporter_email'], ['main.newsletter_subscribers', 'email'], ['main.employees', 'work_email'],
      ['exports/customers-export.csv', 'E-mail'], ['exports/contacts.tsv', 'email'], ['crm/contacts.json', 'emails[].address'],
      ['marketing/newsletter-2019.csv', 'email'],
    ];
    for (const [c, f] of emails) expect(field(c, f).category, `${c} ${f}`).toBe('email');
  });

  it('finds the phone columns', () => {
    const phones: [string, string][] = [
      ['main.customers', 'phone'], ['main.contacts', 'mobile'], ['main.contacts', 'phone'], ['main.deliveries', 'recipient_phone'],
      ['main.guarantee_cases', 'contact_phone'], ['main.employees', 'private_phone'], ['exports/customers-export.csv', 'Telefon'],
      ['exports/contacts.tsv', 'mobile'], ['crm/contacts.json', 'phones[].number'],
    ];
    for (const [c, f] of phones) expect(field(c, f).category, `${c} ${f}`).toBe('phone');
  });

  it('does not take products, prices, order numbers, ids or tracking numbers for e-mails or phones', () => {
    const lookAlikeContainers = [
      'main.products', 'main.product_categories', 'main.order_lines', 'main.exchange_rates', 'main.price_list_history',
      'main.audit_events', 'main.marketing_assets', 'main.sales_regions', 'exports/products.csv', 'reports/sales-by-country.csv',
    ];
    const lookAlikeFields: [string, string][] = [
      ['main.customers', 'cvr_number'], ['main.customers', 'customer_no'], ['main.orders', 'order_no'], ['main.orders', 'total_amount'],
      ['main.invoices', 'invoice_no'], ['main.invoices', 'amount_incl_vat'], ['main.deliveries', 'tracking_number'],
      ['main.guarantee_cases', 'serial_no'], ['crm/contacts.json', 'company.cvr'], ['exports/customers-export.csv', 'CVR-nr'],
    ];
    const wrong = [
      ...inventory.fields.filter((f) => lookAlikeContainers.includes(f.location.container)),
      ...lookAlikeFields.map(([c, f]) => field(c, f)),
    ]
      .filter((f) => flaggedAs(f, ['email', 'phone', 'fax']))
      .map((f) => `${f.location.container} ${f.location.field}: ${f.category ?? ''}`);
    expect(wrong).toEqual([]);
  });

  // Pending: the warehouses are an organisation-only table (labelling rule 4, like Northwind's
  // shippers), so their phone and e-mail are traps. The engine does not recognise
  // organisation-only tables yet and reports them as personal. Unskip when it does.
  it('does not take the warehouses\' switchboard phone and shared mailbox for personal data', () => {
    for (const name of ['phone', 'email']) expect(flaggedAs(field('main.warehouses', name), ['email', 'phone', 'fax']), name).toBe(false);
  });
});
