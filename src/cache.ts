import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './reporters/write.js';
import type { Container, ContainerSummary, FieldVerdict } from './types.js';

/**
 * The incremental-scan cache: a container whose fingerprint (fields and types, row estimate,
 * size, modification time, and the store's change marker where it has one) is unchanged since
 * the last scan with the same settings is not sampled again; its verdicts are reused.
 */

export interface CachedContainer {
  readonly fingerprint: string;
  readonly summary: ContainerSummary;
  readonly fields: readonly FieldVerdict[];
}

/** What `scanStream` needs from a cache. Plain functions, so a test or a team can supply its own. */
export interface ScanCache {
  get(source: string, containerId: string): Promise<CachedContainer | undefined>;
  set(source: string, containerId: string, entry: CachedContainer): void;
  /** Writes what was set; called once at the end of a scan. */
  flush(): Promise<void>;
}

export function containerFingerprint(container: Container, settings: unknown): string {
  const h = createHash('sha256');
  h.update(
    JSON.stringify({
      settings,
      id: container.id,
      type: container.type,
      fields: container.fields.map((f) => [f.name, f.dataType ?? '']),
      rowEstimate: container.rowEstimate ?? null,
      sizeBytes: container.sizeBytes ?? null,
      modifiedAt: container.modifiedAt ?? null,
      changeMarker: container.meta?.['changeMarker'] ?? null,
    }),
  );
  return h.digest('hex');
}

/** A cache kept as one JSON file per source in `dir` (only verdicts, which hold masked evidence). */
export function fileCache(dir: string): ScanCache {
  const loaded = new Map<string, Map<string, CachedContainer>>();
  const dirty = new Set<string>();
  const fileOf = (source: string) => join(dir, `${createHash('sha256').update(source).digest('hex').slice(0, 16)}.json`);

  async function load(source: string): Promise<Map<string, CachedContainer>> {
    let m = loaded.get(source);
    if (m) return m;
    m = new Map();
    try {
      const data = JSON.parse(await readFile(fileOf(source), 'utf8')) as { source?: string; containers?: Record<string, CachedContainer> };
      if (data.source === source && data.containers) for (const [k, v] of Object.entries(data.containers)) m.set(k, v);
    } catch {
      // No cache yet, or an unreadable one: start empty; the scan simply samples everything.
    }
    loaded.set(source, m);
    return m;
  }

  return {
    async get(source, id) {
      return (await load(source)).get(id);
    },
    set(source, id, entry) {
      const m = loaded.get(source) ?? new Map<string, CachedContainer>();
      loaded.set(source, m);
      m.set(id, entry);
      dirty.add(source);
    },
    async flush() {
      if (dirty.size === 0) return;
      await mkdir(dir, { recursive: true });
      for (const source of dirty) {
        const m = loaded.get(source);
        if (!m) continue;
        await writeFileAtomic(fileOf(source), JSON.stringify({ source, containers: Object.fromEntries(m) }));
      }
      dirty.clear();
    },
  };
}
