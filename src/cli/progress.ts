import { SingleBar } from 'cli-progress';
import type { ScanEvent } from '../scan.js';

/**
 * How a scan reports progress: a bar with containers done/total and ETA on a terminal; one
 * plain line per container when not a terminal or under CI=true; JSON lines with --json;
 * nothing with --quiet. Lines carry names and counts, never values.
 */
export interface ProgressSink {
  event(e: ScanEvent): void;
  stop(): void;
}

export type ProgressMode = 'bar' | 'lines' | 'json' | 'quiet';

export function chooseProgressMode(o: { quiet?: boolean; json?: boolean; isTTY: boolean; ci: boolean }): ProgressMode {
  if (o.json) return 'json';
  if (o.quiet) return 'quiet';
  return o.isTTY && !o.ci ? 'bar' : 'lines';
}

export function progressSink(mode: ProgressMode, write: (s: string) => void): ProgressSink {
  switch (mode) {
    case 'quiet':
      return {
        event: (e) => {
          if (e.type === 'error') write(`error: ${e.error.source}${e.error.container ? ` ${e.error.container}` : ''}: ${e.error.message}\n`);
        },
        stop: () => undefined,
      };
    case 'json':
      return { event: (e) => write(`${JSON.stringify(jsonLog(e))}\n`), stop: () => undefined };
    case 'lines':
      return { event: (e) => write(lineLog(e)), stop: () => undefined };
    case 'bar':
      return barSink();
  }
}

function jsonLog(e: ScanEvent): Record<string, unknown> {
  const time = new Date().toISOString();
  switch (e.type) {
    case 'source':
      return { time, level: 'info', event: 'source', source: e.source.name, kind: e.source.kind, target: e.source.target, containers: e.source.containers, status: e.source.status };
    case 'container':
      return { time, level: 'info', event: 'container', source: e.container.source, container: e.container.id, status: e.container.status, rowsSampled: e.container.rowsSampled, fields: e.container.fields, personalFields: e.container.personalFields };
    case 'field':
      return { time, level: 'debug', event: 'field', source: e.field.location.source, container: e.field.location.container, field: e.field.location.field, category: e.field.category ?? null, confidence: e.field.confidence };
    case 'error':
      return { time, level: 'error', event: 'error', source: e.error.source, container: e.error.container ?? null, code: e.error.code, message: e.error.message };
  }
}

function lineLog(e: ScanEvent): string {
  switch (e.type) {
    case 'source':
      return `source ${e.source.name}: ${e.source.containers} tables/files to scan\n`;
    case 'container':
      return `${e.container.status} ${e.container.source} ${e.container.id}: ${e.container.personalFields} personal of ${e.container.fields} fields, ${e.container.rowsSampled} rows sampled\n`;
    case 'error':
      return `error ${e.error.source}${e.error.container ? ` ${e.error.container}` : ''} [${e.error.code}]: ${e.error.message}\n`;
    case 'field':
      return '';
  }
}

function barSink(): ProgressSink {
  const bar = new SingleBar({
    format: ' {bar} {value}/{total} tables/files | ETA {eta_formatted} | {current}',
    hideCursor: true,
    clearOnComplete: true,
    stream: process.stderr,
  });
  let total = 0;
  let done = 0;
  let started = false;
  const errors: string[] = [];
  return {
    event(e) {
      if (e.type === 'source') {
        total += e.source.containers;
        if (!started) {
          bar.start(Math.max(total, 1), 0, { current: e.source.name });
          started = true;
        } else bar.setTotal(Math.max(total, 1));
      } else if (e.type === 'container') {
        done++;
        bar.update(done, { current: `${e.container.source} ${e.container.id}`.slice(0, 60) });
      } else if (e.type === 'error') {
        errors.push(`error ${e.error.source}${e.error.container ? ` ${e.error.container}` : ''} [${e.error.code}]: ${e.error.message}\n`);
      }
    },
    stop() {
      if (started) bar.stop();
      // Errors are printed after the bar so they are not overwritten by it.
      for (const line of errors) process.stderr.write(line);
    },
  };
}
