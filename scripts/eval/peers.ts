import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createConnector } from '../../src/connectors/index.js';
import { addRow, newContainerSample, type SamplerOptions } from '../../src/engine/sampler.js';
import { parseSource } from '../../src/sources.js';
import type { LabelRow } from './labels.js';
import { computeMetrics, joinLabels, type Judged, type Prediction } from './metrics.js';
import type { PeerResult } from './render.js';
import { predictionKey } from './run.js';
import type { EvalSource } from './sets.js';

/**
 * Peers: general-purpose JavaScript PII libraries that a user might pick instead of pdmap, run on
 * the same sampled values. They get values only (no column names), as a user would feed them.
 * A column is predicted category X when at least half of its non-empty sampled values are
 * detected as X. The values stay in memory: nothing here prints or stores them.
 */

/** What a peer says about one value: one of pdmap's categories, `other` (PII with no pdmap equivalent), or nothing. */
type ValueVerdict = string | undefined;
export const OTHER = 'other';

interface Peer {
  readonly name: string;
  /** Column-header name. */
  readonly short: string;
  readonly version: string;
  readonly detect: (value: string) => ValueVerdict;
}

/** Share of non-empty sampled values a category needs before the peer is said to predict it. */
export const PEER_COLUMN_SHARE = 0.5;

/** @openredaction/openredaction entity types → pdmap categories. Unlisted types are `other`. */
export function mapOpenRedactionType(type: string): string {
  const t = type.toUpperCase();
  if (t === 'EMAIL') return 'email';
  if (t.startsWith('PHONE')) return 'phone';
  if (t === 'NAME') return 'person.name';
  if (t === 'ADDRESS_STREET' || t === 'ADDRESS_PO_BOX') return 'address.street';
  if (t === 'ZIP_CODE_US' || t === 'POSTCODE_UK') return 'address.postal_code';
  if (t === 'DATE_OF_BIRTH') return 'date_of_birth';
  if (t === 'SALARY_AMOUNT') return 'hire_date_or_employment';
  if (t === 'CREDIT_CARD') return 'payment_card';
  if (t === 'IBAN' || t === 'UK_BANK_ACCOUNT_IBAN' || t === 'UK_SORT_CODE_ACCOUNT' || t.startsWith('BANK_ACCOUNT')) return 'bank_account';
  if (t === 'IPV4' || t === 'IPV6') return 'ip_address';
  if (t === 'USERNAME') return 'username';
  if (t === 'SSN' || t.endsWith('NATIONAL_ID') || t === 'NATIONAL_INSURANCE_UK' || t.startsWith('PASSPORT') || t.endsWith('_PASSPORT') || t.endsWith('_CPR')) {
    return 'national_id';
  }
  return OTHER;
}

/** @redactpii/node rule names → pdmap categories. */
const REDACTPII_RULES: readonly (readonly [rule: 'EMAIL' | 'CREDIT_CARD' | 'SSN' | 'PHONE' | 'NAME', category: string])[] = [
  ['EMAIL', 'email'],
  ['CREDIT_CARD', 'payment_card'],
  ['SSN', 'national_id'],
  ['PHONE', 'phone'],
  ['NAME', 'person.name'],
];

const require = createRequire(import.meta.url);
/** A package's version; its `exports` may hide package.json, so walk up from its entry file. */
function versionOf(pkg: string): string {
  try {
    let dir = dirname(require.resolve(pkg));
    for (let i = 0; i < 5; i++, dir = dirname(dir)) {
      const file = join(dir, 'package.json');
      if (!existsSync(file)) continue;
      const p: unknown = JSON.parse(readFileSync(file, 'utf8'));
      if (typeof p === 'object' && p !== null && (p as { name?: unknown }).name === pkg) {
        const v = (p as { version?: unknown }).version;
        return typeof v === 'string' ? v : '?';
      }
    }
  } catch {
    // fall through
  }
  return '?';
}

async function openRedaction(): Promise<Peer> {
  const { OpenRedaction } = await import('@openredaction/openredaction');
  const shield = new OpenRedaction();
  return {
    name: '@openredaction/openredaction',
    short: 'openredaction',
    version: versionOf('@openredaction/openredaction'),
    detect: (value) => {
      // The value's type is that of the detection covering most of it.
      let best: { type: string; span: number } | undefined;
      for (const d of shield.detect(value).detections) {
        const span = d.position[1] - d.position[0];
        if (!best || span > best.span) best = { type: d.type, span };
      }
      return best ? mapOpenRedactionType(best.type) : undefined;
    },
  };
}

async function redactPii(): Promise<Peer> {
  const { Redactor } = await import('@redactpii/node');
  const off = { CREDIT_CARD: false, EMAIL: false, NAME: false, PHONE: false, SSN: false };
  // One redactor per rule, so a hit tells which rule fired. No apiKey: nothing leaves the machine.
  const rules = REDACTPII_RULES.map(([rule, category]) => ({ category, redactor: new Redactor({ rules: { ...off, [rule]: true } }) }));
  return {
    name: '@redactpii/node',
    short: 'redactpii',
    version: versionOf('@redactpii/node'),
    detect: (value) => rules.find((r) => r.redactor.hasPII(value))?.category,
  };
}

const PEERS: readonly { readonly name: string; readonly short: string; readonly load: () => Promise<Peer> }[] = [
  { name: '@openredaction/openredaction', short: 'openredaction', load: openRedaction },
  { name: '@redactpii/node', short: 'redactpii', load: redactPii },
];

