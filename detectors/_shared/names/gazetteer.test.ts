import { describe, expect, it } from 'vitest';
import { foldName, gazetteer } from './gazetteer.js';

describe('name gazetteer', () => {
  it('loads every list, once, quickly', () => {
    const g = gazetteer();
    expect(g.missing).toEqual([]);
    expect(g.first.size).toBeGreaterThan(15_000);
    expect(g.lastStrong.size).toBeGreaterThan(40_000);
    expect(g.words.size).toBeGreaterThan(40_000);
    // Measured at ~130 ms on the CI machine; the bound leaves room for a busy one.
    expect(g.loadMs).toBeLessThan(2_000);
    expect(gazetteer()).toBe(g);
  });

  it('folds case and accents so spellings meet', () => {
    expect(foldName('Sørensen')).toBe('sorensen');
    expect(foldName('MÜLLER')).toBe('muller');
    expect(foldName('Frédérique')).toBe('frederique');
    expect(foldName('Straße')).toBe('strasse');
  });

  it('knows given names, surnames and ordinary words apart', () => {
    const g = gazetteer();
    for (const n of ['nancy', 'soren', 'jurgen', 'maria', 'mohammed', 'giovanni', 'ingrid']) expect(g.first.has(n), n).toBe(true);
    for (const n of ['smith', 'jensen', 'sorensen', 'muller', 'garcia', 'rossi', 'peeters', 'lindqvist']) expect(g.lastStrong.has(n), n).toBe(true);
    for (const w of ['iron', 'gold', 'rolling', 'master', 'sales', 'manager']) expect(g.words.has(w), w).toBe(true);
    for (const n of ['nancy', 'angus', 'callahan']) expect(g.words.has(n), n).toBe(false);
  });
});
