import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Container, Row } from '../../src/types.js';
import type { Connector, SampleOptions } from '../../src/connectors/connector.js';

/** A temporary folder for one test; `cleanup` removes it. */
export function tempTree(prefix = 'pdmap-files-'): { dir: string; write: (rel: string, content: string | Uint8Array) => string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    write(rel, content) {
      const file = join(dir, rel);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, content);
      return file;
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function discoverAll(connector: Connector): Promise<Container[]> {
  const out: Container[] = [];
  for await (const c of connector.discover()) out.push(c);
  return out;
}

export interface SampleResult {
  readonly rows: Row[];
  readonly error?: unknown;
}

/** Samples one container by id, keeping the rows read before an error and the error itself. */
export async function sampleById(connector: Connector, id: string, options: SampleOptions = {}): Promise<SampleResult> {
  const containers = await discoverAll(connector);
  const container = containers.find((c) => c.id === id);
  if (!container) throw new Error(`no container ${id} among ${containers.map((c) => c.id).join(', ')}`);
  return sampleContainer(connector, container, options);
}

export async function sampleContainer(connector: Connector, container: Container, options: SampleOptions = {}): Promise<SampleResult> {
  const rows: Row[] = [];
  try {
    for await (const row of connector.sample(container, options)) rows.push(row);
  } catch (error) {
    return { rows, error };
  }
  return { rows };
}

/** A container as a caller that did not run discover would build it. */
export function fileContainer(id: string): Container {
  return { id, type: 'file', name: id, fields: [] };
}

export function utf16le(text: string, bom = true): Buffer {
  const body = Buffer.from(text, 'utf16le');
  return bom ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : body;
}

export function utf16be(text: string, bom = true): Buffer {
  const le = Buffer.from(text, 'utf16le');
  const be = Buffer.alloc(le.length);
  for (let i = 0; i + 1 < le.length; i += 2) {
    be[i] = le[i + 1] ?? 0;
    be[i + 1] = le[i] ?? 0;
  }
  return bom ? Buffer.concat([Buffer.from([0xfe, 0xff]), be]) : be;
}

/** Open file descriptors of this process (Linux only), to prove streams are closed. */
export function openFds(): number | undefined {
  return process.platform === 'linux' ? readdirSync('/proc/self/fd').length : undefined;
}
