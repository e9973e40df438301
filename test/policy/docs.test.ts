import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderPolicyDocs } from '../../src/policy/docs.js';

describe('docs/policy.md', () => {
  it('is generated from the schema (run `npx tsx scripts/policy-docs.ts` after changing it)', () => {
    expect(readFileSync(new URL('../../docs/policy.md', import.meta.url), 'utf8')).toBe(renderPolicyDocs());
  });
});
