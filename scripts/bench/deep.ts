import { rmSync } from 'node:fs';
import { createConnector } from '../../src/connectors/index.js';
import type { SourceConfig } from '../../src/sources.js';
import type { Container } from '../../src/types.js';
import { MB, benchDir, median, progress, runChild, type Figure } from './common.js';
import type { BenchContext } from './context.js';
import { shape } from './data.js';
import { createBenchDatabase, type Engine } from './databases.js';

const SAMPLE = 1000;
/**
 * The table is 100× larger: a sampler that read the table would take ~100× longer. What is left
 * when it does not is cache: random index probes into gigabytes miss the database's buffer pool
 * (MariaDB here: 128 MB, O_DIRECT) where the small table sits in memory. 3× allows for that.
 */
const SAMPLE_RATIO_TARGET = 3;

/**
 * Deep: one very large table per engine (and gigabytes of files). Sampling must not scan: the
 * time to sample the large table is compared to the time to sample a table 100× smaller with the
 * same columns (ratio ≈ 1 means independent of size), and a whole default scan of the large
 * source must stay under 400 MB peak RSS.
 */
export async function benchDeep(ctx: BenchContext, engines: readonly Engine[], withFiles: boolean): Promise<Figure[]> {
  const big = ctx.quick ? 500_000 : 20_000_000;
  const small = ctx.quick ? 5_000 : 200_000;
  const figures: Figure[] = [];
  // The engines load side by side (each server, and SQLite in a child process); the files are
  // written meanwhile. Nothing is measured until every load is done.
  progress(`deep: loading ${big.toLocaleString('en')} + ${small.toLocaleString('en')} rows into ${engines.join(', ')} side by side`);
  const t0 = performance.now();
  const loading = Promise.all(
    engines.map(async (engine) => {
      const db = await createBenchDatabase(engine, 'deep', ctx.cleanup);
      await db.load('customers_big', shape('customers'), big, { unlogged: true });
      await db.load('customers_small', shape('customers'), small, { unlogged: true });
      await db.analyze(['customers_big', 'customers_small']);
      progress(`deep/${engine}: loaded in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
      return { engine, db };
    }),
  );
  const writing = withFiles ? writeDeepFiles(ctx) : undefined;
  const [loaded, files] = await Promise.all([loading, writing]);
  for (const { engine, db } of loaded) {
    progress(`deep/${engine}: timing samples`);
    const containers = await db.discover();
    const times = await sampleTimes(db.source, containers, ['customers_big', 'customers_small']);
    figures.push({
      key: `deep.sample.${engine}`,
      part: 'deep',
      name: `sample 1,000 rows, ${engine}: ${big.toLocaleString('en')}-row table vs ${small.toLocaleString('en')}`,
      value: times[0] as number,
      unit: 'ms',
      floor: times[1] as number,
      target: { on: 'ratio', op: '<=', limit: SAMPLE_RATIO_TARGET },
      note: 'median of 5 (warm connection); a sampler that read the table would be ~100×',
    });
    progress(`deep/${engine}: whole default scan in a child process (peak RSS)`);
    const bigScan = await runChild({ type: 'scan', sources: [db.source], include: ['*.customers_big'] });
    const smallScan = await runChild({ type: 'scan', sources: [db.source], include: ['*.customers_small'] });
    figures.push({
      key: `deep.rss.${engine}`,
      part: 'deep',
      name: `peak RSS, default scan, ${engine} ${big.toLocaleString('en')}-row table (floor: ${small.toLocaleString('en')})`,
      value: bigScan.maxRssMb,
      unit: 'MB',
      floor: smallScan.maxRssMb,
      target: { on: 'value', op: '<=', limit: 400 },
      note: `scan ${(bigScan.ms / 1000).toFixed(2)} s vs ${(smallScan.ms / 1000).toFixed(2)} s`,
    });
  }
  if (files) figures.push(...(await deepFiles(files)));
  return figures;
}

interface DeepFiles {
  readonly bigDir: string;
  readonly smallDir: string;
  readonly bigBytes: number;
  readonly smallBytes: number;
}

async function writeDeepFiles(ctx: BenchContext): Promise<DeepFiles> {
  const bigBytes = ctx.quick ? 200 * MB : 5 * 1024 * MB;
  const smallBytes = ctx.quick ? 5 * MB : 50 * MB;
  const bigDir = benchDir('deepfiles');
  const smallDir = benchDir('smallfiles');
  ctx.cleanup.add(`files ${bigDir}`, () => rmSync(bigDir, { recursive: true, force: true }));
  ctx.cleanup.add(`files ${smallDir}`, () => rmSync(smallDir, { recursive: true, force: true }));
  progress(`deep/files: writing ${(bigBytes / MB / 1024).toFixed(1)} GB of CSV, NDJSON and logs`);
  const t0 = performance.now();
  const written = await runChild({ type: 'write-files', dir: bigDir, bytes: bigBytes });
  await runChild({ type: 'write-files', dir: smallDir, bytes: smallBytes });
  progress(`deep/files: written in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  return { bigDir, smallDir, bigBytes: Number(written.bytes), smallBytes };
}

async function deepFiles({ bigDir, smallDir, bigBytes, smallBytes }: DeepFiles): Promise<Figure[]> {
  progress('deep/files: timing samples');
  const discover = async (dir: string): Promise<Container[]> => {
    const c = createConnector({ kind: 'files', path: dir });
    const out: Container[] = [];
    for await (const x of c.discover()) out.push(x);
    await c.close();
    return out;
  };
  const bigContainers = await discover(bigDir);
  const smallContainers = await discover(smallDir);
  const bigMs = await sampleTimes({ kind: 'files', path: bigDir }, bigContainers, bigContainers.map((c) => c.name), true);
  const smallMs = await sampleTimes({ kind: 'files', path: smallDir }, smallContainers, smallContainers.map((c) => c.name), true);
  const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
  progress('deep/files: whole default scan in a child process (peak RSS)');
  const scan = await runChild({ type: 'scan', sources: [bigDir] });
  const smallScan = await runChild({ type: 'scan', sources: [smallDir] });
  const gb = (bigBytes / 1024 / MB).toFixed(1);
  return [
    {
      key: 'deep.sample.files',
      part: 'deep',
      name: `sample 1,000 rows from each file: ${gb} GB (CSV, NDJSON, log) vs ${(smallBytes / MB).toFixed(0)} MB`,
      value: sum(bigMs),
      unit: 'ms',
      floor: sum(smallMs),
      target: { on: 'ratio', op: '<=', limit: SAMPLE_RATIO_TARGET },
      note: 'median of 5 per file, summed',
    },
    {
      key: 'deep.rss.files',
      part: 'deep',
      name: `peak RSS, default scan of ${gb} GB of files (floor: ${(smallBytes / MB).toFixed(0)} MB)`,
      value: scan.maxRssMb,
      unit: 'MB',
      floor: smallScan.maxRssMb,
      target: { on: 'value', op: '<=', limit: 400 },
      note: `scan ${(scan.ms / 1000).toFixed(2)} s`,
    },
  ];
}

/**
 * Median time to draw a 1,000-row sample from each named container with pdmap's connector
 * (warm: the connection is open, the plan inputs are known), alternating between containers.
 */
async function sampleTimes(source: string | SourceConfig, containers: readonly Container[], names: readonly string[], files = false): Promise<number[]> {
  const config: SourceConfig = typeof source === 'string' ? sourceConfig(source) : source;
  const connector = createConnector(config);
  const runs: number[][] = names.map(() => []);
  try {
    const picked = names.map((n) => {
      const c = containers.find((x) => x.name === n);
      if (!c) throw new Error(`deep: no container ${n}`);
      return c;
    });
    // One warm-up each: connection set-up and first-query planning are not sampling.
    for (const c of picked) for await (const _ of connector.sample(c, { limit: SAMPLE })) void _;
    for (let rep = 0; rep < 5; rep++) {
      for (let i = 0; i < picked.length; i++) {
        const t0 = performance.now();
        let n = 0;
        for await (const _ of connector.sample(picked[i] as Container, { limit: SAMPLE })) n++;
        runs[i]?.push(performance.now() - t0);
        if (n < Math.min(SAMPLE, (picked[i] as Container).rowEstimate ?? SAMPLE) && !files) throw new Error(`deep: short sample (${n}) from ${names[i]}`);
      }
    }
  } finally {
    await connector.close();
  }
  return runs.map(median);
}

function sourceConfig(source: string): SourceConfig {
  if (source.startsWith('postgres')) return { kind: 'postgres', url: source };
  if (source.startsWith('mysql') || source.startsWith('mariadb')) return { kind: 'mysql', url: source };
  if (source.startsWith('sqlite:')) return { kind: 'sqlite', path: source.slice('sqlite:'.length) };
  return { kind: 'files', path: source };
}
