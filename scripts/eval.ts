/**
 * `npm run eval`: pdmap's measured accuracy on labelled databases (and labelled synthetic
 * fixtures when they exist). Prints a per-category table, writes docs/accuracy.md, and exits
 * non-zero when a target of the issue "Detector catalogue with measured accuracy" is missed.
 *
 *   npm run eval [-- --no-load] [--set dev] [--engine sqlite] [--json] [--peers] [--no-docs] [--sample 1000]
 *   (use `npm run -s eval -- --json` so that npm's banner stays out of the JSON)
 *
 * Exit codes: 0 targets met, 1 a target missed, 2 a source could not be scanned (its labels are
 * left out of the figures), 64 bad usage.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadLabels, type LabelRow } from './eval/labels.js';
import { BUILTIN_ORDER, checkTargets, computeMetrics, isPersonalLabel, joinLabels, type Judged, type Metrics } from './eval/metrics.js';
import { renderMarkdown, renderText, type PeerResult, type Report, type SourceStatus } from './eval/render.js';
import { labelsForSource, runSource, type SourceRun } from './eval/run.js';
import { MANIFESTS, REPO_ROOT, SQLITE_DIR, datasetsDir, devSet, loadManifest, type EvalSet, type EvalSource } from './eval/sets.js';

/** Generators of the labelled fixture sets, run before a measurement that loads data. */
const FIXTURE_GENERATORS = ['fixtures/generate.ts', 'fixtures/holdout/generate.ts'];

const USAGE = 'usage: npm run eval -- [--no-load] [--set <name>] [--engine postgres|mysql|sqlite|files] [--json] [--peers] [--no-docs] [--sample <n>]';
const DOCS = resolve(REPO_ROOT, 'docs', 'accuracy.md');

interface Args {
  load: boolean;
  set: string | undefined;
  engine: string | undefined;
  json: boolean;
  peers: boolean;
  docs: boolean;
  sample: number;
}

