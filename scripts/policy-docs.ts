/** Writes docs/policy.md from the policy schema: `npx tsx scripts/policy-docs.ts`. */
import { writeFileSync } from 'node:fs';
import { renderPolicyDocs } from '../src/policy/docs.js';

writeFileSync(new URL('../docs/policy.md', import.meta.url), renderPolicyDocs());
