import picomatch from 'picomatch';
import { builtinDetectors } from '../detectors/index.js';
import { containerFingerprint, type ScanCache } from './cache.js';
import type { Connector } from './connectors/connector.js';
import { createConnector } from './connectors/index.js';
import { classifyField, type ContainerContext } from './engine/classify.js';
import { lookupsOfPeople } from './engine/lookups.js';
import { employmentContextFromNames, organisationOnlyFromNames, personContextFromNames } from './engine/context.js';
import { addRow, addRows, addValues, isSaturated, newContainerSample, rowTarget, type RowTarget, type SamplerOptions } from './engine/sampler.js';
import { describeError } from './errors.js';
import { parseSource, sourceDisplayName, sourceTarget, type SourceConfig } from './sources.js';
import type {
  Container,
  ContainerSummary,
  Detector,
  FieldVerdict,
  Inventory,
  Location,
  ScanError,
  SourceSummary,
} from './types.js';
import { VERSION } from './version.js';

export interface ScanOptions {
  /** URLs/paths (`postgres://…`, `sqlite:app.db`, `./exports`), source configs, or ready connectors. */
  readonly sources: readonly (string | SourceConfig | Connector)[];
  /** Non-empty values sampled per field (default 1000). */
  readonly sampleSize?: number;
  /** Read every row of every container. */
  readonly full?: boolean;
  /** Globs over container ids (`public.customer`, `exports/**\/*.csv`); prefix with `source:` to pin a source. */
  readonly include?: readonly string[];
  readonly exclude?: readonly string[];
  /** Globs over `container.field` (`public.customer.notes`). */
  readonly excludeFields?: readonly string[];
  /** Detectors to run (default: the built-in catalogue). Add yours with `[...builtinDetectors, mine]`. */
  readonly detectors?: readonly Detector[];
  /** Country for national phone and postal formats (default DK). */
  readonly defaultCountry?: string;
  /** Report categories at or above this confidence (default 0.5). */
  readonly minConfidence?: number;
  /** Containers sampled at once per source (default 2). */
  readonly concurrency?: number;
  /** Put unmasked examples in the evidence. Never on by default. */
  readonly revealValues?: boolean;
  /** Include views as containers (default false). */
  readonly views?: boolean;
  /**
   * Scan only a deterministic share of the containers: `{ index: 2, count: 8 }` takes the second of
   * eight shares. `mergeInventories` joins the shards' inventories into one.
   */
  readonly shard?: { readonly index: number; readonly count: number };
  /** Reuse verdicts of containers unchanged since the last scan (see `fileCache`). */
  readonly cache?: ScanCache;
  readonly signal?: AbortSignal;
}

export type ScanEvent =
  | { readonly type: 'source'; readonly source: SourceSummary }
  | { readonly type: 'container'; readonly container: ContainerSummary }
  | { readonly type: 'field'; readonly field: FieldVerdict }
  | { readonly type: 'error'; readonly error: ScanError };

const DEFAULTS = { sampleSize: 1000, minConfidence: 0.5, defaultCountry: 'DK', concurrency: 2 } as const;
/** Rows read per container when sampling: enough for sparse columns to show `sampleSize` values. */
const ROWS_PER_SAMPLE_FACTOR = 1;
const MAX_FIELDS_PER_CONTAINER = 2000;
const MAX_VALUE_LENGTH = 2000;

/**
 * Scans every source and yields events as they happen: a field verdict as soon as its container
 * is classified. One failing container or source becomes an `error` event; the scan goes on.
 */
