import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinDetectors } from './index.js';

/**
 * Every detector is one folder with its code, its test and a short README, and is registered in
 * the catalogue (the ESLint-rules convention: a meta-test keeps the units complete).
 */
const root = new URL('.', import.meta.url).pathname;
const folders = readdirSync(root).filter((f) => !f.startsWith('_') && statSync(join(root, f)).isDirectory());

describe('detector catalogue', () => {
  it.each(folders)('%s has code, a test and a README', (folder) => {
    expect(existsSync(join(root, folder, `${folder}.ts`)), `${folder}/${folder}.ts`).toBe(true);
    expect(existsSync(join(root, folder, `${folder}.test.ts`)), `${folder}/${folder}.test.ts`).toBe(true);
    const readme = join(root, folder, 'README.md');
    expect(existsSync(readme), `${folder}/README.md`).toBe(true);
    expect(readFileSync(readme, 'utf8').length).toBeGreaterThan(200);
  });

  it('has unique ids', () => {
    const ids = builtinDetectors.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('registers a detector from every folder', () => {
    const sources = folders.map((f) => readFileSync(join(root, 'index.ts'), 'utf8').includes(`./${f}/${f}.js`));
    expect(folders.filter((_, i) => !sources[i])).toEqual([]);
  });

  it('gives every detector a description, names and weights in range', () => {
    for (const d of builtinDetectors) {
      expect(d.description, d.id).toBeTruthy();
      expect(d.names?.length ?? 0, d.id).toBeGreaterThan(0);
      for (const n of d.names ?? []) expect(Math.abs(n.weight), `${d.id} ${n.pattern}`).toBeLessThanOrEqual(1);
      if (d.valueWeight !== undefined) expect(d.valueWeight).toBeLessThanOrEqual(1);
    }
  });
});

describe('docs/detectors.md', () => {
  it('lists the category of every built-in detector', () => {
    const doc = readFileSync(join(root, '..', 'docs', 'detectors.md'), 'utf8');
    const missing = [...new Set(builtinDetectors.map((d) => d.category))].filter((c) => !doc.includes(`| \`${c}\` |`));
    expect(missing).toEqual([]);
  });
});