function parse(argv: string[]): Args {
  const { values } = parseArgs({
    args: argv,
    options: {
      'no-load': { type: 'boolean', default: false },
      set: { type: 'string' },
      engine: { type: 'string' },
      json: { type: 'boolean', default: false },
      peers: { type: 'boolean', default: false },
      'no-docs': { type: 'boolean', default: false },
      sample: { type: 'string', default: '1000' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const sample = Number(values.sample);
  if (!Number.isInteger(sample) || sample < 1) throw new Error('--sample must be a whole number ≥ 1');
  return { load: !values['no-load'], set: values.set, engine: values.engine, json: values.json, peers: values.peers, docs: !values['no-docs'], sample };
}

/** Loads the dev databases, one engine per `load.sh` run so a broken engine does not stop the others. */
async function loadDev(engines: ReadonlySet<string>): Promise<void> {
  mkdirSync(SQLITE_DIR, { recursive: true });
  const script = resolve(datasetsDir(), 'load.sh');
  const skip = { postgres: 'SKIP_PG', mysql: 'SKIP_MYSQL', sqlite: 'SKIP_SQLITE' } as const;
  await Promise.all(
    (Object.keys(skip) as (keyof typeof skip)[])
      .filter((e) => engines.has(e))
      .map(
        (engine) =>
          new Promise<void>((done) => {
            const env: NodeJS.ProcessEnv = { ...process.env };
            for (const [e, k] of Object.entries(skip)) if (e !== engine) env[k] = '1';
            const child = spawn('bash', [script, SQLITE_DIR], { env, stdio: ['ignore', 'pipe', 'pipe'] });
            let err = '';
            child.stderr.on('data', (d: Buffer) => (err += d.toString()));
            child.on('error', (e) => {
              process.stderr.write(`eval: load ${engine}: ${e.message}\n`);
              done();
            });
            child.on('close', (code) => {
              if (code !== 0) process.stderr.write(`eval: loading ${engine} failed (exit ${code}); its scan will be reported as failed\n${err.split('\n').slice(-4).join('\n')}\n`);
              done();
            });
          }),
      ),
  );
}

interface SetResult {
  readonly set: EvalSet;
  readonly runs: readonly SourceRun[];
  readonly labels: readonly LabelRow[];
  readonly judged: readonly Judged[];
  readonly statuses: readonly SourceStatus[];
}

async function runSet(set: EvalSet, labels: readonly LabelRow[], sources: readonly EvalSource[], sample: number): Promise<SetResult> {
  const runs: SourceRun[] = [];
  const judged: Judged[] = [];
  const statuses: SourceStatus[] = [];
  for (const src of sources) {
    const run = await runSource(src, sample);
    runs.push(run);
    const own = labelsForSource(labels, src, set.sources);
    const joined = run.ok ? joinLabels(set.name, own, run.predictions) : { judged: [], unlabelled: [] };
    judged.push(...joined.judged);
    statuses.push({
      set: set.name,
      display: run.display,
      ok: run.ok,
      ms: run.ms,
      labelled: own.length,
      missing: joined.judged.filter((j) => j.missing).length,
      unlabelled: joined.unlabelled.length,
      errors: run.errors,
    });
  }
  return { set, runs, labels, judged, statuses };
}

async function main(): Promise<number> {
  let args: Args;
  try {
    args = parse(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n${USAGE}\n`);
    return 64;
  }
  const started = Date.now();
  const engineOk = (s: EvalSource): boolean => args.engine === undefined || s.engine === args.engine;

  if (args.load) {
    // The fixture sets are generated (fixed seeds), not committed: make them before measuring.
    for (const generator of FIXTURE_GENERATORS) {
      process.stderr.write(`eval: generating ${generator} …\n`);
      const r = spawnSync(process.execPath, ['--import', 'tsx', resolve(REPO_ROOT, generator)], { cwd: REPO_ROOT, stdio: ['ignore', 2, 2] });
      if (r.status !== 0) process.stderr.write(`eval: ${generator} failed (exit ${r.status ?? r.signal}); its sets may be missing\n`);
    }
  }
  let fixtureSets: EvalSet[] = [];
  for (const manifest of MANIFESTS) {
    try {
      fixtureSets.push(...loadManifest(manifest));
    } catch (err) {
      process.stderr.write(`eval: ${manifest} is invalid, its sets skipped: ${err instanceof Error ? err.message : String(err)}\n`);
    }
  }
  fixtureSets = fixtureSets.filter((s, i) => fixtureSets.findIndex((t) => t.name === s.name) === i);
  let sets: EvalSet[] = [devSet(() => undefined), ...fixtureSets];
  if (args.set !== undefined) {
    sets = sets.filter((s) => s.name === args.set);
    if (sets.length === 0) {
      process.stderr.write(`eval: no set named "${args.set}" (known: dev${fixtureSets.map((s) => `, ${s.name}`).join('')})\n`);
      return 64;
    }
  }

  const { VERSION } = await import('../src/version.js');
  const log = (m: string): void => void process.stderr.write(`${m}\n`);
  if (args.load && sets.some((s) => s.name === 'dev')) {
    const dev = sets.find((s) => s.name === 'dev');
    const engines = new Set((dev?.sources ?? []).filter(engineOk).map((s) => s.engine));
    log(`eval: loading the dev datasets (${[...engines].join(', ')}) …`);
    await loadDev(engines);
  }

  const results: SetResult[] = [];
  for (const set of sets) {
    let labels: LabelRow[];
    try {
      labels = loadLabels(set.labels);
    } catch (err) {
      log(`eval: set ${set.name}: cannot read labels: ${err instanceof Error ? err.message : String(err)}`);
      results.push({ set, runs: [], labels: [], judged: [], statuses: [{ set: set.name, display: set.labels, ok: false, ms: 0, labelled: 0, missing: 0, unlabelled: 0, errors: [{ code: 'not-found', message: 'cannot read labels' }] }] });
      continue;
    }
    log(`eval: scanning set ${set.name} …`);
    results.push(await runSet(set, labels, set.sources.filter(engineOk), args.sample));
  }

  const allJudged = results.flatMap((r) => r.judged);
  const order = [...BUILTIN_ORDER, ...new Set(allJudged.map((j) => j.label).filter(isPersonalLabel))];
  const overall = computeMetrics(allJudged, order);
  const engines = [...new Set(allJudged.map((j) => j.engine))];
  const statuses = results.flatMap((r) => r.statuses);

  let peers: PeerResult[] | undefined;
  let peerMappings: Report['peerMappings'];
  if (args.peers) {
    const peerSources = results.flatMap((r) => r.runs.filter((x) => x.ok).map((x) => ({ set: r.set.name, source: x.source, labels: labelsForSource(r.labels, x.source, r.set.sources) })));
    try {
      const { runPeers, PEER_MAPPINGS } = await import('./eval/peers.js');
      peers = await runPeers(peerSources, args.sample, order, log);
      peerMappings = PEER_MAPPINGS;
    } catch (err) {
      // Like a scan, the peers import pdmap's connectors, which may be mid-change.
      const reason = `peers not measured: ${err instanceof Error ? (err.message.split('\n')[0] ?? '') : String(err)}`;
      log(`eval: ${reason}`);
      peers = [{ name: 'peers', version: '?', skipped: reason }];
    }
  }

  const report: Report = {
    date: new Date().toISOString().slice(0, 10),
    version: VERSION,
    sampleSize: args.sample,
    ms: Date.now() - started,
    sets: results.map((r) => ({ name: r.set.name, description: r.set.description, metrics: computeMetrics(r.judged, order) })),
    perEngine: engines.map((engine) => ({ engine, metrics: computeMetrics(allJudged.filter((j) => j.engine === engine), order) })),
    overall,
    judged: allJudged,
    sources: statuses,
    failures: checkTargets(overall),
    ...(peers ? { peers } : {}),
    ...(peerMappings ? { peerMappings } : {}),
  };

  if (args.json) process.stdout.write(`${JSON.stringify(toJson(report), null, 2)}\n`);
  else process.stdout.write(`${renderText(report)}\n`);

  // Only a full run describes pdmap's accuracy; a filtered run would overwrite it with a part.
  if (args.docs && args.set === undefined && args.engine === undefined) {
    writeFileSync(DOCS, renderMarkdown(report));
    log(`eval: wrote ${DOCS}`);
  }
  const failedSources = statuses.filter((s) => !s.ok);
  if (failedSources.length > 0) {
    log(`eval: ${failedSources.length} source(s) could not be scanned and were left out: ${failedSources.map((s) => `${s.set}/${s.display}`).join(', ')}`);
    if (!args.load) log(`eval: with --no-load the data must already be loaded (${datasetsDir()}/load.sh ${SQLITE_DIR})`);
    return 2;
  }
  return report.failures.length > 0 ? 1 : 0;
}

function toJson(r: Report): unknown {
  const metrics = (m: Metrics): unknown => ({ ...m, confusions: m.confusions.map((c) => ({ label: c.label, predicted: c.predicted, count: c.count, columns: c.columns })) });
  return {
    date: r.date,
    version: r.version,
    sampleSize: r.sampleSize,
    ms: r.ms,
    sources: r.sources,
    overall: metrics(r.overall),
    sets: r.sets.map((s) => ({ name: s.name, description: s.description, metrics: metrics(s.metrics) })),
    perEngine: r.perEngine.map((e) => ({ engine: e.engine, metrics: metrics(e.metrics) })),
    targets: { met: r.failures.length === 0, failures: r.failures },
    misclassified: r.judged.filter((j) => (isPersonalLabel(j.label) ? j.label : 'NONE') !== (isPersonalLabel(j.predicted) ? j.predicted : 'NONE')),
    ...(r.peers ? { peers: r.peers.map((p) => ({ name: p.name, version: p.version, ...(p.skipped ? { skipped: p.skipped } : {}), ...(p.overall ? { overall: metrics(p.overall) } : {}) })) } : {}),
  };
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`eval failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 2;
  },
);