export async function* scanStream(options: ScanOptions): AsyncGenerator<ScanEvent> {
  const detectors = options.detectors ?? builtinDetectors;
  const sampleSize = options.sampleSize ?? DEFAULTS.sampleSize;
  const sampler: SamplerOptions = { perField: sampleSize, maxFields: MAX_FIELDS_PER_CONTAINER, maxValueLength: MAX_VALUE_LENGTH, reservoir: options.full === true };
  const classify = {
    detectors,
    match: { defaultCountry: (options.defaultCountry ?? DEFAULTS.defaultCountry).toUpperCase() },
    minConfidence: options.minConfidence ?? DEFAULTS.minConfidence,
    revealValues: options.revealValues === true,
    maxExamples: 3,
  };
  const filter = containerFilter(options);

  for (const spec of options.sources) {
    if (options.signal?.aborted) return;
    let connector: Connector;
    try {
      connector = isConnector(spec) ? spec : createConnector(typeof spec === 'string' ? parseSource(spec) : spec);
    } catch (err) {
      const name = typeof spec === 'string' ? 'source' : isConnector(spec) ? spec.name : sourceDisplayName(spec);
      yield { type: 'error', error: { source: name, ...describeError(err) } };
      continue;
    }
    try {
      yield* scanSource(connector, options, filter, sampler, classify);
    } finally {
      await connector.close().catch(() => undefined);
    }
  }
  await options.cache?.flush();
}

async function* scanSource(
  connector: Connector,
  options: ScanOptions,
  filter: (sourceName: string, id: string) => boolean,
  sampler: SamplerOptions,
  classify: Parameters<typeof classifyField>[4],
): AsyncGenerator<ScanEvent> {
  const containers: Container[] = [];
  const discovered: Container[] = [];
  try {
    for await (const c of connector.discover({ ...(options.signal ? { signal: options.signal } : {}), views: options.views === true })) {
      discovered.push(c);
      if (filter(connector.name, c.id)) containers.push(c);
    }
  } catch (err) {
    const d = describeError(err);
    // Connection errors already name the target: say it once.
    const message = d.message.includes(connector.target) ? d.message : `Cannot read ${connector.target}: ${d.message}`;
    yield { type: 'error', error: { source: connector.name, sourceKind: connector.kind, code: d.code, message } };
    yield { type: 'source', source: { name: connector.name, kind: connector.kind, target: connector.target, containers: containers.length, status: 'error' } };
    return;
  }
  yield { type: 'source', source: { name: connector.name, kind: connector.kind, target: connector.target, containers: containers.length, status: 'scanned' } };

  // From all discovered tables, filtered or not: `customer` points at `address` even when only `address` is scanned.
  const lookups = lookupsOfPeople(discovered);
  const shard = options.shard;
  const mine = shard ? containers.filter((c) => shardOf(`${connector.name}\u0000${c.id}`, shard.count) === shard.index - 1) : containers;
  const excludeField = options.excludeFields?.length ? picomatch([...options.excludeFields], GLOB_OPTIONS) : undefined;
  const limit = options.full ? undefined : Math.max(1, (options.sampleSize ?? DEFAULTS.sampleSize) * ROWS_PER_SAMPLE_FACTOR);
  const cache = options.cache;
  const settingsKey = {
    version: VERSION,
    sample: limit ?? 'full',
    minConfidence: classify.minConfidence,
    country: classify.match.defaultCountry,
    detectors: classify.detectors.map((d) => d.id),
    excludeFields: options.excludeFields ?? [],
  };
  const run = async (container: Container): Promise<ScanEvent[]> => {
    const inheritedPersonContext = lookups.has(container.id);
    const fingerprint = cache ? containerFingerprint(container, { ...settingsKey, inheritedPersonContext }) : '';
    const hit = cache ? await cache.get(connector.name, container.id) : undefined;
    if (hit && hit.fingerprint === fingerprint) {
      return [...hit.fields.map((field): ScanEvent => ({ type: 'field', field })), { type: 'container', container: { ...hit.summary, status: 'cached' } }];
    }
    const events = await scanContainer(connector, container, { limit, sampler, classify, excludeField, inheritedPersonContext, ...(options.signal ? { signal: options.signal } : {}) });
    const summary = events.find((e) => e.type === 'container');
    if (cache && summary?.type === 'container' && summary.container.status === 'scanned') {
      const fields = events.flatMap((e) => (e.type === 'field' ? [e.field] : []));
      cache.set(connector.name, container.id, { fingerprint, summary: summary.container, fields });
    }
    return events;
  };

  // A small pool: at most `concurrency` containers in flight, results yielded in completion order.
  const concurrency = Math.max(1, options.concurrency ?? DEFAULTS.concurrency);
  const inFlight = new Map<number, Promise<{ key: number; events: ScanEvent[] }>>();
  let next = 0;
  while (next < mine.length || inFlight.size > 0) {
    while (inFlight.size < concurrency && next < mine.length && !options.signal?.aborted) {
      const key = next;
      const container = mine[next++] as Container;
      inFlight.set(key, run(container).then((events) => ({ key, events })));
    }
    if (inFlight.size === 0) break;
    const done = await Promise.race(inFlight.values());
    inFlight.delete(done.key);
    yield* done.events;
  }
}

