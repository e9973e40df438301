import AjvDraft04 from 'ajv-draft-04';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { policyChecks, renderJunit } from '../../src/reporters/junit.js';
import { renderSarif } from '../../src/reporters/sarif.js';
import { field, inventory } from './fixtures.js';

const require = createRequire(import.meta.url);
// A CommonJS module whose class is its `default` export: reach it the same way under Node and vitest.
const Ajv = AjvDraft04.default;
const schema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json') as object;

describe('SARIF', () => {
  const inv = inventory([field('public.customer', 'email', 'email'), field('public.customer', 'id')], {
    errors: [{ source: 'crm', container: 'public.secret', code: 'permission', message: 'permission denied' }],
  });
  const fileField = { ...field('exports/customers.csv', 'E-mail', 'email'), location: { source: 'files:./exports', sourceKind: 'files' as const, container: 'exports/customers.csv', containerType: 'file' as const, field: 'E-mail' } };
  const withFile = { ...inv, fields: [...inv.fields, fileField] };

  it('validates against the SARIF 2.1.0 schema', () => {
    const log = JSON.parse(renderSarif(withFile, { gaps: [{ kind: 'unlinked', key: 'crm/public.customer/email', message: 'linked to no purpose' }], findings: [{ rule: 'new-pii', key: 'crm/public.customer/email', message: 'new' }] })) as unknown;
    // The official schema's language-tag pattern is not valid with the u flag, so ajv compiles patterns without it.
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    const validate = ajv.compile(schema);
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('uses logical locations for columns and physical ones for files', () => {
    const log = JSON.parse(renderSarif(withFile)) as { runs: { results: { locations: { logicalLocations?: { fullyQualifiedName: string }[]; physicalLocation?: { artifactLocation: { uri: string } } }[] }[] }[] };
    const [db, file] = log.runs[0]!.results;
    expect(db!.locations[0]!.logicalLocations![0]!.fullyQualifiedName).toBe('crm/public/customer/email');
    expect(file!.locations[0]!.physicalLocation!.artifactLocation.uri).toBe('exports/customers.csv');
  });
});

describe('JUnit', () => {
  it('has one test case per policy check and escapes XML', () => {
    const inv = inventory([field('public.customer', 'email', 'email')], {
      errors: [{ source: 'crm', container: 'public.<x>', code: 'timeout', message: 'timed out & gave up' }],
    });
    const checks = policyChecks(inv, undefined, [{ kind: 'unlinked', key: 'crm/public.customer/email' }]);
    const xml = renderJunit(inv, checks);
    expect(checks.map((c) => c.id)).toEqual(['scan', 'gap/unlinked']);
    expect(xml).toContain('tests="2" failures="1"');
    expect(xml).toContain('public.&lt;x&gt;');
    expect(xml).toContain('timed out &amp; gave up');
  });
});