/** For the docs: how each peer's entity types become pdmap categories. */
export const PEER_MAPPINGS: readonly { readonly peer: string; readonly mapping: string }[] = [
  {
    peer: '@openredaction/openredaction',
    mapping:
      '`EMAIL` → email; `PHONE_*` → phone; `NAME` → person.name; `ADDRESS_STREET`, `ADDRESS_PO_BOX` → address.street; ' +
      '`ZIP_CODE_US`, `POSTCODE_UK` → address.postal_code; `DATE_OF_BIRTH` → date_of_birth; `SALARY_AMOUNT` → hire_date_or_employment; ' +
      '`CREDIT_CARD` → payment_card; `IBAN`, `BANK_ACCOUNT_*`, `UK_SORT_CODE_ACCOUNT` → bank_account; `IPV4`, `IPV6` → ip_address; ' +
      '`USERNAME` → username; `SSN`, `*_NATIONAL_ID`, `NATIONAL_INSURANCE_UK`, passports, `*_CPR` → national_id; every other type → `other`. ' +
      'A value takes the type of the detection that covers most of it.',
  },
  {
    peer: '@redactpii/node',
    mapping: 'rules `EMAIL` → email; `CREDIT_CARD` → payment_card; `SSN` → national_id; `PHONE` → phone; `NAME` → person.name (first rule that fires, in that order).',
  },
];

/** The category a peer gives a column from its values' verdicts. */
export function columnVerdict(verdicts: readonly ValueVerdict[]): string | undefined {
  if (verdicts.length === 0) return undefined;
  const counts = new Map<string, number>();
  for (const v of verdicts) if (v !== undefined) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: [string, number] | undefined;
  for (const e of counts) if (!best || e[1] > best[1]) best = e;
  return best && best[1] >= PEER_COLUMN_SHARE * verdicts.length ? best[0] : undefined;
}

export interface PeerSource {
  readonly set: string;
  readonly source: EvalSource;
  /** The labels of this source (see labelsForSource). */
  readonly labels: readonly LabelRow[];
}

/** Samples one source through pdmap's connector and sampler: the values pdmap's detectors see. */
async function sampleSource(src: EvalSource, perField: number): Promise<Map<string, { schema: string | undefined; container: string; field: string; values: string[] }>> {
  const sampler: SamplerOptions = { perField, maxFields: 2000, maxValueLength: 2000 };
  const connector = createConnector(parseSource(src.source));
  const out = new Map<string, { schema: string | undefined; container: string; field: string; values: string[] }>();
  try {
    for await (const container of connector.discover({ views: false })) {
      const sample = newContainerSample(container.fields.map((f) => f.name));
      try {
        for await (const row of connector.sample(container, { limit: perField })) {
          addRow(sample, row, sampler);
          if (sample.rows >= perField) break;
        }
      } catch {
        // A container that cannot be read is scored from what was read, like pdmap's scan does.
      }
      for (const [field, s] of sample.fields) {
        out.set(`${container.id}\u0000${field}`, { schema: container.schema, container: container.id, field, values: s.values });
      }
    }
  } finally {
    await connector.close().catch(() => undefined);
  }
  return out;
}

export async function runPeers(sources: readonly PeerSource[], sample: number, order: readonly string[], log: (m: string) => void): Promise<PeerResult[]> {
  const peers: (Peer | PeerResult)[] = [];
  for (const p of PEERS) {
    try {
      peers.push(await p.load());
    } catch (err) {
      peers.push({ name: p.name, short: p.short, version: '?', skipped: `cannot load it (${err instanceof Error ? (err.message.split('\n')[0] ?? '') : 'error'}); install the devDependencies` });
    }
  }
  const ready = peers.filter((p): p is Peer => 'detect' in p);
  const judged = new Map<Peer, Judged[]>(ready.map((p) => [p, []]));
  // The same value recurs across engines and rows: detect each distinct value once per peer.
  const caches = new Map<Peer, Map<string, ValueVerdict>>(ready.map((p) => [p, new Map()]));

  for (const s of sources) {
    log(`eval: peers: sampling ${s.set}/${s.source.engine}:${s.source.database} …`);
    let fields: Awaited<ReturnType<typeof sampleSource>>;
    try {
      fields = await sampleSource(s.source, sample);
    } catch (err) {
      log(`eval: peers: cannot sample ${s.source.engine}:${s.source.database}: ${err instanceof Error ? (err.message.split('\n')[0] ?? '') : 'error'}; left out`);
      continue;
    }
    for (const peer of ready) {
      const cache = caches.get(peer) ?? new Map<string, ValueVerdict>();
      const predictions: Prediction[] = [];
      for (const f of fields.values()) {
        const verdicts = f.values.map((v) => {
          if (!cache.has(v)) cache.set(v, safeDetect(peer, v));
          return cache.get(v);
        });
        const category = columnVerdict(verdicts);
        predictions.push({ ...predictionKey(s.source, f.schema, f.container, f.field), ...(category === undefined ? {} : { category }), confidence: category === undefined ? 0 : 1 });
      }
      judged.get(peer)?.push(...joinLabels(s.set, s.labels, predictions).judged);
    }
  }
  return peers.map((p) => ('detect' in p ? { name: p.name, short: p.short, version: p.version, overall: computeMetrics(judged.get(p) ?? [], order) } : p));
}

function safeDetect(peer: Peer, value: string): ValueVerdict {
  try {
    return peer.detect(value);
  } catch {
    return undefined;
  }
}
