import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPolicy } from '../../src/policy/load.js';
import { buildRecord } from '../../src/policy/record.js';
import { planRetentionChecks } from '../../src/policy/retention.js';
import { renderHtml } from '../../src/reporters/html.js';
import { fixtureInventory } from '../policy/fixture.js';

/**
 * The HTML report in a real browser: Debian's Chromium driven by playwright-core (no browser
 * download). Without Chromium the suite is skipped on a developer machine and FAILS under CI.
 */

export const CHROMIUM = process.env['PDMAP_CHROMIUM'] ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && process.env['CI'] === 'true') {
  throw new Error(`Chromium is missing at ${CHROMIUM}: the HTML report must be tested in a browser in CI (apt-get install -y chromium)`);
}

describe.skipIf(!haveChromium)('HTML report in Chromium', () => {
  let dir: string;
  let browser: Browser;
  let page: Page;
  const dialogs: string[] = [];
  const requests: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pdmap-html-'));
    const inventory = fixtureInventory();
    const policy = seedPolicy();
    const retention = planRetentionChecks(inventory, policy, new Date('2025-01-01T00:00:00Z')).map((c) =>
      c.status === 'planned' ? { ...c, status: 'counted' as const, overdue: 42 } : c,
    );
    const file = join(dir, 'report.html');
    writeFileSync(file, renderHtml(buildRecord(inventory, policy, retention)));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('request', (r) => void requests.push(r.url()));
    page.on('pageerror', (e) => void errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(pathToFileURL(file).href);
  });

  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the purpose × category matrix', async () => {
    const rows = page.locator('#matrix tbody tr');
    expect(await rows.count()).toBe(9);
    expect(await rows.nth(8).locator('td').first().textContent()).toBe('No purpose');
    const headers = await page.locator('#matrix thead th').allTextContents();
    expect(headers.slice(0, 5)).toEqual(['Purpose', 'Contact details', 'Employment information', 'Feedback', 'Login ID and password']);
    const cprColumn = headers.findIndex((h) => h.startsWith('National id number'));
    // Purpose 1 holds a CPR number it does not declare.
    expect(await rows.nth(0).locator('td').nth(cprColumn).textContent()).toBe('⚠ 1');
    expect(await rows.nth(6).locator('td').nth(4).textContent()).toBe('✓ 3?');
  });

  it('shows each purpose as an Art. 30(1) record', async () => {
    const p6 = page.locator('#purpose-6');
    await expect.poll(() => p6.isVisible()).toBe(true);
    const text = (await p6.textContent()) ?? '';
    expect(text).toContain('Quotes, orders and invoicing');
    expect(text).toContain('Contract (Art. 6(1)(b))');
    expect(text).toContain('Orders: 5 years after the last interaction with the data subject, then deleted securely (Danish Bookkeeping Act (Bogføringsloven)).');
    expect(text).toContain('EU/US Privacy Shield (invalid since 16 July 2020');
    expect(await page.locator('#processor').textContent()).toContain('Customers, each as controller under a data processing agreement');
  });

  it('shows the gaps with the rule they break', async () => {
    const gap = page.locator('article.gap[data-kind="plaintext-password"]');
    expect(await gap.count()).toBe(1);
    expect(await gap.textContent()).toContain('Art. 32 GDPR');
    expect(await page.locator('article.gap[data-kind="retention-overdue"]').first().textContent()).toContain('42 rows');
    expect(await page.locator('article.gap[data-kind="invalid-transfer-safeguard"]').textContent()).toContain('EU-US Data Privacy Framework');
  });

  it('shows a hostile column name as text and runs nothing from it', async () => {
    const cell = page.locator('#datamap td.mono', { hasText: '<script>alert(1)</script>' });
    expect(await cell.count()).toBe(1);
    expect(await cell.textContent()).toBe('<script>alert(1)</script>');
    expect(await page.locator('script').count()).toBe(1);
    expect(dialogs).toEqual([]);
  });

  it('filters without a server: search text, purpose, severity', async () => {
    await page.fill('#q', 'newsletter');
    const visibleRows = page.locator('#datamap tr[data-f]:visible');
    expect(await visibleRows.count()).toBe(1);
    expect(await visibleRows.first().textContent()).toContain('email');
    expect(await page.locator('article.gap[data-kind="marketing-without-consent"]').isVisible()).toBe(true);
    expect(await page.locator('article.gap[data-kind="plaintext-password"]').isVisible()).toBe(false);
    expect(await page.locator('#shown').textContent()).toMatch(/^\d+ of \d+ shown$/);

    await page.fill('#q', '');
    await page.selectOption('#fp', '8');
    expect(await page.locator('#purposes article.purpose:visible').count()).toBe(1);
    expect(await page.locator('#purpose-8').isVisible()).toBe(true);

    await page.selectOption('#fp', '');
    await page.selectOption('#fs', 'info');
    const infoGaps = await page.locator('#gaps article.gap:visible').count();
    expect(infoGaps).toBe(2);
    await page.selectOption('#fs', '');
    await page.fill('#q', 'no-such-thing-anywhere');
    expect(await page.locator('[data-empty-for="gaplist"]').isVisible()).toBe(true);
    await page.fill('#q', '');
  });

  it('loads nothing from anywhere and logs no errors', () => {
    expect(requests.every((u) => u.startsWith('file://'))).toBe(true);
    expect(requests).toHaveLength(1);
    expect(errors).toEqual([]);
  });
});
