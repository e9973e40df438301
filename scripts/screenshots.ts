/**
 * Screenshots of the HTML report of the embedded demo, for docs/img/: `npx tsx scripts/screenshots.ts`.
 * Uses Debian's Chromium through playwright-core, like the browser test (no browser download).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { run } from '../src/cli/main.js';

const CHROMIUM = process.env['PDMAP_CHROMIUM'] ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const OUT = resolve(process.argv[2] ?? 'docs/img');

const work = mkdtempSync(join(tmpdir(), 'pdmap-shots-'));
try {
  const code = await run(['demo', '--data', join(work, 'data'), '--out', join(work, 'report'), '--format', 'html', '--no-cache', '-q']);
  if (code !== 0) throw new Error(`pdmap demo exited with ${code}`);
  mkdirSync(OUT, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, deviceScaleFactor: 1 });
    await page.goto(pathToFileURL(join(work, 'report', 'report.html')).href);
    const shot = async (name: string, scrollTo?: string): Promise<void> => {
      // A string expression: the scripts are type-checked without the DOM library.
      await page.evaluate(scrollTo ? `document.querySelector(${JSON.stringify(scrollTo)}).scrollIntoView(); window.scrollBy(0, -58)` : 'window.scrollTo(0, 0)');
      await page.screenshot({ path: join(OUT, name) });
      console.log(join(OUT, name));
    };
    await shot('report-summary.png');
    await shot('report-matrix.png', '#matrix');
    await shot('report-gaps.png', '#gaps');
    await shot('report-purpose.png', '#purpose-6');
    await shot('report-processor.png', '#processor');
    await shot('report-datamap.png', '#datamap');
    await page.fill('#q', 'newsletter');
    await shot('report-search.png', '#gaps');
  } finally {
    await browser.close();
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
