import type { Cleanup } from './common.js';

/** What every bench part gets. */
export interface BenchContext {
  /** Small sizes: the whole bench in well under a minute. */
  readonly quick: boolean;
  /** Runs of each timed pair; the fastest is kept. */
  readonly reps: number;
  readonly cleanup: Cleanup;
}
