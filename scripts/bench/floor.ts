import { alternate, progress, runChild, type Figure } from './common.js';
import { shape } from './data.js';
import { createBenchDatabase, type Engine } from './databases.js';
import type { BenchContext } from './context.js';

/**
 * Floor: pdmap against the bare driver running the very queries the connector plans, on the
 * same database, in one run. Full scans (every row) carry the 1.3× target: that is where pdmap's
 * own cost per row shows. Sampled scans are printed beside them: there the floor is a few
 * milliseconds of reading and detection is most of the work, by design.
 */
export async function benchFloor(ctx: BenchContext, engines: readonly Engine[]): Promise<Figure[]> {
  const rows = ctx.quick ? 20_000 : 250_000;
  const tables = ['customers', 'employees', 'orders', 'events'];
  const figures: Figure[] = [];
  for (const engine of engines) {
    progress(`floor/${engine}: loading ${tables.length} tables × ${rows.toLocaleString('en')} rows`);
    const db = await createBenchDatabase(engine, 'floor', ctx.cleanup);
    for (const t of tables) await db.load(t, shape(t), rows);
    await db.analyze(tables);
    const containers = await db.discover();
    const floorTask = (limit: number | undefined): unknown =>
      engine === 'sqlite'
        ? { type: 'floor', engine, path: db.target, containers, concurrency: 2, ...(limit === undefined ? {} : { limit }) }
        : { type: 'floor', engine: engine === 'mariadb' ? 'mysql' : engine, url: db.target, containers, concurrency: 2, ...(limit === undefined ? {} : { limit }) };

    // The 1.3× figure is the one nearest its target and a pair takes seconds: five pairs, so that
    // one undisturbed run of each side is all but certain on a shared machine.
    const fullReps = ctx.quick ? ctx.reps : Math.max(ctx.reps, 5);
    progress(`floor/${engine}: full scan vs bare driver (${fullReps}× each, fastest kept)`);
    const full = await alternate(fullReps, () => runChild(floorTask(undefined)), () => runChild({ type: 'scan', sources: [db.source], full: true, warm: true }));
    figures.push({
      key: `floor.full.${engine}`,
      part: 'floor',
      name: `full scan, ${engine} (${(rows * tables.length).toLocaleString('en')} rows × 10 cols)`,
      value: full.b.ms,
      unit: 'ms',
      floor: full.a.ms,
      target: { on: 'ratio', op: '<=', limit: 1.3 },
      note: `CPU ${fmtS(full.b.cpuMs)} vs ${fmtS(full.a.cpuMs)}; peak RSS ${full.b.maxRssMb.toFixed(0)} MB`,
    });

    progress(`floor/${engine}: sampled scan vs bare driver`);
    const sampled = await alternate(ctx.reps, () => runChild(floorTask(1000)), () => runChild({ type: 'scan', sources: [db.source], warm: true }));
    figures.push({
      key: `floor.sampled.${engine}`,
      part: 'floor',
      name: `sampled scan, ${engine} (1,000 rows per table)`,
      value: sampled.b.ms,
      unit: 'ms',
      floor: sampled.a.ms,
      note: `detection-bound by design; CPU ${fmtS(sampled.b.cpuMs)} vs ${fmtS(sampled.a.cpuMs)}`,
    });
  }
  return figures;
}

export function fmtS(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}
