import { describe, expect, it } from 'vitest';
import { parseLabels, type LabelRow } from '../../scripts/eval/labels.js';
import { checkTargets, computeMetrics, joinLabels, score, type Judged, type Prediction } from '../../scripts/eval/metrics.js';
import { labelsForSource, toPrediction } from '../../scripts/eval/run.js';
import type { FieldVerdict } from '../../src/types.js';

const label = (table: string, column: string, l: string, engine = 'sqlite', database = 'shop'): LabelRow => ({
  engine,
  database,
  schema: engine === 'sqlite' ? 'main' : 'public',
  table,
  column,
  label: l,
});
const predict = (table: string, column: string, category?: string, engine = 'sqlite', database = 'shop'): Prediction => ({
  engine,
  database,
  schema: engine === 'sqlite' ? 'main' : 'public',
  table,
  column,
  ...(category === undefined ? {} : { category }),
  confidence: category === undefined ? 0 : 0.9,
});
const judged = (l: string, predicted: string, column = 'c'): Judged => ({
  set: 's',
  engine: 'sqlite',
  database: 'shop',
  schema: 'main',
  table: 't',
  column,
  label: l,
  predicted,
  confidence: 0.9,
  missing: false,
});

describe('score', () => {
  it('computes precision, recall and F1 from counts', () => {
    const s = score('email', 4, 3, 1, 1);
    expect(s.precision).toBeCloseTo(0.75);
    expect(s.recall).toBeCloseTo(0.75);
    expect(s.f1).toBeCloseTo(0.75);
  });
  it('leaves precision undefined with no predictions, and F1 is then 0 when there is support', () => {
    const s = score('phone', 2, 0, 0, 2);
    expect(s.precision).toBeUndefined();
    expect(s.recall).toBe(0);
    expect(s.f1).toBe(0);
  });
  it('leaves everything undefined with no support and no predictions', () => {
    const s = score('photo', 0, 0, 0, 0);
    expect([s.precision, s.recall, s.f1]).toEqual([undefined, undefined, undefined]);
  });
});

describe('computeMetrics', () => {
  it('counts a wrong category as FN for the label and FP for the prediction', () => {
    const m = computeMetrics([judged('phone', 'fax', 'a'), judged('phone', 'phone', 'b'), judged('fax', 'fax', 'c')]);
    const phone = m.perCategory.find((c) => c.category === 'phone');
    const fax = m.perCategory.find((c) => c.category === 'fax');
    expect(phone).toMatchObject({ support: 2, tp: 1, fp: 0, fn: 1 });
    expect(fax).toMatchObject({ support: 1, tp: 1, fp: 1, fn: 0 });
    expect(fax?.precision).toBeCloseTo(0.5);
    expect(phone?.recall).toBeCloseTo(0.5);
  });

  it('counts NONE predictions on personal columns as FN and categories on TRAP/NONE as FP', () => {
    const m = computeMetrics([judged('email', 'NONE', 'a'), judged('TRAP', 'person.name', 'b'), judged('NONE', 'NONE', 'c'), judged('TRAP', 'NONE', 'd')]);
    expect(m.perCategory.find((c) => c.category === 'email')).toMatchObject({ tp: 0, fn: 1, fp: 0 });
    expect(m.perCategory.find((c) => c.category === 'person.name')).toMatchObject({ support: 0, fp: 1 });
    // NONE and TRAP are not categories of their own.
    expect(m.perCategory.map((c) => c.category)).not.toContain('NONE');
    expect(m.perCategory.map((c) => c.category)).not.toContain('TRAP');
  });

  it('computes FP rates on TRAP and NONE separately', () => {
    const m = computeMetrics([
      judged('TRAP', 'person.name', 'a'),
      judged('TRAP', 'NONE', 'b'),
      judged('TRAP', 'NONE', 'c'),
      judged('TRAP', 'NONE', 'd'),
      judged('NONE', 'NONE', 'e'),
      judged('NONE', 'phone', 'f'),
    ]);
    expect(m.fpRate.TRAP).toEqual({ columns: 4, flagged: 1, rate: 0.25 });
    expect(m.fpRate.NONE).toEqual({ columns: 2, flagged: 1, rate: 0.5 });
  });

  it('leaves an FP rate undefined when there are no such columns', () => {
    expect(computeMetrics([judged('email', 'email')]).fpRate.TRAP.rate).toBeUndefined();
  });

  it('micro-averages over personal categories', () => {
    const m = computeMetrics([judged('email', 'email', 'a'), judged('phone', 'fax', 'b'), judged('NONE', 'phone', 'c'), judged('NONE', 'NONE', 'd')]);
    // TP 1 (email); FP 2 (fax, phone); FN 1 (phone)
    expect(m.micro).toMatchObject({ support: 2, tp: 1, fp: 2, fn: 1 });
    expect(m.micro.f1).toBeCloseTo(2 / 5);
  });

  it('lists confusions most frequent first with column names', () => {
    const m = computeMetrics([judged('address.city', 'NONE', 'city'), judged('address.city', 'NONE', 'town'), judged('TRAP', 'person.name', 'name'), judged('email', 'email', 'mail')]);
    expect(m.confusions).toEqual([
      { label: 'address.city', predicted: 'NONE', count: 2, columns: ['s/sqlite/t.city', 's/sqlite/t.town'] },
      { label: 'TRAP', predicted: 'person.name', count: 1, columns: ['s/sqlite/t.name'] },
    ]);
  });

  it('orders categories by the given vocabulary, listing unsupported ones too', () => {
    const m = computeMetrics([judged('phone', 'phone'), judged('custom.thing', 'custom.thing', 'x')], ['email', 'phone']);
    expect(m.perCategory.map((c) => c.category)).toEqual(['email', 'phone', 'custom.thing']);
    expect(m.perCategory[0]).toMatchObject({ support: 0, f1: undefined });
  });
});

