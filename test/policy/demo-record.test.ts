import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import type { ProcessingRecord } from '../../src/policy/record.js';

/**
 * `pdmap demo` with the default policy: the demo company's data map links its tables to
 * purposes 1–8 and the record shows the gaps fixtures/demo/README.md lists.
 */

let tmp: string;
let record: ProcessingRecord;
let files: string[];

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'pdmap-demo-record-'));
  const code = await run(['demo', '--out', join(tmp, 'out'), '--data', join(tmp, 'data'), '--quiet', '--no-cache'], {
    stdout: () => undefined,
    stderr: () => undefined,
    isTTY: false,
  });
  expect(code).toBe(0);
  files = readdirSync(join(tmp, 'out'));
  record = JSON.parse(readFileSync(join(tmp, 'out', 'record.json'), 'utf8')) as ProcessingRecord;
}, 120_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** `kind` gaps, as `table-or-file[:category]` without the source. */
function gapsOf(kind: string): string[] {
  return record.gaps
    .filter((g) => g.kind === kind)
    .map((g) => {
      const where = g.locations[0]?.container ?? '';
      return g.categories.length === 1 && kind === 'undeclared-category' ? `${where}:${g.categories[0]}` : where;
    });
}

describe('the demo record with the default policy', () => {
  it('writes every record format', () => {
    expect(files).toEqual(expect.arrayContaining(['record.json', 'report.html', 'report.xlsx', 'controller-record.csv', 'gaps.csv', 'data-map.csv', 'summary.md']));
  });

  it('links tables of the demo to each of the purposes 1–8', () => {
    const linked = Object.fromEntries(record.purposes.map((p) => [p.id, p.locations.map((l) => l.container)]));
    expect(linked[1]).toEqual(expect.arrayContaining(['main.quotes', 'main.customers']));
    expect(linked[2]).toEqual(expect.arrayContaining(['main.contacts']));
    expect(linked[3]).toEqual(expect.arrayContaining(['main.deliveries']));
    expect(linked[4]).toEqual(expect.arrayContaining(['main.support_tickets']));
    expect(linked[5]).toEqual(expect.arrayContaining(['main.customers', 'main.contacts']));
    expect(linked[6]).toEqual(expect.arrayContaining(['main.orders', 'main.invoices', 'main.quotes']));
    expect(linked[7]).toEqual(expect.arrayContaining(['main.users', 'main.users_legacy']));
    expect(linked[8]).toEqual(expect.arrayContaining(['main.newsletter_subscribers', 'marketing/newsletter-2019.csv']));
  });

  it('finds plaintext passwords in users_legacy, not in users', () => {
    expect(gapsOf('plaintext-password')).toEqual(['main.users_legacy']);
  });

  it('counts rows past their retention period in the database', () => {
    expect(gapsOf('retention-overdue').sort()).toEqual(['main.deliveries', 'main.guarantee_cases', 'main.invoices', 'main.orders', 'main.quotes']);
    expect(record.gaps.filter((g) => g.kind === 'retention-overdue').every((g) => g.count > 0)).toBe(true);
  });

  it('finds marketing data without a consent record, and accepts the contacts table\'s consent columns', () => {
    expect(gapsOf('marketing-without-consent').sort()).toEqual(['exports/contacts.tsv', 'main.newsletter_subscribers', 'marketing/newsletter-2019.csv']);
    expect(record.purposes.find((p) => p.id === 8)?.consentRecords.some((k) => k.endsWith('.main.contacts'))).toBe(true);
  });

  it('finds the categories the policy does not declare', () => {
    expect(gapsOf('undeclared-category')).toEqual(
      expect.arrayContaining(['main.contacts:date_of_birth', 'main.contacts:national_id', 'main.contacts:gender', 'main.users:ip_address']),
    );
  });

  it('finds personal data linked to no purpose: staff, logs and web events', () => {
    expect(gapsOf('unlinked')).toEqual(expect.arrayContaining(['main.employees', 'logs/app.log', 'events/web-events.ndjson']));
    expect(gapsOf('unlinked')).not.toContain('main.customers');
  });

  it('flags the Privacy Shield in the policy', () => {
    expect(gapsOf('invalid-transfer-safeguard')).toHaveLength(1);
  });
});
