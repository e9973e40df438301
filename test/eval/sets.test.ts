import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadManifest } from '../../scripts/eval/sets.js';

/** The fixture-set hook: the format the fixture generators write to fixtures/eval/manifest.json. */
describe('loadManifest', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  const write = (manifest: unknown): string => {
    dir = mkdtempSync(join(tmpdir(), 'pdmap-eval-'));
    writeFileSync(join(dir, 'labels.csv'), 'engine,database,schema,table,column,label\n');
    const path = join(dir, 'manifest.json');
    writeFileSync(path, JSON.stringify(manifest));
    return path;
  };

  it('returns no sets when there is no manifest', () => {
    expect(loadManifest(join(tmpdir(), 'pdmap-no-such-manifest.json'))).toEqual([]);
  });

  it('resolves paths from the manifest folder and derives engine and database', () => {
    const path = write([{ name: 'synthetic', sources: ['sqlite:crm.sqlite', 'exports/', { source: 'legacy.db', database: 'old' }], labels: 'labels.csv' }]);
    const [set] = loadManifest(path);
    expect(set?.name).toBe('synthetic');
    expect(set?.labels).toBe(join(dir ?? '', 'labels.csv'));
    expect(set?.sources).toEqual([
      { source: `sqlite:${join(dir ?? '', 'crm.sqlite')}`, engine: 'sqlite', database: 'crm' },
      { source: join(dir ?? '', 'exports'), engine: 'files', database: 'exports' },
      { source: `sqlite:${join(dir ?? '', 'legacy.db')}`, engine: 'sqlite', database: 'old' },
    ]);
  });

  it('takes database URLs as they are', () => {
    const [set] = loadManifest(write([{ name: 'pg', sources: ['postgres://postgres@127.0.0.1:5432/synth'], labels: 'labels.csv' }]));
    expect(set?.sources).toEqual([{ source: 'postgres://postgres@127.0.0.1:5432/synth', engine: 'postgres', database: 'synth' }]);
  });

  it('rejects a malformed manifest with where and why', () => {
    expect(() => loadManifest(write({ name: 'x' }))).toThrow(/JSON array/);
    expect(() => loadManifest(write([{ name: 'x', sources: [], labels: 'labels.csv' }]))).toThrow(/sources/);
  });
});