describe('checkTargets', () => {
  it('reports targeted categories under F1 0.95 and FP rates over 2%', () => {
    const rows = [judged('email', 'email', 'a'), judged('phone', 'NONE', 'b'), judged('fax', 'NONE', 'c')];
    for (let i = 0; i < 10; i++) rows.push(judged('NONE', i === 0 ? 'company' : 'NONE', `n${i}`));
    const f = checkTargets(computeMetrics(rows, ['email', 'phone', 'address.city']));
    expect(f.map((x) => x.what)).toEqual(['F1 phone', 'FP rate on NONE']);
  });
  it('passes when everything is right', () => {
    expect(checkTargets(computeMetrics([judged('email', 'email'), judged('TRAP', 'NONE', 'x')]))).toEqual([]);
  });
});

describe('joinLabels', () => {
  it('joins on engine, database, schema, table and column, ignoring case', () => {
    const r = joinLabels('s', [label('Customer', 'FirstName', 'person.first_name'), label('customer', 'email', 'email')], [
      predict('customer', 'firstname', 'person.first_name'),
      predict('CUSTOMER', 'Email', 'email'),
    ]);
    expect(r.judged.map((j) => [j.column, j.predicted, j.missing])).toEqual([
      ['FirstName', 'person.first_name', false],
      ['email', 'email', false],
    ]);
    expect(r.unlabelled).toEqual([]);
  });

  it('prefers an exact-case match when two columns differ only in case', () => {
    const r = joinLabels('s', [label('t', 'Name', 'person.name'), label('t', 'name', 'TRAP')], [predict('t', 'name', undefined), predict('t', 'Name', 'person.name')]);
    expect(r.judged.map((j) => [j.column, j.predicted])).toEqual([
      ['Name', 'person.name'],
      ['name', 'NONE'],
    ]);
  });

  it('judges a labelled column missing from the scan as NONE and keeps unlabelled predictions apart', () => {
    const r = joinLabels('s', [label('t', 'phone', 'phone')], [predict('v_view', 'phone', 'phone')]);
    expect(r.judged[0]).toMatchObject({ predicted: 'NONE', missing: true });
    expect(r.unlabelled.map((p) => p.table)).toEqual(['v_view']);
  });

  it('does not join across engines or databases', () => {
    const r = joinLabels('s', [label('t', 'email', 'email', 'postgres', 'a')], [predict('t', 'email', 'email', 'postgres', 'b'), predict('t', 'email', 'email', 'mysql', 'a')]);
    expect(r.judged[0]?.missing).toBe(true);
  });

  it('ignores the schema for files', () => {
    const l: LabelRow = { engine: 'files', database: 'export', schema: '', table: 'people/a.csv', column: 'mail', label: 'email' };
    const p: Prediction = { engine: 'files', database: 'export', schema: 'whatever', table: 'people/a.csv', column: 'mail', category: 'email', confidence: 1 };
    expect(joinLabels('s', [l], [p]).judged[0]?.missing).toBe(false);
  });
});

describe('labels and predictions', () => {
  it('parses the labels CSV, with quoted names', () => {
    const rows = parseLabels('engine,database,schema,table,column,label\nsqlite,dev,main,"Order Details",UnitPrice,NONE\nPOSTGRES,dev,public,a,"b,c",TRAP\n');
    expect(rows).toEqual([
      { engine: 'sqlite', database: 'dev', schema: 'main', table: 'Order Details', column: 'UnitPrice', label: 'NONE' },
      { engine: 'postgres', database: 'dev', schema: 'public', table: 'a', column: 'b,c', label: 'TRAP' },
    ]);
  });

  it('rejects a CSV without the expected columns', () => {
    expect(() => parseLabels('engine,table,label\nsqlite,t,NONE\n')).toThrow(/database/);
  });

  it('strips the schema from a database container id', () => {
    const f = {
      location: { source: 's', sourceKind: 'sqlite', schema: 'main', container: 'main.Order Details', containerType: 'table', field: 'Discount' },
      rowsSampled: 1,
      valuesSampled: 1,
      categories: [],
      confidence: 0,
      personal: false,
    } satisfies FieldVerdict;
    expect(toPrediction(f, { source: 'sqlite:x', engine: 'sqlite', database: 'nw' })).toMatchObject({ table: 'Order Details', schema: 'main', database: 'nw' });
  });

  it('assigns labels to sources by engine, and by database only when an engine has several sources', () => {
    const labels = [label('t', 'a', 'NONE', 'sqlite', 'crm'), label('t', 'a', 'NONE', 'sqlite', 'shop'), label('t', 'a', 'NONE', 'files', 'export-2024')];
    const one = { source: 'x', engine: 'files' as const, database: 'exports' };
    const two = [{ source: 'a', engine: 'sqlite' as const, database: 'crm' }, { source: 'b', engine: 'sqlite' as const, database: 'shop' }];
    expect(labelsForSource(labels, one, [one, ...two]).map((l) => l.database)).toEqual(['exports']);
    expect(labelsForSource(labels, two[0]!, [one, ...two])).toHaveLength(1);
  });
});
