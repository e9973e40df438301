import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { CONFIG_TEMPLATE } from '../../src/cli/init-command.js';
import { parseConfig } from '../../src/config.js';
import { parsePolicy, seedPolicyText } from '../../src/policy/load.js';
import { parse } from 'yaml';
import { createSqliteFile, type TestSqliteFile } from '../support/databases.js';

/** Synthetic people; none of these strings may appear in any report. */
const PEOPLE = [
  { name: 'Karen Vestergaard', email: 'karen.vestergaard@example.dk', phone: '+45 20 34 56 78', street: 'Nørregade 14', password: 'Sommer2024!' },
  { name: 'Mads Kjærsgaard', email: 'mads.kjaersgaard@example.com', phone: '+45 31 42 53 64', street: 'Vestergade 7', password: 'Hemmelig#99' },
  { name: 'Sofie Lindqvist', email: 'sofie.lindqvist@example.org', phone: '+45 42 13 24 35', street: 'Algade 120', password: 'qwerty-Blomst' },
];
const RAW = PEOPLE.flatMap((p) => [p.name, p.name.split(' ')[1] as string, p.email, p.email.split('@')[0] as string, p.phone, p.phone.replace(/\D/g, '').slice(2), p.street, p.password]);

const quiet = () => {
  const out: string[] = [];
  return { io: { stdout: (s: string) => void out.push(s), stderr: (s: string) => void out.push(s), isTTY: false }, out };
};

let dir: string;
let db: TestSqliteFile;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pdmap-cli-record-'));
  db = createSqliteFile([
    'CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT, email TEXT, phone TEXT, street TEXT, created_at TEXT)',
    'CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_email TEXT, order_date TEXT)',
    'CREATE TABLE users (id INTEGER PRIMARY KEY, username TEXT, password TEXT)',
  ]);
  db.write((d) => {
    for (let i = 0; i < 30; i++) {
      const p = PEOPLE[i % PEOPLE.length] as (typeof PEOPLE)[number];
      d.prepare('INSERT INTO customers (name, email, phone, street, created_at) VALUES (?, ?, ?, ?, ?)').run(p.name, p.email, p.phone, p.street, '2015-01-01');
      d.prepare('INSERT INTO orders (customer_email, order_date) VALUES (?, ?)').run(p.email, i < 10 ? '2012-05-01' : '2099-01-01');
      d.prepare('INSERT INTO users (username, password) VALUES (?, ?)').run(p.email.split('@')[0], p.password);
    }
  });
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  db.remove();
});

