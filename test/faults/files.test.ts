import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../src/connectors/connector.js';
import { filesConnector } from '../../src/connectors/files.js';
import { scan } from '../../src/scan.js';
import type { ContainerSummary, Inventory } from '../../src/types.js';
import { cliScan } from './helpers.js';

/**
 * Bad files in a scanned folder, end to end through `scan()` and the CLI: each is reported as an
 * error entry or gets a clean verdict, never a crash, a hang or a silent stop, and the good files
 * around them are scanned.
 */

const emails = (n: number, tag: string): string[] => Array.from({ length: n }, (_, i) => `user${i + 1}.${tag}@example.test`);
const csv = (tag: string): string => `id,email\n${emails(30, tag).map((e, i) => `${i + 1},${e}`).join('\n')}\n`;

let dir: string;

/** Every fixture file, with what a scan must say about it. */
const EXPECTED: Readonly<Record<string, { status: ContainerSummary['status']; code?: string; emailField?: string }>> = {
  'good.csv': { status: 'scanned', emailField: 'email' },
  'invalid-utf8.csv': { status: 'scanned', emailField: 'email' },
  'utf16-le-bom.csv': { status: 'scanned', emailField: 'email' },
  'utf16-be-bom.ndjson': { status: 'scanned', emailField: 'email' },
  'nul-bytes.csv': { status: 'scanned', emailField: 'email' },
  'ragged.csv': { status: 'scanned', emailField: 'email' },
  // The rows before the cut are classified; the cut itself is an error.
  'truncated.json': { status: 'error', code: 'parse', emailField: 'email' },
  'not-json.json': { status: 'error', code: 'parse' },
  // Wrong extensions: the content decides where it can be read. CSV in a `.json` is read as text
  // lines (files/format.ts): a clean verdict, though `1,user@…` lines are not seen as e-mail.
  'really-csv.json': { status: 'scanned' },
  'really-json.csv': { status: 'scanned', emailField: 'email' },
  'really-ndjson.txt': { status: 'scanned', emailField: 'email' },
  // Binary files that may hold personal data are reported, with what they are.
  'export.csv': { status: 'error', code: 'parse' },
  'app.dat': { status: 'error', code: 'parse' },
  'random.bin': { status: 'error', code: 'parse' },
  'empty.csv': { status: 'scanned' },
  'nested/deep/more.csv': { status: 'scanned', emailField: 'email' },
  'line\nbreak name.csv': { status: 'scanned', emailField: 'email' },
};

