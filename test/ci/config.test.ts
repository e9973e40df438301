import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { configSources, loadConfig, parseConfig } from '../../src/config.js';
import { parseSource } from '../../src/sources.js';

describe('config', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pdmap-config-'));
  afterEach(() => {
    delete process.env['PDMAP_TEST_DB_URL'];
  });

  it('loads YAML with ${VAR} secrets and resolves paths against the config folder', async () => {
    process.env['PDMAP_TEST_DB_URL'] = 'postgres://scanner:s3cret@db/crm';
    const file = join(dir, 'pdmap.config.yaml');
    writeFileSync(file, 'sources:\n  - name: crm\n    url: ${PDMAP_TEST_DB_URL}\n  - path: ./exports\nfailOn: [new-pii]\n');
    const { config, baseDir } = await loadConfig(file);
    const sources = configSources(config, baseDir, parseSource);
    expect(sources[0]).toMatchObject({ kind: 'postgres', name: 'crm', url: 'postgres://scanner:s3cret@db/crm' });
    expect(sources[1]).toEqual({ kind: 'files', path: join(dir, 'exports') });
    expect(config.failOn).toEqual(['new-pii']);
    expect(config.sample.size).toBe(1000);
  });

  it('loads a TypeScript config with defineConfig and env()', async () => {
    process.env['PDMAP_TEST_DB_URL'] = 'mysql://root@127.0.0.1/shop';
    const file = join(dir, 'pdmap.config.ts');
    const api = new URL('../../src/config.ts', import.meta.url).pathname;
    writeFileSync(file, `import { defineConfig, env } from '${api}';\nexport default defineConfig({ sources: [{ url: env('PDMAP_TEST_DB_URL') }], sample: { size: 200 } });\n`);
    const { config } = await loadConfig(file);
    expect(config.sources).toEqual([{ url: 'mysql://root@127.0.0.1/shop' }]);
    expect(config.sample.size).toBe(200);
  });

  it('names the wrong key and why', () => {
    expect(() => parseConfig({ sample: { size: -1 } })).toThrow(/sample\.size: .*(>0|too small|positive)/i);
    expect(() => parseConfig({ colour: 'red' })).toThrow(/colour/);
    expect(() => parseConfig({ allow: [{ location: 'x', reason: 'because', expires: 'soon' }] })).toThrow(/allow\.0\.expires: a date as YYYY-MM-DD/);
  });

  it('says which environment variable is missing', async () => {
    const file = join(dir, 'missing.yaml');
    writeFileSync(file, 'sources:\n  - url: ${PDMAP_TEST_NOT_SET_ANYWHERE}\n');
    await expect(loadConfig(file)).rejects.toThrow(/PDMAP_TEST_NOT_SET_ANYWHERE is not set/);
  });
});
