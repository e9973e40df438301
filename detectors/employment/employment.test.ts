import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyField, type ClassifyOptions, type ContainerContext } from '../../src/engine/classify.js';
import type { FieldVerdict, Location } from '../../src/types.js';
import { builtinDetectors } from '../index.js';
import { employment, employmentScore } from './employment.js';

const at = (container: string, field: string): Location => ({ source: 't', sourceKind: 'sqlite', container, containerType: 'table', field });
const options: ClassifyOptions = { detectors: builtinDetectors, match: { defaultCountry: 'DK' }, minConfidence: 0.5, revealValues: false, maxExamples: 3 };
/** The verdict the engine gives a column, with the whole catalogue competing. */
function column(field: string, values: readonly string[], personContext = true, container = 'employees'): FieldVerdict {
  const ctx: ContainerContext = { name: container, fieldNames: [field], personContext };
  return classifyField(at(container, field), 'text', { rows: values.length, values: [...values], binaryHeads: [] }, ctx, options);
}
const has = (v: FieldVerdict, category: string): boolean => v.categories.some((c) => c.category === category);

const ADVERSARIAL = ['0'.repeat(100_000), '@'.repeat(100_000), '.'.repeat(100_000), ' '.repeat(100_000), 'a@'.repeat(50_000), '1.'.repeat(50_000), '1 '.repeat(50_000), '1,'.repeat(50_000), `${'9'.repeat(99_999)}x`, `kr ${'1.000'.repeat(20_000)}x`];

const hireDates = ['1992-05-01', '1992-08-14', '1992-04-01', '1993-05-03', '1993-10-17', '1993-10-17', '1994-01-02', '1994-03-05', '1994-11-15'];
const salaries = ['52000.00', '61500.50', '48250.00', '75000.00', '39900.00', '88000.00', '45000.00', '57250.00'];

describe('employmentScore', () => {
  it.each(['1992-05-01', '2002-08-14 00:00:00', '2002-08-14T00:00:00.000Z', '14.08.2002', '24000', '24000.00', '45.000,50', 'DKK 45,000', '€ 3.200', '45000 kr.', '0.15', '15 %', '2019-2021', '1998 – present', 'full-time', 'Teilzeit', 'deltid'])(
    'accepts %s',
    (value) => {
      expect(employmentScore(value)).toBeGreaterThan(0);
    },
  );

  it.each(['Sales Representative', 'Anna', 'n/a', '1850-01-01', '2999-01-01', 'abc123', ''])('rejects %s', (value) => {
    expect(employmentScore(value)).toBe(0);
  });

  it('never throws and stays in [0, 1] on any string', () => {
    fc.assert(fc.property(fc.string({ maxLength: 60 }), (s) => {
      const r = employmentScore(s);
      return r >= 0 && r <= 1;
    }));
  });

  it('returns quickly on long adversarial strings', () => {
    // Warm up on short versions first: the first call into a library may compile its patterns.
    for (const w of ADVERSARIAL.map((a) => a.slice(0, 1000))) {
      employmentScore(w);
    }
    for (const s of ADVERSARIAL) {
      const t0 = performance.now();
      employmentScore(s);
      expect(performance.now() - t0).toBeLessThan(50);
    }
  });
});

describe('hire_date_or_employment columns', () => {
  it.each(['hire_date', 'HireDate', 'hiredate', 'date_hired', 'ansættelsesdato', 'employed_since', 'Eintrittsdatum', 'anställningsdatum', 'datum_in_dienst', 'date_embauche', 'fecha_de_contratacion', 'termination_date', 'fratrædelsesdato'])(
    '%s with dates',
    (field) => {
      expect(column(field, hireDates).category).toBe('hire_date_or_employment');
    },
  );

  it.each(['salary', 'Salary', 'annual_salary', 'commission_pct', 'løn', 'månedsløn', 'Gehalt', 'månadslön', 'lønn', 'salaris', 'salaire', 'sueldo', 'wage', 'pay_rate'])(
    '%s with amounts',
    (field) => {
      expect(column(field, salaries).category).toBe('hire_date_or_employment');
    },
  );

  it('finds a Chinook hire date', () => {
    expect(column('HireDate', ['2002-08-14 00:00:00', '2002-05-01 00:00:00', '2002-04-01 00:00:00', '2003-05-03 00:00:00', '2003-10-17 00:00:00', '2003-10-17 00:00:00', '2004-01-02 00:00:00', '2004-03-04 00:00:00']).category).toBe('hire_date_or_employment');
  });

  it('needs a name: dates and amounts alone are not employment', () => {
    expect(employment.requiresName).toBe(true);
    for (const field of ['order_date', 'created_at', 'unit_price', 'freight', 'total', 'amount', 'birth_date']) {
      expect(has(column(field, [...hireDates, ...salaries]), 'hire_date_or_employment'), field).toBe(false);
    }
  });

  it('keeps ambiguous words to containers about people', () => {
    const rates = ['0.05', '0.10', '0.15', '0.20', '0.05', '0.10'];
    expect(column('commission', rates, true).category).toBe('hire_date_or_employment');
    expect(has(column('commission', rates, false, 'orders'), 'hire_date_or_employment')).toBe(false);
  });

  it('does not take the salary band of a job for a person\'s salary', () => {
    expect(has(column('min_salary', salaries, false, 'jobs'), 'hire_date_or_employment')).toBe(false);
    expect(has(column('max_salary', salaries, false, 'jobs'), 'hire_date_or_employment')).toBe(false);
  });

  it('is not fooled by a pay column full of words', () => {
    const words = ['see contract', 'negotiable', 'confidential', 'ask HR', 'tbd', 'unknown'];
    expect(has(column('salary', words), 'hire_date_or_employment')).toBe(false);
  });

  it('does not read Swedish "lön" into longitude', () => {
    expect(has(column('lon', ['12.5683', '10.2039', '9.9217', '12.0803', '8.4521', '11.9746']), 'hire_date_or_employment')).toBe(false);
  });
});
