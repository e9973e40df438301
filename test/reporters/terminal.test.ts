import { describe, expect, it } from 'vitest';
import type { Gap } from '../../src/policy/gaps.js';
import { renderGapsSummary } from '../../src/reporters/terminal.js';

function gap(overrides: Partial<Gap>): Gap {
  return {
    id: 'unlinked:crm.public.customers',
    kind: 'unlinked',
    severity: 'high',
    title: 'Personal data linked to no purpose',
    detail: '',
    rule: '',
    fix: '',
    count: 1,
    unit: 'fields',
    locations: [],
    purposes: [],
    categories: [],
    ...overrides,
  };
}

describe('renderGapsSummary', () => {
  it('names up to three places per gap, then counts the rest', () => {
    const locations = ['email', 'phone', 'name', 'street'].map((field) => ({
      key: `crm.public.customers.${field}`,
      source: 'crm',
      sourceKind: 'postgres' as const,
      container: 'public.customers',
      containerType: 'table' as const,
      field,
    }));
    const text = renderGapsSummary([gap({ locations, count: 4 })]);
    expect(text).toContain('[high] Personal data linked to no purpose: public.customers.email, public.customers.phone, public.customers.name +1 more');
  });

  it('names the purposes of a gap in the policy itself, and leaves no dangling colon', () => {
    const transfer = gap({ kind: 'invalid-transfer-safeguard', title: 'Transfer relies on the invalid EU/US Privacy Shield', purposes: [1, 4], unit: 'purposes' });
    const bare = gap({ kind: 'invalid-transfer-safeguard', title: 'Transfer relies on the invalid EU/US Privacy Shield' });
    const lines = renderGapsSummary([transfer, bare]).split('\n');
    expect(lines).toContain('  [high] Transfer relies on the invalid EU/US Privacy Shield: purpose 1, 4');
    expect(lines).toContain('  [high] Transfer relies on the invalid EU/US Privacy Shield');
    expect(lines.some((l) => l.endsWith(': '))).toBe(false);
  });

  it('leaves out informational gaps', () => {
    expect(renderGapsSummary([gap({ severity: 'info' })])).toContain('No gaps');
  });
});
