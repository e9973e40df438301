import { describe, expect, it } from 'vitest';
import { planMysqlSample } from '../../src/connectors/mysql.js';
import { planSqliteSample } from '../../src/connectors/sqlite.js';
import type { Container } from '../../src/types.js';

const table = (rowEstimate: number | undefined, meta?: Record<string, unknown>): Container => ({
  id: 'db.t',
  type: 'table',
  name: 't',
  fields: [{ name: 'a' }],
  ...(rowEstimate === undefined ? {} : { rowEstimate }),
  ...(meta ? { meta } : {}),
});

describe('planMysqlSample', () => {
  it('reads everything without a limit', () => {
    expect(planMysqlSample(table(10_000_000, { keyColumn: 'id' }), undefined, 1)).toEqual({ kind: 'all' });
  });
  it('uses LIMIT without an integer key, without fields, or for small tables', () => {
    expect(planMysqlSample(table(10_000_000), 1000, 1)).toEqual({ kind: 'limit', limit: 1000 });
    expect(planMysqlSample(table(10_000_000, { keyColumn: 'id' }), 1000, 0)).toEqual({ kind: 'limit', limit: 1000 });
    expect(planMysqlSample(table(2000, { keyColumn: 'id' }), 1000, 1)).toEqual({ kind: 'limit', limit: 1000 });
  });
  it('walks key ranges on large keyed tables and on tables with no estimate', () => {
    expect(planMysqlSample(table(2001, { keyColumn: 'id' }), 1000, 1)).toEqual({ kind: 'key-range', limit: 1000, key: 'id' });
    expect(planMysqlSample(table(undefined, { keyColumn: 'id' }), 1000, 1)).toEqual({ kind: 'key-range', limit: 1000, key: 'id' });
  });
});

describe('planSqliteSample', () => {
  it('follows the same rules on the rowid', () => {
    expect(planSqliteSample(table(10_000_000, { rowKey: 'rowid' }), undefined, 1)).toEqual({ kind: 'all' });
    expect(planSqliteSample(table(10_000_000), 1000, 1)).toEqual({ kind: 'limit', limit: 1000 });
    expect(planSqliteSample(table(1500, { rowKey: 'rowid' }), 1000, 1)).toEqual({ kind: 'limit', limit: 1000 });
    expect(planSqliteSample(table(undefined, { rowKey: '_rowid_' }), 1000, 1)).toEqual({ kind: 'key-range', limit: 1000, key: '_rowid_' });
  });
});