interface ContainerScanOptions {
  readonly limit: number | undefined;
  readonly sampler: SamplerOptions;
  readonly classify: Parameters<typeof classifyField>[4];
  /** Undefined when no field is excluded: rows then go to the sampler untouched. */
  readonly excludeField: ((key: string) => boolean) | undefined;
  /** A person table refers to this one for part of its record (see `lookupsOfPeople`). */
  readonly inheritedPersonContext: boolean;
  readonly signal?: AbortSignal;
}

async function scanContainer(connector: Connector, container: Container, o: ContainerScanOptions): Promise<ScanEvent[]> {
  const excludeField = o.excludeField;
  const fieldNames = container.fields.map((f) => f.name).filter((f) => !excludeField?.(`${container.id}.${f}`));
  // Files learn their fields while they are read: remember each field's answer instead of
  // matching globs once per value.
  const excluded = excludeField ? memo((k: string) => excludeField(`${container.id}.${k}`)) : undefined;
  let sample = newContainerSample(fieldNames);
  const summaryBase = {
    source: connector.name,
    id: container.id,
    type: container.type,
    name: container.name,
    ...(container.database === undefined ? {} : { database: container.database }),
    ...(container.schema === undefined ? {} : { schema: container.schema }),
    ...(container.rowEstimate === undefined ? {} : { rowEstimate: container.rowEstimate }),
    ...(container.sizeBytes === undefined ? {} : { sizeBytes: container.sizeBytes }),
    ...(container.modifiedAt === undefined ? {} : { modifiedAt: container.modifiedAt }),
  };
  let failure: ScanError | undefined;
  const sampleOptions = {
    ...(o.limit === undefined ? {} : { limit: o.limit }),
    ...(o.signal ? { signal: o.signal } : {}),
    ...(fieldNames.length < container.fields.length ? { fields: fieldNames } : {}),
  };
  for (let attempt = 0; ; attempt++) {
    try {
      const limit = o.limit;
      const full = (): boolean => limit !== undefined && (sample.rows >= limit || isSaturated(sample, o.sampler));
      if (connector.sampleBatches) {
        // Databases: positional rows in batches, no object and no await per row (full scans).
        // A sample's key-range runs come a row at a time with the same field list: its target is
        // worked out once, not once per row.
        let targetFields: readonly string[] | undefined;
        let target: RowTarget | undefined;
        batches: for await (const batch of connector.sampleBatches(container, sampleOptions)) {
          if (batch.rows.length === 0) continue;
          if (!target || batch.fields !== targetFields) {
            target = rowTarget(sample, batch.fields, o.sampler, excluded);
            targetFields = batch.fields;
          }
          if (limit === undefined) {
            addRows(sample, target, batch.rows, o.sampler);
            continue;
          }
          for (const values of batch.rows) {
            addValues(sample, target, values, o.sampler);
            if (full()) break batches;
          }
        }
      } else {
        for await (const row of connector.sample(container, sampleOptions)) {
          addRow(sample, excluded ? filterRow(row, excluded) : row, o.sampler);
          // Files have no LIMIT clause: stop reading once the sample is full.
          if (full()) break;
        }
      }
      break;
    } catch (err) {
      const d = describeError(err);
      // A lost connection (killed session, failover, network drop) is worth another go on a fresh
      // one, from scratch so no row counts twice; permission, timeout and parse errors would only
      // fail again.
      const delay = d.code === 'connect' ? RETRY_DELAYS_MS[attempt] : undefined;
      if (delay !== undefined && (await backoff(delay, o.signal))) {
        sample = newContainerSample(fieldNames);
        continue;
      }
      const tries = attempt > 0 ? ` (${attempt + 1} attempts)` : '';
      failure = { source: connector.name, sourceKind: connector.kind, container: container.id, code: d.code, message: `${container.id}: ${d.message}${tries}` };
      break;
    }
  }
  if (failure && sample.rows === 0) {
    const summary: ContainerSummary = { ...summaryBase, rowsSampled: 0, fields: container.fields.length, personalFields: 0, status: 'error', personContext: false };
    return [{ type: 'error', error: failure }, { type: 'container', container: summary }];
  }

  const fields = [...sample.fields.keys()];
  const dataTypes = new Map(container.fields.map((f) => [f.name, f.dataType]));
  const employmentContext = employmentContextFromNames(container.name, fields);
  const classifyAll = (personContext: boolean): FieldVerdict[] => {
    const ctx: ContainerContext = { name: container.name, fieldNames: fields, personContext, employmentContext };
    return fields.map((field) => {
      const location: Location = {
        source: connector.name,
        sourceKind: connector.kind,
        ...(container.database === undefined ? {} : { database: container.database }),
        ...(container.schema === undefined ? {} : { schema: container.schema }),
        container: container.id,
        containerType: container.type,
        field,
      };
      const s = sample.fields.get(field) ?? { rows: 0, values: [], binaryHeads: [] };
      return classifyField(location, dataTypes.get(field), s, ctx, o.classify);
    });
  };
  let personContext = o.inheritedPersonContext || personContextFromNames(container.name, fields);
  const organisationOnly = !personContext && organisationOnlyFromNames(container.name, fields);
  let verdicts = classifyAll(personContext);
  if (organisationOnly) {
    // Rows about warehouses, shops or offices with no column meant for a person: their mailbox,
    // phone and address are the organisation's, not personal data (labelling rule 4).
    verdicts = verdicts.map(asNotPersonal);
  } else if (!personContext && verdicts.some(anchorsPerson)) {
    // Values proved the rows are about people (a column of e-mail addresses): names such as
    // `title` or `name` now mean a person's, so classify again with that context.
    personContext = true;
    verdicts = classifyAll(true);
  }
  const summary: ContainerSummary = {
    ...summaryBase,
    rowsSampled: sample.rows,
    fields: fields.length,
    personalFields: verdicts.filter((v) => v.personal).length,
    status: failure ? 'error' : 'scanned',
    personContext,
  };
  const events: ScanEvent[] = verdicts.map((field) => ({ type: 'field', field }));
  if (failure) events.push({ type: 'error', error: failure });
  events.push({ type: 'container', container: summary });
  return events;
}

