#!/usr/bin/env node
import { Command, InvalidArgumentError, Option } from 'commander';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describeError } from '../errors.js';
import { renderJson } from '../reporters/json.js';
import { renderSummary } from '../reporters/terminal.js';
import { writeFileAtomic } from '../reporters/write.js';
import { scanStream, buildInventory, type ScanOptions } from '../scan.js';
import type { ContainerSummary, FieldVerdict, ScanError, SourceSummary } from '../types.js';
import { VERSION } from '../version.js';

/** Exit codes, documented in docs/cli.md. */
export const EXIT = { ok: 0, findings: 1, scanFailed: 2, usage: 64 } as const;

interface ScanCliOptions {
  out: string;
  format: string;
  sample?: number;
  full?: boolean;
  include?: string[];
  exclude?: string[];
  excludeField?: string[];
  country: string;
  minConfidence: number;
  concurrency: number;
  views?: boolean;
  unsafeShowValues?: boolean;
  quiet?: boolean;
}

const positiveInt = (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number ≥ 1');
  return n;
};
const unitFraction = (v: string): number => {
  const n = Number(v);
  if (!(n >= 0 && n <= 1)) throw new InvalidArgumentError('expected a number from 0 to 1');
  return n;
};
const collect = (v: string, prev: string[] = []): string[] => [...prev, ...v.split(',').filter(Boolean)];

export const FORMATS = ['json'] as const;

function addScanOptions(cmd: Command): Command {
  return cmd
    .option('-o, --out <dir>', 'folder for the reports', 'pdmap-report')
    .option('-f, --format <list>', `report formats, comma-separated (${FORMATS.join(', ')})`, 'json')
    .option('-s, --sample <n>', 'non-empty values sampled per field (default 1000)', positiveInt)
    .option('--full', 'read every row of every table and file (slow on large stores)')
    .option('--include <glob>', 'only containers matching (schema.table, path/**); repeatable', collect)
    .option('--exclude <glob>', 'skip containers matching; repeatable', collect)
    .option('--exclude-field <glob>', 'skip fields matching schema.table.column; repeatable', collect)
    .option('--country <code>', 'default country for national phone/postal formats', 'DK')
    .option('--min-confidence <x>', 'report categories at or above this confidence', unitFraction, 0.5)
    .option('--concurrency <n>', 'containers sampled at once per source', positiveInt, 2)
    .option('--views', 'scan views too (default: base tables only)')
    .addOption(new Option('--unsafe-show-values', 'put UNMASKED example values in the reports (never in CI)').hideHelp(false))
    .option('-q, --quiet', 'print nothing but errors');
}

export function buildProgram(io: CliIO): Command {
  const program = new Command('pdmap')
    .description('Find where personal data lives and turn it into a record of processing.')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run pdmap --help for usage)');

  addScanOptions(
    program
      .command('scan')
      .description(
        'scan sources for personal data and write the inventory\n\n' +
          'Sources: postgres://user@host:5432/db, mysql://user@host/db (or mariadb://), sqlite:path/app.db,\n' +
          'a folder, file or glob of CSV/TSV/JSON/NDJSON/log files.\n\n' +
          'Exit codes: 0 scanned, 2 a source, table or file could not be read (the partial report is still written).',
      )
      .argument('<sources...>', 'databases (URLs) and folders to scan'),
  ).action(async (sources: string[], opts: ScanCliOptions) => {
    io.exitCode = await runScan(sources, opts, io);
  });

  addScanOptions(
    program
      .command('demo')
      .description('generate the embedded demo (a SQLite database and a folder of files, fixed seed) and scan it'),
  )
    .option('--data <dir>', 'where to generate the demo data', '.data/demo')
    .action(async (opts: ScanCliOptions & { data: string }) => {
      const { generateDemo } = await loadDemo();
      const demo = await generateDemo(resolve(opts.data));
      if (!opts.quiet) io.stdout(`Demo data: ${demo.sqlitePath} and ${demo.filesDir}\n`);
      io.exitCode = await runScan([`sqlite:${demo.sqlitePath}`, demo.filesDir], opts, io);
    });

  return program;
}