describe('pdmap scan with the record formats', () => {
  it('writes every format, counts retention in the database, and never a raw value', async () => {
    const out = join(dir, 'report');
    const { io } = quiet();
    const code = await run(['scan', `sqlite:${db.path}`, '--format', 'json,html,xlsx,csv,md', '--out', out, '--no-cache', '-q'], io);
    expect(code).toBe(0);
    const files = readdirSync(out).sort();
    expect(files).toEqual(
      ['controller-record.csv', 'data-map.csv', 'gaps.csv', 'inventory.json', 'matrix.csv', 'processor-record.csv', 'record.json', 'report.html', 'report.xlsx', 'retention.csv', 'summary.md'].sort(),
    );
    const record = JSON.parse(readFileSync(join(out, 'record.json'), 'utf8')) as { retention: { name: string; status: string; overdue?: number }[]; gaps: { kind: string }[] };
    expect(record.retention.find((r) => r.name === 'orders')).toMatchObject({ status: 'counted', overdue: 10 });
    expect(record.gaps.map((g) => g.kind)).toEqual(expect.arrayContaining(['retention-overdue', 'invalid-transfer-safeguard']));

    const texts = files.filter((f) => !f.endsWith('.xlsx')).map((f) => [f, readFileSync(join(out, f), 'utf8')] as const);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(out, 'report.xlsx')) as unknown as ArrayBuffer);
    const cells: string[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => void cells.push(String(c.value)))));
    texts.push(['report.xlsx', cells.join('\n')]);
    for (const [file, text] of texts) {
      for (const raw of RAW) expect(text.includes(raw), `${raw} in ${file}`).toBe(false);
    }
    // The masked forms are there instead.
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toMatch(/k\*\*\*@\*\*\*\.dk/);
  });

  it('uses the policy from --policy: declared links and a fixed transfer safeguard', async () => {
    const policyFile = join(dir, 'custom.policy.yaml');
    const text = seedPolicyText()
      .replace('links: []', 'links:\n  - match: "*.main.orders.*"\n    purposes: [6]')
      .replace('safeguards: [standard-contractual-clauses, eu-us-privacy-shield]', 'safeguards: [standard-contractual-clauses, eu-us-data-privacy-framework]');
    writeFileSync(policyFile, text);
    const out = join(dir, 'custom');
    const code = await run(['scan', `sqlite:${db.path}`, '--policy', policyFile, '--format', 'json', '--out', out, '--no-cache', '-q'], quiet().io);
    expect(code).toBe(0);
    const record = JSON.parse(readFileSync(join(out, 'record.json'), 'utf8')) as { dataMap: { key: string; linkDeclared: boolean }[]; gaps: { kind: string }[] };
    expect(record.dataMap.find((e) => e.key.endsWith('.main.orders.customer_email'))?.linkDeclared).toBe(true);
    expect(record.gaps.some((g) => g.kind === 'invalid-transfer-safeguard')).toBe(false);
  });

  it('fails with a usage error on a broken policy, before scanning', async () => {
    const bad = join(dir, 'bad.policy.yaml');
    writeFileSync(bad, 'policy: { title: x }\n');
    const { io, out } = quiet();
    expect(await run(['scan', `sqlite:${db.path}`, '--policy', bad, '--out', join(dir, 'bad'), '--no-cache', '-q'], io)).toBe(64);
    expect(out.join('')).toMatch(/does not match the policy schema/);
    expect(existsSync(join(dir, 'bad'))).toBe(false);
  });

  it('feeds the gaps to --fail-on', async () => {
    const { io, out } = quiet();
    const code = await run(['scan', `sqlite:${db.path}`, '--fail-on', 'retention-overdue,plaintext-password', '--out', join(dir, 'failon'), '--no-cache', '-q'], io);
    expect(code).toBe(1);
    expect(out.join('')).toMatch(/\[retention-overdue\]/);
  });
});

describe('pdmap report', () => {
  it('builds the record from an earlier inventory with another policy, retention planned but not counted', async () => {
    const out = join(dir, 'again');
    const { io, out: said } = quiet();
    const code = await run(['report', join(dir, 'report', 'inventory.json'), '--out', out, '--format', 'md,json'], io);
    expect(code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['inventory.json', 'record.json', 'summary.md']);
    expect(said.join('')).toMatch(/Record of processing: \d+ personal-data fields/);
    const record = JSON.parse(readFileSync(join(out, 'record.json'), 'utf8')) as { retention: { status: string }[] };
    expect(record.retention.every((r) => r.status === 'planned')).toBe(true);
  });

  it('refuses what is not an inventory', async () => {
    const notInventory = join(dir, 'x.json');
    writeFileSync(notInventory, '{"hello": 1}');
    expect(await run(['report', notInventory, '--out', join(dir, 'x')], quiet().io)).toBe(64);
  });
});

describe('pdmap init', () => {
  it('writes a valid config and a copy of the policy, and refuses to overwrite without --force', async () => {
    const target = join(dir, 'init');
    expect(await run(['init', target, '-q'], quiet().io)).toBe(0);
    const config = parseConfig(parse(readFileSync(join(target, 'pdmap.config.yaml'), 'utf8')));
    expect(config).toMatchObject({ policy: 'pdmap.policy.yaml', output: { formats: ['json', 'html', 'xlsx', 'csv', 'md'] } });
    expect(parsePolicy(readFileSync(join(target, 'pdmap.policy.yaml'), 'utf8')).purposes).toHaveLength(8);

    writeFileSync(join(target, 'pdmap.policy.yaml'), 'edited');
    const { io, out } = quiet();
    expect(await run(['init', target], io)).toBe(64);
    expect(out.join('')).toMatch(/already exists?; nothing written \(use --force/);
    expect(readFileSync(join(target, 'pdmap.policy.yaml'), 'utf8')).toBe('edited');
    expect(await run(['init', target, '--force', '-q'], quiet().io)).toBe(0);
    expect(readFileSync(join(target, 'pdmap.policy.yaml'), 'utf8')).toBe(seedPolicyText());
    expect(CONFIG_TEMPLATE).toContain('${PGPASSWORD}');
  });
});