/** Waits before each retry of a container whose connection was lost: at most two retries. */
const RETRY_DELAYS_MS: readonly number[] = [200, 800];

/** Resolves true after `ms`, or false at once when the scan is aborted meanwhile. */
function backoff(ms: number, signal: AbortSignal | undefined): Promise<boolean> {
  if (signal?.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const done = (ok: boolean): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      resolve(ok);
    };
    const onAbort = (): void => done(false);
    const timer = setTimeout(() => done(true), ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function asNotPersonal(v: FieldVerdict): FieldVerdict {
  const { category: _category, ...rest } = v;
  return { ...rest, categories: [], confidence: 0, personal: false };
}

/** Categories that only a record about a person carries. */
const PERSON_ANCHORS = new Set(['email', 'person.first_name', 'person.last_name', 'date_of_birth', 'national_id']);

function anchorsPerson(v: FieldVerdict): boolean {
  return v.category !== undefined && PERSON_ANCHORS.has(v.category) && v.confidence >= 0.8;
}

function filterRow(row: Record<string, unknown>, excluded: (field: string) => boolean): Record<string, unknown> {
  const keys = Object.keys(row);
  if (!keys.some(excluded)) return row;
  const out: Record<string, unknown> = {};
  // defineProperty: a field called `__proto__` stays an ordinary field.
  for (const k of keys) if (!excluded(k)) Object.defineProperty(out, k, { value: row[k], enumerable: true, writable: true, configurable: true });
  return out;
}

/** Remembers answers for up to 10,000 keys (JSON files can have unbounded key variety). */
function memo(fn: (key: string) => boolean): (key: string) => boolean {
  const known = new Map<string, boolean>();
  return (key) => {
    let answer = known.get(key);
    if (answer === undefined) {
      answer = fn(key);
      if (known.size < 10_000) known.set(key, answer);
    }
    return answer;
  };
}

/** Globs over container and field names. `s`: a name may hold a newline, and `*` must match it too. */
const GLOB_OPTIONS = { dot: true, flags: 's' };

function containerFilter(options: ScanOptions): (sourceName: string, id: string) => boolean {
  const inc = options.include?.length ? picomatch([...options.include], GLOB_OPTIONS) : undefined;
  const exc = options.exclude?.length ? picomatch([...options.exclude], GLOB_OPTIONS) : undefined;
  return (sourceName, id) => {
    const keys = [id, `${sourceName}:${id}`];
    if (inc && !keys.some((k) => inc(k))) return false;
    if (exc && keys.some((k) => exc(k))) return false;
    return true;
  };
}

/** FNV-1a over the container key: stable across runs, machines and Node versions. */
export function shardOf(key: string, count: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % count;
}

function isConnector(x: unknown): x is Connector {
  return typeof x === 'object' && x !== null && 'discover' in x && 'sample' in x;
}

/** Scans every source and returns the whole inventory. */
export async function scan(options: ScanOptions): Promise<Inventory> {
  const startedAt = new Date().toISOString();
  const sources: SourceSummary[] = [];
  const containers: ContainerSummary[] = [];
  const fields: FieldVerdict[] = [];
  const errors: ScanError[] = [];
  for await (const e of scanStream(options)) {
    if (e.type === 'source') sources.push(e.source);
    else if (e.type === 'container') containers.push(e.container);
    else if (e.type === 'field') fields.push(e.field);
    else errors.push(e.error);
  }
  return buildInventory(options, { startedAt, sources, containers, fields, errors, partial: options.signal?.aborted === true });
}

/** Assembles an inventory from collected events, in a stable order so two runs can be diffed. */
export function buildInventory(
  options: ScanOptions,
  parts: {
    startedAt: string;
    sources: SourceSummary[];
    containers: ContainerSummary[];
    fields: FieldVerdict[];
    errors: ScanError[];
    partial: boolean;
  },
): Inventory {
  const detectors = options.detectors ?? builtinDetectors;
  return {
    schemaVersion: '1.0',
    tool: { name: 'pdmap', version: VERSION },
    startedAt: parts.startedAt,
    finishedAt: new Date().toISOString(),
    partial: parts.partial,
    settings: {
      sampleSize: options.full ? 'full' : (options.sampleSize ?? DEFAULTS.sampleSize),
      minConfidence: options.minConfidence ?? DEFAULTS.minConfidence,
      defaultCountry: (options.defaultCountry ?? DEFAULTS.defaultCountry).toUpperCase(),
      detectors: detectors.map((d) => d.id),
      ...(options.shard ? { shard: `${options.shard.index}/${options.shard.count}` } : {}),
    },
    sources: parts.sources,
    ...inStableOrder(parts),
  };
}

const byKey =
  <T>(key: (x: T) => string) =>
  (a: T, b: T): number =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

/**
 * The order every inventory is written in, whatever order containers finished in, so that two
 * runs (or a run and its merged shards) compare equal. Sorting is stable: fields keep their
 * column order inside a container.
 */
export function inStableOrder(parts: {
  containers: readonly ContainerSummary[];
  fields: readonly FieldVerdict[];
  errors: readonly ScanError[];
}): { containers: ContainerSummary[]; fields: FieldVerdict[]; errors: ScanError[] } {
  return {
    containers: [...parts.containers].sort(byKey((c) => `${c.source}\u0000${c.id}`)),
    fields: [...parts.fields].sort(byKey((f) => `${f.location.source}\u0000${f.location.container}`)),
    errors: [...parts.errors].sort(byKey((e) => `${e.source}\u0000${e.container ?? ''}\u0000${e.message}`)),
  };
}

export { sourceDisplayName, sourceTarget };