async function loadDemo(): Promise<{ generateDemo: (dir: string) => Promise<{ sqlitePath: string; filesDir: string }> }> {
  try {
    // The demo generator lives in fixtures/ of the repository (it needs the dev dependency faker).
    const url = new URL('../../fixtures/demo/generate.ts', import.meta.url).href;
    return (await import(url)) as { generateDemo: (dir: string) => Promise<{ sqlitePath: string; filesDir: string }> };
  } catch (err) {
    throw new Error(`The demo needs a clone of the pdmap repository with dev dependencies (npm ci): ${describeError(err).message}`, { cause: err });
  }
}

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTTY: boolean;
  exitCode: number;
}

async function runScan(sources: string[], opts: ScanCliOptions, io: CliIO): Promise<number> {
  const formats = opts.format.split(',').map((f) => f.trim()).filter(Boolean);
  const unknown = formats.filter((f) => !(FORMATS as readonly string[]).includes(f));
  if (unknown.length) {
    io.stderr(`pdmap: unknown format "${unknown.join(', ')}" — choose from ${FORMATS.join(', ')}\n`);
    return EXIT.usage;
  }
  const controller = new AbortController();
  const onSignal = () => controller.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const options: ScanOptions = {
    sources,
    ...(opts.sample === undefined ? {} : { sampleSize: opts.sample }),
    full: opts.full === true,
    ...(opts.include ? { include: opts.include } : {}),
    ...(opts.exclude ? { exclude: opts.exclude } : {}),
    ...(opts.excludeField ? { excludeFields: opts.excludeField } : {}),
    defaultCountry: opts.country,
    minConfidence: opts.minConfidence,
    concurrency: opts.concurrency,
    views: opts.views === true,
    revealValues: opts.unsafeShowValues === true,
    signal: controller.signal,
  };
  const startedAt = new Date().toISOString();
  const parts = { startedAt, sources: [] as SourceSummary[], containers: [] as ContainerSummary[], fields: [] as FieldVerdict[], errors: [] as ScanError[], partial: false };
  try {
    for await (const e of scanStream(options)) {
      if (e.type === 'source') parts.sources.push(e.source);
      else if (e.type === 'container') {
        parts.containers.push(e.container);
        if (!opts.quiet && !io.isTTY) io.stderr(`scanned ${e.container.source} ${e.container.id}: ${e.container.personalFields} personal fields\n`);
      } else if (e.type === 'field') parts.fields.push(e.field);
      else {
        parts.errors.push(e.error);
        io.stderr(`error: ${e.error.source}${e.error.container ? ` ${e.error.container}` : ''}: ${e.error.message}\n`);
      }
    }
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  parts.partial = controller.signal.aborted;
  const inventory = buildInventory(options, parts);
  const out = resolve(opts.out);
  for (const format of formats) {
    if (format === 'json') await writeFileAtomic(join(out, 'inventory.json'), renderJson(inventory));
  }
  if (!opts.quiet) {
    io.stdout(renderSummary(inventory, { color: io.isTTY }));
    io.stdout(`\nReports: ${formats.map((f) => join(opts.out, f === 'json' ? 'inventory.json' : `report.${f}`)).join(', ')}\n`);
  }
  return inventory.errors.length > 0 || inventory.partial ? EXIT.scanFailed : EXIT.ok;
}

/** Runs the CLI; returns the exit code instead of exiting, so tests can call it. */
export async function run(argv: readonly string[], io: Partial<CliIO> = {}): Promise<number> {
  const cli: CliIO = {
    stdout: io.stdout ?? ((s) => process.stdout.write(s)),
    stderr: io.stderr ?? ((s) => process.stderr.write(s)),
    isTTY: io.isTTY ?? process.stdout.isTTY === true,
    exitCode: 0,
  };
  const program = buildProgram(cli);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return cli.exitCode;
  } catch (err) {
    const e = err as { code?: string; exitCode?: number };
    if (typeof e.code === 'string' && e.code.startsWith('commander.')) {
      // --help and --version end here too, with exit code 0.
      return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    cli.stderr(`pdmap: ${describeError(err).message}\n`);
    return EXIT.scanFailed;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  run(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`pdmap: ${describeError(err).message}\n`);
      process.exitCode = EXIT.scanFailed;
    },
  );
}
