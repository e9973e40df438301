import type { FailOnResult } from '../fail-on.js';
import type { GapRef } from '../diff.js';
import type { Inventory } from '../types.js';

/**
 * JUnit XML: one test case per policy check, so CI systems show pdmap's checks beside the
 * project's own tests. A check fails when it has findings that no allow-list entry covers.
 */
export interface PolicyCheck {
  readonly id: string;
  readonly name: string;
  /** Findings as `key: message` lines; locations only, never values. */
  readonly problems: readonly string[];
  readonly failing: boolean;
}

export function policyChecks(inventory: Inventory, result?: FailOnResult, gaps: readonly GapRef[] = []): PolicyCheck[] {
  const checks: PolicyCheck[] = [];
  checks.push({
    id: 'scan',
    name: 'every source, table and file could be read',
    problems: inventory.errors.map((e) => `${e.source}${e.container ? ` ${e.container}` : ''}: [${e.code}] ${e.message}`),
    failing: inventory.errors.length > 0 || inventory.partial,
  });
  const kinds = [...new Set(gaps.map((g) => g.kind))].sort();
  const failingRules = new Set<string>(result?.failing.map((f) => f.rule));
  for (const kind of kinds) {
    const problems = gaps.filter((g) => g.kind === kind).map((g) => `${g.key}${g.message ? `: ${g.message}` : ''}`);
    checks.push({ id: `gap/${kind}`, name: `policy gap: ${kind}`, problems, failing: failingRules.has(kind) });
  }
  for (const rule of new Set(result?.failing.map((f) => f.rule) ?? [])) {
    if (kinds.includes(rule)) continue;
    const problems = (result?.failing ?? []).filter((f) => f.rule === rule).map((f) => `${f.key}: ${f.message}`);
    checks.push({ id: `fail-on/${rule}`, name: `fail-on: ${rule}`, problems, failing: true });
  }
  return checks;
}

export function renderJunit(inventory: Inventory, checks: readonly PolicyCheck[]): string {
  const failures = checks.filter((c) => c.failing).length;
  const seconds = Math.max(0, (Date.parse(inventory.finishedAt) - Date.parse(inventory.startedAt)) / 1000);
  const cases = checks.map((c) => {
    const head = `    <testcase classname="pdmap.policy" name="${xml(c.name)}" time="0">`;
    if (c.failing) {
      return `${head}\n      <failure message="${xml(`${c.problems.length} finding(s)`)}" type="${xml(c.id)}">${xml(c.problems.join('\n'))}</failure>\n    </testcase>`;
    }
    const out = c.problems.length ? `\n      <system-out>${xml(c.problems.join('\n'))}</system-out>\n    ` : '';
    return `${head}${out}</testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="pdmap" tests="${checks.length}" failures="${failures}" time="${seconds.toFixed(3)}">`,
    `  <testsuite name="pdmap policy checks" tests="${checks.length}" failures="${failures}" errors="0" skipped="0" time="${seconds.toFixed(3)}" timestamp="${xml(inventory.startedAt)}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

/** Escapes text for XML, dropping characters XML 1.0 cannot carry at all. */
function xml(s: string): string {
  return s
    // eslint-disable-next-line no-control-regex -- removing the control characters XML forbids is the point
    .replace(/[\u0000-\u0008\v\f\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
