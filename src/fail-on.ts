import picomatch from 'picomatch';
import type { AllowEntry, FailOnRule } from './config.js';
import { locationKey, type GapRef, type InventoryDiff } from './diff.js';
import type { Inventory } from './types.js';

/**
 * `--fail-on` rules: which findings make a CI run exit 1. Findings that an allow-list entry
 * covers (with a reason, until its expiry date) do not count; expired entries stop covering.
 */

export interface Finding {
  readonly rule: FailOnRule;
  /** `source/container/field`, or `source/container` for container-level findings. */
  readonly key: string;
  readonly message: string;
}

export interface FailOnResult {
  readonly failing: readonly Finding[];
  readonly allowed: readonly (Finding & { readonly reason: string; readonly expires: string })[];
  /** Allow-list entries past their expiry date, so the team renews or removes them. */
  readonly expiredEntries: readonly AllowEntry[];
  /** Rules that could not be checked (e.g. `new-pii` without a baseline). */
  readonly unchecked: readonly { readonly rule: FailOnRule; readonly why: string }[];
}

/** Gap kinds (from the record of processing) behind each gap-based rule. */
const GAP_RULES: Partial<Record<FailOnRule, readonly string[]>> = {
  unlinked: ['unlinked'],
  'retention-overdue': ['retention-overdue'],
  'undeclared-category': ['undeclared-category'],
  'marketing-without-consent': ['marketing-without-consent'],
  'plaintext-password': ['plaintext-password'],
};

export function evaluateFailOn(
  rules: readonly FailOnRule[],
  input: { inventory: Inventory; diff?: InventoryDiff; gaps?: readonly GapRef[] },
  allow: readonly AllowEntry[] = [],
  today: string = new Date().toISOString().slice(0, 10),
): FailOnResult {
  const findings: Finding[] = [];
  const unchecked: { rule: FailOnRule; why: string }[] = [];
  const { inventory, diff, gaps } = input;
  for (const rule of new Set(rules)) {
    switch (rule) {
      case 'new-pii':
        if (!diff) unchecked.push({ rule, why: 'no baseline to compare with (pass --baseline)' });
        else for (const a of diff.added) findings.push({ rule, key: a.key, message: `new personal data: ${a.category ?? ''}` });
        break;
      case 'any-pii':
        for (const f of inventory.fields) if (f.personal) findings.push({ rule, key: locationKey(f), message: `personal data: ${f.category ?? ''}` });
        break;
      case 'scan-error':
        for (const e of inventory.errors) findings.push({ rule, key: `${e.source}/${e.container ?? ''}`, message: e.message });
        break;
      case 'plaintext-password':
        // Known from the inventory alone; the record's gap (when present) says the same.
        for (const f of inventory.fields) {
          if (f.categories.some((c) => c.detector === 'password')) findings.push({ rule, key: locationKey(f), message: 'plaintext passwords' });
        }
        break;
      default: {
        const kinds = GAP_RULES[rule] ?? [];
        if (!gaps) unchecked.push({ rule, why: 'needs the record of processing (a policy)' });
        else for (const g of gaps) if (kinds.includes(g.kind)) findings.push({ rule, key: g.key, message: g.message ?? g.kind });
      }
    }
  }
  const live = allow.filter((a) => a.expires >= today);
  const expiredEntries = allow.filter((a) => a.expires < today);
  const matchers = live.map((a) => ({ entry: a, match: picomatch(a.location, { dot: true }) }));
  const failing: Finding[] = [];
  const allowed: (Finding & { reason: string; expires: string })[] = [];
  for (const f of dedupe(findings)) {
    const hit = matchers.find((m) => (m.entry.rule === '*' || m.entry.rule === f.rule) && m.match(f.key));
    if (hit) allowed.push({ ...f, reason: hit.entry.reason, expires: hit.entry.expires });
    else failing.push(f);
  }
  return { failing, allowed, expiredEntries, unchecked };
}

function dedupe(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const k = `${f.rule}\u0000${f.key}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
