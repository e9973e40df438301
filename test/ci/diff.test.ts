import { describe, expect, it } from 'vitest';
import { confidenceBand, diffInventories, renderDiffMarkdown } from '../../src/diff.js';
import { evaluateFailOn } from '../../src/fail-on.js';
import { field, inventory } from './fixtures.js';

describe('diffInventories', () => {
  const before = inventory([field('public.customer', 'email', 'email'), field('public.customer', 'phone', 'phone', 0.9), field('public.customer', 'id')]);

  it('names new, changed and removed personal-data locations', () => {
    const after = inventory([
      field('public.customer', 'email', 'email'),
      field('public.customer', 'phone', 'phone', 0.6),
      field('public.customer', 'id'),
      field('public.leads', 'mobile', 'phone'),
    ]);
    const d = diffInventories(before, after);
    expect(d.added.map((a) => a.key)).toEqual(['crm/public.leads/mobile']);
    expect(d.changed.map((c) => [c.key, c.before?.band, c.band])).toEqual([['crm/public.customer/phone', 'high', 'low']]);
    expect(d.removed).toEqual([]);
  });

  it('does not call fields of a failed container removed', () => {
    const after = inventory([field('public.customer', 'id')]);
    const failed = { ...after, containers: after.containers.map((c) => ({ ...c, status: 'error' as const })) };
    expect(diffInventories(before, failed).removed).toEqual([]);
    expect(diffInventories(before, after).removed.map((r) => r.key)).toEqual(['crm/public.customer/email', 'crm/public.customer/phone']);
  });

  it('ignores confidence moves inside a band', () => {
    expect(confidenceBand(0.91)).toBe(confidenceBand(0.99));
    const after = inventory([field('public.customer', 'email', 'email', 0.99), field('public.customer', 'phone', 'phone', 0.88), field('public.customer', 'id')]);
    expect(diffInventories(before, after).changed).toEqual([]);
  });

  it('renders Markdown with locations and no values', () => {
    const after = inventory([...before.fields, field('public.x', 'a|b', 'email')]);
    const md = renderDiffMarkdown(diffInventories(before, after));
    expect(md).toContain('### New personal-data locations (1)');
    expect(md).toContain('a\\|b');
    expect(md).not.toContain('j***');
  });
});

describe('evaluateFailOn', () => {
  const before = inventory([field('public.customer', 'email', 'email')]);
  const after = inventory([field('public.customer', 'email', 'email'), field('public.leads', 'mobile', 'phone')]);
  const diff = diffInventories(before, after);

  it('fails on new personal data', () => {
    const r = evaluateFailOn(['new-pii'], { inventory: after, diff });
    expect(r.failing.map((f) => f.key)).toEqual(['crm/public.leads/mobile']);
  });

  it('lets an unexpired allow-list entry cover a finding, and not an expired one', () => {
    const allow = [{ location: 'crm/public.leads/*', rule: 'new-pii' as const, reason: 'approved in DPIA-12', expires: '2099-12-31' }];
    const ok = evaluateFailOn(['new-pii'], { inventory: after, diff }, allow, '2026-11-29');
    expect(ok.failing).toEqual([]);
    expect(ok.allowed[0]?.reason).toBe('approved in DPIA-12');
    const expired = evaluateFailOn(['new-pii'], { inventory: after, diff }, [{ ...allow[0]!, expires: '2026-01-01' }], '2026-11-29');
    expect(expired.failing).toHaveLength(1);
    expect(expired.expiredEntries).toHaveLength(1);
  });

  it('says when a rule cannot be checked', () => {
    const r = evaluateFailOn(['new-pii', 'unlinked'], { inventory: after });
    expect(r.failing).toEqual([]);
    expect(r.unchecked.map((u) => u.rule)).toEqual(['new-pii', 'unlinked']);
  });

  it('fails on scan errors and plaintext passwords', () => {
    const pw = field('public.users', 'password', 'password');
    const inv = inventory([pw], { errors: [{ source: 'crm', container: 'public.x', code: 'permission', message: 'no access' }] });
    const r = evaluateFailOn(['scan-error', 'plaintext-password'], { inventory: inv });
    expect(r.failing.map((f) => f.rule).sort()).toEqual(['plaintext-password', 'scan-error']);
  });
});