function buildTree(): string {
  const root = mkdtempSync(join(tmpdir(), 'pdmap-bad-files-'));
  const put = (rel: string, data: string | Uint8Array): void => {
    mkdirSync(join(root, rel, '..'), { recursive: true });
    writeFileSync(join(root, rel), data);
  };
  put('good.csv', csv('good'));
  // Latin-1 names in an otherwise UTF-8 file: bytes that are not UTF-8.
  put('invalid-utf8.csv', Buffer.concat([Buffer.from('id,name,email\n'), ...emails(30, 'inv').map((e, i) => Buffer.concat([Buffer.from(`${i + 1},J`), Buffer.from([0xf8, 0xff, 0xc3]), Buffer.from(`rgen,${e}\n`)]))]));
  put('utf16-le-bom.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv('le'), 'utf16le')]));
  const be = Buffer.from(emails(30, 'be').map((e) => JSON.stringify({ email: e })).join('\n'), 'utf16le').swap16();
  put('utf16-be-bom.ndjson', Buffer.concat([Buffer.from([0xfe, 0xff]), be]));
  put('nul-bytes.csv', csv('nul').replaceAll(',', '\u0000,').replaceAll('\n', '\u0000\n'));
  put('ragged.csv', `id,email,name\n${emails(30, 'rag').map((e, i) => (i % 3 === 0 ? `${i + 1},${e}` : i % 3 === 1 ? `${i + 1},${e},Name ${i},extra,more` : `${i + 1},${e},Name ${i}`)).join('\n')}\n`);
  put('truncated.json', JSON.stringify(emails(30, 'trunc').map((email) => ({ email }))).slice(0, -40));
  put('not-json.json', '{ this is : not json at all ]]]');
  put('really-csv.json', csv('rcsv'));
  put('really-json.csv', JSON.stringify(emails(30, 'rjson').map((email, id) => ({ id, email }))));
  put('really-ndjson.txt', emails(30, 'rnd').map((email) => JSON.stringify({ email })).join('\n'));
  put('export.csv', Buffer.concat([Buffer.from('PK\u0003\u0004'), randomBytes(4096)]));
  put('app.dat', Buffer.concat([Buffer.from('SQLite format 3\u0000'), randomBytes(4096)]));
  put('random.bin', Buffer.concat([Buffer.from([0, 1, 2, 0, 0xff]), randomBytes(8192)]));
  put('empty.csv', '');
  put('nested/deep/more.csv', csv('deep'));
  put('line\nbreak name.csv', csv('nl'));
  // Entries that are not regular files: never listed, never opened (opening a FIFO would block).
  symlinkSync('.', join(root, 'loop'));
  symlinkSync('self-link', join(root, 'self-link'));
  symlinkSync('missing.csv', join(root, 'dangling.csv'));
  symlinkSync('good.csv', join(root, 'alias.csv'));
  execFileSync('mkfifo', [join(root, 'pipe.csv')]);
  return root;
}

function expectReported(inv: Inventory, expected: typeof EXPECTED): void {
  const byId = new Map(inv.containers.map((c) => [c.id, c]));
  expect([...byId.keys()].sort()).toEqual(Object.keys(expected).sort());
  for (const [id, want] of Object.entries(expected)) {
    const c = byId.get(id);
    expect(c?.status, id).toBe(want.status);
    const errors = inv.errors.filter((e) => e.container === id);
    if (want.code) {
      expect(errors.map((e) => e.code), id).toEqual([want.code]);
      // Errors name the file, never its contents.
      expect(errors[0]?.message).not.toMatch(/@example\.test/);
    } else {
      expect(errors, id).toEqual([]);
    }
    if (want.emailField) {
      const field = inv.fields.find((f) => f.location.container === id && f.location.field === want.emailField);
      expect(field?.category, id).toBe('email');
    }
  }
  expect(inv.errors.length).toBe(Object.values(expected).filter((e) => e.code).length);
}

beforeAll(() => {
  dir = buildTree();
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('a folder of bad files', () => {
  it('scan(): every regular file reported, the bad ones as errors, the rest classified', async () => {
    const inventory = await scan({ sources: [dir] });
    expectReported(inventory, EXPECTED);
    expect(inventory.partial).toBe(false);
  });

  it('following symbolic links: loops and dangling links end, a linked file is read once', async () => {
    const inventory = await scan({ sources: [filesConnector({ path: dir, followSymlinks: true })] });
    // alias.csv and good.csv are one file: listed once, under whichever name the walk met first.
    const ids = inventory.containers.map((c) => c.id);
    expect(ids.filter((id) => id === 'good.csv' || id === 'alias.csv')).toHaveLength(1);
    expect(ids.some((id) => id.startsWith('loop/'))).toBe(false);
    expect(ids).not.toContain('dangling.csv');
    expect(ids).not.toContain('pipe.csv');
    expect(inventory.errors.map((e) => e.code).sort()).toEqual(['parse', 'parse', 'parse', 'parse', 'parse']);
  });

  it('globs match names with a newline: --exclude drops the file, --include keeps only it', async () => {
    const excluded = await scan({ sources: [dir], exclude: ['line*name.csv'] });
    expect(excluded.containers.map((c) => c.id)).not.toContain('line\nbreak name.csv');
    const connector = filesConnector({ path: dir, include: ['line*'] });
    const included = await scan({ sources: [connector] });
    expect(included.containers.map((c) => c.id)).toEqual(['line\nbreak name.csv']);
  });

  it('the CLI exits 2, names each bad file once on stderr, and writes the inventory', async () => {
    const r = await cliScan([dir]);
    expect(r.code, r.stderr).toBe(2);
    const errorLines = r.stderr.split('\n').filter((l) => /^error .* \[[a-z-]+\]: /.test(l));
    expect(errorLines).toHaveLength(Object.values(EXPECTED).filter((e) => e.code).length);
    for (const id of ['truncated.json', 'export.csv', 'app.dat']) expect(errorLines.some((l) => l.includes(id)), id).toBe(true);
    expectReported(r.inventory as Inventory, EXPECTED);
    expect([r.stdout, r.stderr, r.inventoryText].join('\n')).not.toContain('user1.good@example.test');
  });

  it('a file that vanishes between listing and reading is not-found; the rest is scanned', async () => {
    const inner = filesConnector({ path: dir, include: ['good.csv', 'gone.csv', 'nested/**'] });
    writeFileSync(join(dir, 'gone.csv'), csv('gone'));
    const vanishing: Connector = {
      ...inner,
      async *discover(options) {
        for await (const c of inner.discover(options)) yield c;
        unlinkSync(join(dir, 'gone.csv'));
      },
      sample: (c, o) => inner.sample(c, o),
    };
    const inventory = await scan({ sources: [vanishing] });
    expect(inventory.errors).toHaveLength(1);
    expect(inventory.errors[0]).toMatchObject({ container: 'gone.csv', code: 'not-found' });
    expect(inventory.containers.filter((c) => c.status === 'scanned').map((c) => c.id).sort()).toEqual(['good.csv', 'nested/deep/more.csv']);
  });
});

describe('a 200 MB file that is one single line', () => {
  const MiB = 1024 * 1024;
  let bigDir: string;
  beforeAll(() => {
    bigDir = mkdtempSync(join(tmpdir(), 'pdmap-one-line-'));
    writeFileSync(join(bigDir, 'contacts.csv'), csv('next'));
    const fd = openSync(join(bigDir, 'huge.log'), 'w');
    try {
      const piece = Buffer.from('x'.repeat(MiB - 30).concat(' user@example.test contact '));
      for (let i = 0; i < 200; i++) writeSync(fd, piece);
    } finally {
      closeSync(fd);
    }
  });
  afterAll(() => {
    rmSync(bigDir, { recursive: true, force: true });
  });

  for (const full of [false, true]) {
    it(`is read with bounded memory, cut, and the next file is scanned (${full ? 'full scan' : 'sample'})`, async () => {
      const connector = filesConnector({ path: bigDir });
      const base = process.memoryUsage().rss;
      let peak = base;
      const timer = setInterval(() => {
        peak = Math.max(peak, process.memoryUsage().rss);
      }, 5);
      let inventory: Inventory;
      try {
        inventory = await scan({ sources: [connector], full });
      } finally {
        clearInterval(timer);
      }
      peak = Math.max(peak, process.memoryUsage().rss);
      expect(inventory.errors).toEqual([]);
      expect(inventory.containers.map((c) => [c.id, c.status])).toEqual([
        ['contacts.csv', 'scanned'],
        ['huge.log', 'scanned'],
      ]);
      expect(inventory.containers[1]?.rowsSampled).toBeGreaterThanOrEqual(1);
      expect(connector.issues.get('huge.log')?.cutLines).toBeGreaterThanOrEqual(1);
      // A full scan reads all of it; either way the line is never held whole (as a string it
      // would take 400 MB).
      if (full) expect(connector.stats.bytes).toBeGreaterThanOrEqual(200 * MiB);
      expect((peak - base) / MiB).toBeLessThan(80);
    });
  }
});

describe.skipIf(process.getuid?.() !== 0)('an unreadable file, as an unprivileged user running the CLI', () => {
  // Root reads any file whatever its mode: the CLI runs as `nobody`, which chmod 000 does stop.
  const NOBODY = 65534;
  const repo = resolve(import.meta.dirname, '../..');
  let permDir: string;
  beforeAll(() => {
    permDir = mkdtempSync(join(tmpdir(), 'pdmap-unreadable-'));
    chmodSync(permDir, 0o755);
    writeFileSync(join(permDir, 'open.csv'), csv('open'));
    writeFileSync(join(permDir, 'locked.csv'), csv('locked'));
    chmodSync(join(permDir, 'locked.csv'), 0o000);
    mkdirSync(join(permDir, 'out'));
    chmodSync(join(permDir, 'out'), 0o777);
  });
  afterAll(() => {
    rmSync(permDir, { recursive: true, force: true });
  });

  it('reports permission for that file, scans the other, exits 2', async (ctx) => {
    const probe = ['src/cli/main.ts', 'node_modules/tsx/package.json'].map((p) => `fs.accessSync(${JSON.stringify(join(repo, p))})`).join(';');
    try {
      execFileSync(process.execPath, ['-e', `const fs = require('node:fs'); ${probe}`], { uid: NOBODY, gid: NOBODY, stdio: 'ignore' });
    } catch {
      ctx.skip('the repository is not readable by nobody');
    }
    const out = join(permDir, 'out');
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'scan', permDir, '--exclude', 'out', '--out', out, '--no-cache'], {
      cwd: repo,
      uid: NOBODY,
      gid: NOBODY,
      env: { ...process.env, HOME: permDir, CI: 'true' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    const code = await new Promise<number | null>((done) => child.once('exit', done));
    expect(code, stderr).toBe(2);
    const inventory = JSON.parse(readFileSync(join(out, 'inventory.json'), 'utf8')) as Inventory;
    expect(inventory.errors).toHaveLength(1);
    expect(inventory.errors[0]).toMatchObject({ container: 'locked.csv', code: 'permission' });
    expect(inventory.containers.find((c) => c.id === 'open.csv')?.status).toBe('scanned');
  });
});
