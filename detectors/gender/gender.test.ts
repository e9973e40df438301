import { describe, expect, it } from 'vitest';
import { classifyColumn, HOSTILE } from '../_shared/names/testing.js';
import { genderScore } from './gender.js';

describe('gender values', () => {
  it.each([['M'], ['F'], ['male'], ['Female'], ['mand'], ['kvinde'], ['Herr'], ['Frau'], ['Mr.'], ['Ms.'], ['Mrs.'], ['weiblich'], ['kvinna'], ['Mme'], ['Sra.'], ['non-binary']])(
    'accepts %s',
    (v) => expect(genderScore(v)).toBeGreaterThanOrEqual(0.6),
  );
  it.each([['Nancy'], ['Sales Manager'], ['12'], ['yes'], ['XL'], [''], ['Male and female voices']])('refuses %s', (v) => expect(genderScore(v)).toBe(0));
  it('runs in linear time on hostile input', () => {
    for (const v of HOSTILE) {
      const t = performance.now();
      genderScore(v);
      expect(performance.now() - t).toBeLessThan(50);
    }
  });
});

describe('gender columns', () => {
  const codes = ['M', 'F', 'F', 'M', 'F', 'M', 'M', 'F'];
  it.each([['gender'], ['sex'], ['køn'], ['Geschlecht'], ['kön'], ['kjønn'], ['geslacht'], ['sexe'], ['sexo']])('finds %s', (field) =>
    expect(classifyColumn(field, codes, { personContext: true }).category).toBe('gender'),
  );
  it.each([['title_of_courtesy'], ['salutation'], ['Anrede'], ['tiltale']])('finds courtesy titles under %s', (field) =>
    expect(classifyColumn(field, ['Ms.', 'Dr.', 'Mrs.', 'Mr.', 'Ms.', 'Herr', 'Frau'], { personContext: true }).category).toBe('gender'),
  );
  it('does not take a size column for gender', () => {
    expect(classifyColumn('size', ['S', 'M', 'L', 'XL', 'M', 'S'], { container: 'products' }).personal).toBe(false);
  });
});
