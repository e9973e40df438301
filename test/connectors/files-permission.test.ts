import { spawnSync } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { tempTree } from './files-helpers.js';

/**
 * Unreadable files and folders. Root reads any file whatever its mode, and the tests run as root
 * on CI: there the check runs in a child process that has dropped to the `nobody` user (uid
 * 65534), which chmod 000 does stop. As any other user it runs the same script directly.
 */

const NOBODY = 65534;
const repo = resolve(import.meta.dirname, '../..');
const connectorUrl = pathToFileURL(join(repo, 'src/connectors/files.ts')).href;

let tree: ReturnType<typeof tempTree>;
beforeEach(() => {
  tree = tempTree('pdmap-files-perm-');
  chmodSync(tree.dir, 0o755);
});
afterEach(() => {
  tree.cleanup();
});

const script = `
import { filesConnector } from ${JSON.stringify(connectorUrl)};
const c = filesConnector({ path: process.argv[2] });
const out = { ids: [], results: {} };
for await (const container of c.discover()) {
  out.ids.push(container.id);
  const rows = [];
  try {
    for await (const row of c.sample(container, {})) rows.push(row);
    out.results[container.id] = { rows };
  } catch (err) {
    out.results[container.id] = { rows, code: err.code, message: err.message, hint: err.hint };
  }
}
console.log(JSON.stringify(out));
`;

interface Outcome {
  ids: string[];
  results: Record<string, { rows: unknown[]; code?: string; message?: string; hint?: string }>;
}

const asRoot = process.getuid?.() === 0;

/** As root, whether `nobody` can reach the sources and tsx (not when the clone sits in a private folder). */
function nobodyCanRun(): boolean {
  if (!asRoot) return true;
  const probe = ['src/connectors/files.ts', 'node_modules/tsx/package.json'].map((p) => `fs.accessSync(${JSON.stringify(join(repo, p))})`).join(';');
  const child = spawnSync(process.execPath, ['-e', `const fs = require('node:fs'); ${probe}`], { uid: NOBODY, gid: NOBODY, timeout: 30_000 });
  return child.status === 0;
}

function runAsUnprivileged(dir: string): Outcome {
  const file = join(dir, 'probe.mts');
  writeFileSync(file, script);
  chmodSync(file, 0o644);
  const child = spawnSync(process.execPath, ['--import', 'tsx', file, join(dir, 'data')], {
    cwd: repo,
    encoding: 'utf8',
    timeout: 60_000,
    ...(asRoot ? { uid: NOBODY, gid: NOBODY } : {}),
  });
  if (child.status !== 0) throw new Error(`probe failed (${child.status}): ${child.stderr}`);
  const last = child.stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(last) as Outcome;
}

it.skipIf(!nobodyCanRun())('lists an unreadable file, fails its sample with permission, and reads the others', () => {
  tree.write('data/ok.csv', 'email\na@b.dk\n');
  const locked = tree.write('data/locked.csv', 'email\nsecret@b.dk\n');
  tree.write('data/closed/inner.csv', 'email\nc@d.dk\n');
  chmodSync(join(tree.dir, 'data'), 0o755);
  chmodSync(join(tree.dir, 'data/ok.csv'), 0o644);
  chmodSync(locked, 0o000);
  // A folder that cannot be listed is passed over: discovery goes on with the rest.
  chmodSync(join(tree.dir, 'data/closed'), 0o000);
  const out = runAsUnprivileged(tree.dir);
  expect(out.ids).toEqual(['locked.csv', 'ok.csv']);
  expect(out.results['ok.csv']).toEqual({ rows: [{ email: 'a@b.dk' }] });
  const failed = out.results['locked.csv'];
  expect(failed?.rows).toEqual([]);
  expect(failed?.code).toBe('permission');
  expect(failed?.message).toContain('locked.csv');
  expect(failed?.message).not.toContain('secret');
  expect(failed?.hint).toContain('read access');
  chmodSync(join(tree.dir, 'data/closed'), 0o755);
});
