import { describe, expect, it } from 'vitest';
import { redactText, redactUrl } from '../../src/redact.js';
import { describeError } from '../../src/errors.js';

describe('redaction', () => {
  it('removes passwords from URLs', () => {
    expect(redactUrl('postgres://app:s3cret@db.example:5432/crm')).toBe('postgres://app:***@db.example:5432/crm');
    expect(redactUrl('mysql://root@localhost/x?password=abc')).toBe('mysql://root@localhost/x?password=***');
  });
  it('removes credentials from free text', () => {
    const text = 'connect to postgres://app:s3cret@db/crm failed; password=hunter2 token: abc';
    const out = redactText(text);
    expect(out).not.toContain('s3cret');
    expect(out).not.toContain('hunter2');
    expect(out).not.toContain('abc');
  });
  it('keeps driver error messages to one redacted line with a hint', () => {
    const err = Object.assign(new Error('permission denied for table "secret"\nDETAIL: x'), { code: '42501' });
    const d = describeError(err);
    expect(d.code).toBe('permission');
    expect(d.message).not.toContain('\n');
    expect(d.message).toMatch(/grant the scanning role SELECT/);
  });
  it('is linear on hostile input', () => {
    const hostile = 'a://'.repeat(20_000) + ':'.repeat(20_000);
    const t0 = performance.now();
    redactText(hostile);
    expect(performance.now() - t0).toBeLessThan(500);
  });
});
