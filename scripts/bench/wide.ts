import { progress, runChild, type Figure } from './common.js';
import type { BenchContext } from './context.js';
import { SHAPES, createTableSql, insertRowsSql, quoteIdent } from './data.js';
import { createBenchDatabase } from './databases.js';
import { fmtS } from './floor.js';

/** Rows per table, in turn: many small tables, as wide schemas have (some empty). */
const ROWS = [0, 10, 40, 100, 300];
const SOURCE_ROWS = 20_000;
const TABLES_PER_QUERY = 200;

/**
 * Wide: 10,000 tables × 10 columns in one PostgreSQL database, discovered and scanned with default
 * sampling; target under 2 minutes. The floor is the same sampling queries with the bare driver
 * (discovery not included in the floor: it is part of pdmap's time).
 */
export async function benchWide(ctx: BenchContext): Promise<Figure[]> {
  const tables = ctx.quick ? 300 : 10_000;
  progress(`wide: creating ${tables.toLocaleString('en')} tables × 10 columns in PostgreSQL`);
  const db = await createBenchDatabase('postgres', 'wide', ctx.cleanup);
  // Each table copies a slice of a per-shape source table (generated once), then the sources go.
  await db.exec('CREATE SCHEMA bench_src');
  for (const s of SHAPES) {
    await db.exec(createTableSql('postgres', s.name, s).replace('CREATE TABLE ', 'CREATE TABLE bench_src.'));
    await db.exec(insertRowsSql('postgres', s.name, s, 1, SOURCE_ROWS).replace('INSERT INTO ', 'INSERT INTO bench_src.'));
  }
  let rows = 0;
  for (let start = 0; start < tables; start += TABLES_PER_QUERY) {
    const statements: string[] = [];
    for (let i = start; i < Math.min(tables, start + TABLES_PER_QUERY); i++) {
      const s = SHAPES[i % SHAPES.length] as (typeof SHAPES)[number];
      const n = ROWS[Math.floor(i / SHAPES.length) % ROWS.length] as number;
      const name = quoteIdent('postgres', `${s.name}_${String(i).padStart(5, '0')}`);
      const src = `bench_src.${quoteIdent('postgres', s.name)}`;
      const offset = (i * 7919) % (SOURCE_ROWS - 300);
      statements.push(`CREATE TABLE ${name} (LIKE ${src} INCLUDING ALL)`);
      if (n > 0) statements.push(`INSERT INTO ${name} SELECT * FROM ${src} WHERE id > ${offset} AND id <= ${offset + n}`);
      rows += n;
    }
    await db.exec(statements.join(';\n'));
    if ((start / TABLES_PER_QUERY) % 10 === 9) progress(`  ${(start + TABLES_PER_QUERY).toLocaleString('en')} tables`);
  }
  await db.exec('DROP SCHEMA bench_src CASCADE');

  const t0 = performance.now();
  const containers = await db.discover();
  const discoverMs = performance.now() - t0;
  progress(`wide: ${containers.length.toLocaleString('en')} tables, ${rows.toLocaleString('en')} rows; bare-driver sampling queries`);
  const floor = await runChild({ type: 'floor', engine: 'postgres', url: db.target, containers, limit: 1000, concurrency: 2 });
  progress(`wide: bare driver ${fmtS(floor.ms)}; pdmap scan (default sampling, concurrency 2)`);
  const scan = await runChild({ type: 'scan', sources: [db.source] });
  if (scan.containers !== containers.length) throw new Error(`wide: pdmap scanned ${String(scan.containers)} of ${containers.length} tables`);
  return [
    {
      key: 'wide',
      part: 'wide',
      name: `${tables.toLocaleString('en')} tables × 10 cols, PostgreSQL, discover + sampled scan`,
      value: scan.ms,
      unit: 'ms',
      floor: floor.ms,
      target: { on: 'value', op: '<=', limit: ctx.quick ? 120_000 * (tables / 10_000) : 120_000 },
      note: `discovery alone ${fmtS(discoverMs)}; CPU ${fmtS(scan.cpuMs)}; peak RSS ${scan.maxRssMb.toFixed(0)} MB; ${String(scan.personalFields)} personal of ${String(scan.fields)} fields`,
    },
  ];
}
