import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FieldVerdict } from '../../src/types.js';
import { employment, employmentScore } from './employment.js';
import { catalogueColumn } from '../_shared/testing.js';

const column = catalogueColumn({ personContext: true, container: 'employees' });
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

  it('accepts the open end of a running period and a deduction', () => {
    expect(employmentScore('9999-12-31')).toBe(1);
    expect(employmentScore('-1250.00')).toBe(1);
  });

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

  it.each(['ansattdato', 'stillingsprosent', 'arslonn', 'årslønn', 'timelonn', 'pension_pct', 'Beschäftigungsgrad', 'tjänstgöringsgrad'])(
    '%s means employment in any table',
    (field) => {
      const values = field === 'ansattdato' ? hireDates : ['100', '80', '60', '100', '50', '100', '75', '100'];
      expect(column(field, values, false, 'import_2024').category).toBe('hire_date_or_employment');
    },
  );
});

describe('employment context: generic periods, pay and hours in a table that records employment', () => {
  const periods = ['2015-03-01', '2017-06-15', '2019-01-01', '2020-09-30', '2012-11-05', '2021-04-12', '2018-02-28', '2016-08-01'];
  const openEnded = ['9999-12-31', '9999-12-31', '2019-01-01', '9999-12-31', '2016-07-31', '9999-12-31', '9999-12-31', '9999-12-31'];
  const rates = ['18.75', '22.40', '31.0000', '27.5', '19.9', '45.00', '24.10', '33.33'];
  const hours = ['12', '40', '0', '7', '25', '63', '18', '3'];
  const inEmployment = (field: string, values: readonly string[], container = 'staff_assignment'): FieldVerdict =>
    column(field, values, false, container, true);

  it.each(['from_date', 'valid_from', 'StartDate', 'effective_date', 'startdato', 'gültig_ab', 'fecha_inicio', 'date_debut', 'begindatum', 'från_datum'])(
    '%s with dates',
    (field) => {
      expect(inEmployment(field, periods).category).toBe('hire_date_or_employment');
    },
  );

  it.each(['to_date', 'end_date', 'ValidTo', 'sluttdato', 'slutdatum', 'Enddatum', 'fecha_fin', 'einddatum'])('%s with open-ended periods', (field) => {
    expect(inEmployment(field, openEnded).category).toBe('hire_date_or_employment');
  });

  it.each(['Rate', 'hourly_rate', 'RateChangeDate', 'pay_frequency', 'bonus', 'pct', 'Stundensatz', 'timesats', 'tarief', 'amount', 'beløb'])(
    '%s with amounts or dates',
    (field) => {
      const values = /date/i.test(field) ? periods : rates;
      expect(inEmployment(field, values, 'pay_history').category).toBe('hire_date_or_employment');
    },
  );

  it.each(['VacationHours', 'sick_leave_hours', 'weekly_hours', 'feriedage', 'Urlaubstage', 'SalariedFlag'])('%s with numbers', (field) => {
    const values = field === 'SalariedFlag' ? ['1', '0', '0', '1', '1', '0'] : hours;
    expect(inEmployment(field, values, 'worker').category).toBe('hire_date_or_employment');
  });

  it('leaves the same names alone outside such a table', () => {
    expect(has(column('valid_from', periods, false, 'price_list'), 'hire_date_or_employment')).toBe(false);
    expect(has(column('start_date', periods, false, 'campaign'), 'hire_date_or_employment')).toBe(false);
    expect(has(column('startdato', periods, true, 'kunder'), 'hire_date_or_employment')).toBe(false);
    expect(has(column('rate', rates, false, 'exchange_rates'), 'hire_date_or_employment')).toBe(false);
    expect(has(column('amount', rates, true, 'customer_payments'), 'hire_date_or_employment')).toBe(false);
  });

  it('does not take audit stamps, pay-run dates or keys of an employment table for employment', () => {
    for (const field of ['modified_date', 'pay_date', 'created_at', 'rate_id', 'leave_type_code']) {
      expect(has(inEmployment(field, field.endsWith('date') || field === 'created_at' ? periods : ['1', '2', '3', '4', '5', '6']), 'hire_date_or_employment'), field).toBe(false);
    }
  });

  it('reads a user\'s date_joined as a sign-up date, an employee\'s as a hire date', () => {
    const joined = ['2021-03-14 09:12:44.120391+00:00', '2022-11-02 18:40:03.998201+00:00', '2023-06-21 07:55:19.004100+00:00', '2020-01-30 22:03:51.731002+00:00'];
    expect(has(column('date_joined', joined, true, 'accounts_user'), 'hire_date_or_employment')).toBe(false);
    expect(inEmployment('date_joined', periods, 'employee').category).toBe('hire_date_or_employment');
  });
});
