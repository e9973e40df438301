import type { Judged } from './metrics.js';
import type { PeerResult } from './render.js';
import type { EvalSource } from './sets.js';

/** Peer PII libraries measured on the same sampled values (filled in below). */
export async function runPeers(
  _sources: readonly { set: string; source: EvalSource }[],
  _judged: readonly Judged[],
  _sample: number,
  _order: readonly string[],
  _log: (m: string) => void,
): Promise<PeerResult[]> {
  return [];
}
