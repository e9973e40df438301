#!/usr/bin/env node
import { Command, InvalidArgumentError } from 'commander';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describeError } from '../errors.js';
import { FORMATS } from '../reporters/index.js';
import { VERSION } from '../version.js';
import { EXIT } from './exit-codes.js';
import { runInit } from './init-command.js';
import { REPORT_FORMATS, runReport } from './report-command.js';
import { runMerge, runScan, type ScanCliOptions } from './scan-command.js';

export { EXIT } from './exit-codes.js';

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTTY: boolean;
  exitCode: number;
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
const parseShard = (v: string): { index: number; count: number } => {
  const m = /^(\d{1,4})\/(\d{1,4})$/.exec(v.trim());
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index < 1 || index > count) throw new InvalidArgumentError('expected k/n with 1 ≤ k ≤ n, e.g. 2/8');
  return { index, count };
};

function addScanOptions(cmd: Command): Command {
  return cmd
    .option('-c, --config <file>', 'config file (default: pdmap.config.{ts,mjs,js,json,yaml} in the current folder)')
    .option('-p, --policy <file>', 'policy file: purposes, retention, links (default: the config\'s, else the built-in policy)')
    .option('-o, --out <dir>', 'folder for the reports (default pdmap-report)')
    .option('-f, --format <list>', `report formats, comma-separated (${FORMATS.join(', ')}; default json)`)
    .option('-s, --sample <n>', 'non-empty values sampled per field (default 1000)', positiveInt)
    .option('--full', 'read every row of every table and file (slow on large stores)')
    .option('--include <glob>', 'only containers matching (schema.table, path/**); repeatable', collect)
    .option('--exclude <glob>', 'skip containers matching; repeatable', collect)
    .option('--exclude-field <glob>', 'skip fields matching schema.table.column; repeatable', collect)
    .option('--country <code>', 'default country for national phone/postal formats (default DK)')
    .option('--min-confidence <x>', 'report categories at or above this confidence (default 0.5)', unitFraction)
    .option('--concurrency <n>', 'containers sampled at once per source (default 2)', positiveInt)
    .option('--statement-timeout <ms>', 'per-query time limit on database servers (default 30000)', positiveInt)
    .option('--views', 'scan views too (default: base tables only)')
    .option('--baseline <file>', 'a previous inventory.json: report what changed since')
    .option('--fail-on <rules>', 'exit 1 when these match: new-pii, unlinked, plaintext-password, retention-overdue, scan-error, undeclared-category, marketing-without-consent, any-pii', collect)
    .option('--no-cache', 'sample every container, even unchanged ones')
    .option('--shard <k/n>', 'scan only share k of n (for n parallel CI jobs; join them with pdmap merge)', parseShard)
    .option('--unsafe-show-values', 'put UNMASKED example values in the reports (never in CI)')
    .option('--json', 'structured JSON log lines on stderr instead of progress')
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
        'scan sources for personal data and write the reports\n\n' +
          'Sources: postgres://user@host:5432/db, mysql://user@host/db (or mariadb://), sqlite:path/app.db, ' +
          'a folder, file or glob of CSV/TSV/JSON/NDJSON/log files. Without sources, the config file\'s.\n\n' +
          'Exit codes: 0 clean; 1 a --fail-on rule matched; 2 a source, table or file could not be read ' +
          'or the scan was interrupted (the partial report is still written); 64 wrong usage.',
      )
      .argument('[sources...]', 'databases (URLs) and folders to scan'),
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
      if (!opts.quiet && !opts.json) io.stdout(`Demo data: ${demo.sqlitePath} and ${demo.filesDir}\n`);
      io.exitCode = await runScan([`sqlite:${demo.sqlitePath}`, demo.filesDir], { ...opts, format: opts.format ?? FORMATS.join(',') }, io);
    });

  program
    .command('merge')
    .description('join the inventory.json files of a sharded scan (--shard k/n) into one inventory and its reports')
    .argument('<inventories...>', 'inventory.json of every shard')
    .option('-p, --policy <file>', 'policy file for the record (default: the built-in policy)')
    .option('-o, --out <dir>', 'folder for the reports', 'pdmap-report')
    .option('-f, --format <list>', `report formats, comma-separated (${FORMATS.join(', ')})`, 'json')
    .option('-q, --quiet', 'print nothing but errors')
    .action(async (files: string[], opts: { out: string; format: string; policy?: string; quiet?: boolean }) => {
      io.exitCode = await runMerge(files, opts, io);
    });

  program
    .command('report')
    .description('build the record of processing and its reports from an earlier inventory.json, with a (new) policy, without scanning again')
    .argument('<inventory>', 'inventory.json of an earlier scan')
    .option('-p, --policy <file>', 'policy file (default: the config\'s, else the built-in policy)')
    .option('-c, --config <file>', 'config file, for its policy')
    .option('-o, --out <dir>', 'folder for the reports', 'pdmap-report')
    .option('-f, --format <list>', `report formats, comma-separated (${FORMATS.join(', ')}; default ${REPORT_FORMATS.join(',')})`)
    .option('-q, --quiet', 'print nothing but errors')
    .action(async (inventory: string, opts: { policy?: string; config?: string; out: string; format?: string; quiet?: boolean }) => {
      io.exitCode = await runReport(inventory, opts, io);
    });

  program
    .command('init')
    .description('write pdmap.config.yaml and pdmap.policy.yaml (a copy of the built-in policy to edit) in a folder')
    .argument('[dir]', 'folder (default: the current one)')
    .option('--force', 'overwrite existing files')
    .option('-q, --quiet', 'print nothing but errors')
    .action(async (dir: string | undefined, opts: { force?: boolean; quiet?: boolean }) => {
      io.exitCode = await runInit(dir, opts, io);
    });

  return program;
}

type DemoModule = { generateDemo: (dir: string) => Promise<{ sqlitePath: string; filesDir: string }> };

async function loadDemo(): Promise<DemoModule> {
  try {
    // The demo generator lives in fixtures/ of the repository (it needs the dev dependency faker).
    const url = new URL('../../fixtures/demo/generate.ts', import.meta.url).href;
    return (await import(url)) as DemoModule;
  } catch (err) {
    throw new Error(`The demo needs a clone of the pdmap repository with dev dependencies (npm ci): ${describeError(err).message}`, { cause: err });
  }
}

/** Runs the CLI; returns the exit code instead of exiting, so tests can call it in-process. */
export async function run(argv: readonly string[], io: Partial<CliIO> = {}): Promise<number> {
  const cli: CliIO = {
    stdout: io.stdout ?? ((s) => process.stdout.write(s)),
    stderr: io.stderr ?? ((s) => process.stderr.write(s)),
    isTTY: io.isTTY ?? process.stderr.isTTY === true,
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
