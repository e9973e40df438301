import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import { PdmapError } from '../errors.js';
import { PolicySchema, type Policy } from './schema.js';

/**
 * Where the default policy lives. Running from source it sits beside this module; in the built
 * package (dist/src/policy) it is read from the package's src/policy folder.
 */
const SEED_CANDIDATES = [new URL('./seed-policy.yaml', import.meta.url), new URL('../../../src/policy/seed-policy.yaml', import.meta.url)];

/** The default policy's YAML text, comments included (what `pdmap init` copies). */
export function seedPolicyText(): string {
  for (const url of SEED_CANDIDATES) {
    try {
      return readFileSync(fileURLToPath(url), 'utf8');
    } catch {
      // try the next place
    }
  }
  throw new PdmapError('not-found', 'The default policy (seed-policy.yaml) is missing from the pdmap installation', 'reinstall pdmap or pass --policy <file>');
}

let seed: Policy | undefined;

/** The default policy, written from the company's privacy policy. */
export function seedPolicy(): Policy {
  seed ??= parsePolicy(seedPolicyText(), 'seed-policy.yaml');
  return seed;
}

/** Parses and validates a policy from YAML or JSON text. Errors name the file, the path and the fix. */
export function parsePolicy(text: string, fileName = 'policy'): Policy {
  let data: unknown;
  try {
    data = parse(text, { prettyErrors: true });
  } catch (err) {
    const msg = err instanceof Error ? err.message.split('\n')[0] : String(err);
    throw new PdmapError('parse', `${fileName} is not valid YAML: ${msg}`, 'fix the syntax (YAML or JSON)', { cause: err });
  }
  const result = PolicySchema.safeParse(data);
  if (!result.success) {
    throw new PdmapError('parse', `${fileName} does not match the policy schema:\n${z.prettifyError(result.error)}`, 'see docs/policy.md');
  }
  return result.data;
}

/** Loads a policy file, or the default policy when no path is given. */
export async function loadPolicy(path?: string): Promise<Policy> {
  if (path === undefined) return seedPolicy();
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new PdmapError('not-found', `Cannot read the policy file ${path}`, 'check the path, or run `pdmap init` to create pdmap.policy.yaml', { cause: err });
  }
  return parsePolicy(text, path);
}
