import { rmSync } from 'node:fs';
import path from 'node:path';
import { MB, benchDir, progress, runChild, type ChildReport, type Figure } from './common.js';
import type { BenchContext } from './context.js';
import { writeFileSet } from './files-data.js';

/**
 * Files: full-scan mode (`full: true`, every record read, a reservoir sample per field for the
 * detectors) over CSV, NDJSON and a log, in MB per CPU-second of the scanning process (MB/s per
 * core), beside a raw read (`fs.createReadStream` drained) of the same files.
 */
export async function benchFiles(ctx: BenchContext): Promise<Figure[]> {
  const total = ctx.quick ? 30 * MB : 1024 * MB;
  const dir = benchDir('files');
  ctx.cleanup.add(`files ${dir}`, () => rmSync(dir, { recursive: true, force: true }));
  progress(`files: writing ${(total / MB).toFixed(0)} MB (CSV 40 %, NDJSON 40 %, log 20 %)`);
  const set = writeFileSet(dir, total);
  const figures: Figure[] = [];
  let bytes = 0;
  let scanCpu = 0;
  let readCpu = 0;
  let scanMs = 0;
  let readMs = 0;
  let rss = 0;
  for (const file of set.files) {
    progress(`files: ${path.basename(file.path)} (${(file.bytes / MB).toFixed(0)} MB): raw read, then pdmap full scan`);
    let read: ChildReport | undefined;
    let scan: ChildReport | undefined;
    for (let i = 0; i < ctx.reps; i++) {
      const r = await runChild({ type: 'read', files: [file.path] });
      if (!read || r.cpuMs < read.cpuMs) read = r;
      const s = await runChild({ type: 'scan', sources: [file.path], full: true, warm: true });
      if (!scan || s.cpuMs < scan.cpuMs) scan = s;
    }
    if (!read || !scan) throw new Error('files: no runs');
    if (Array.isArray(scan.errors) && scan.errors.length > 0) throw new Error(`files: scan errors ${scan.errors.join(', ')}`);
    bytes += file.bytes;
    scanCpu += scan.cpuMs;
    readCpu += read.cpuMs;
    scanMs += scan.ms;
    readMs += read.ms;
    rss = Math.max(rss, scan.maxRssMb);
    figures.push(throughput(`full scan, ${path.basename(file.path)}`, file.bytes, scan, read, true));
  }
  figures.push({
    key: 'files.all',
    part: 'files',
    name: `full scan, all ${(bytes / MB).toFixed(0)} MB (CSV + NDJSON + log)`,
    value: bytes / MB / (scanCpu / 1000),
    unit: 'MB/s/core',
    floor: bytes / MB / (readCpu / 1000),
    target: { on: 'value', op: '>=', limit: 50 },
    note: `wall: pdmap ${(bytes / MB / (scanMs / 1000)).toFixed(0)} MB/s, raw read ${(bytes / MB / (readMs / 1000)).toFixed(0)} MB/s; peak RSS ${rss.toFixed(0)} MB`,
  });
  return figures;
}

function throughput(name: string, bytes: number, scan: ChildReport, read: ChildReport, withTarget: boolean): Figure {
  return {
    key: `files.${name.split('.').pop() ?? name}`,
    part: 'files',
    name,
    value: bytes / MB / (scan.cpuMs / 1000),
    unit: 'MB/s/core',
    floor: bytes / MB / (read.cpuMs / 1000),
    ...(withTarget ? { target: { on: 'value' as const, op: '>=' as const, limit: 50 } } : {}),
    note: `wall: pdmap ${(bytes / MB / (scan.ms / 1000)).toFixed(0)} MB/s, raw read ${(bytes / MB / (read.ms / 1000)).toFixed(0)} MB/s; peak RSS ${scan.maxRssMb.toFixed(0)} MB`,
  };
}
