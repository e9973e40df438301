import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadPolicy, parsePolicy, seedPolicy, seedPolicyText } from '../../src/policy/load.js';
import { PolicySchema } from '../../src/policy/schema.js';

describe('the default policy (written from the seed privacy policy)', () => {
  const policy = seedPolicy();

  it('has purposes 1–8 as the policy states them', () => {
    expect(policy.purposes.map((p) => p.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(policy.purposes.find((p) => p.id === 3)?.description).toBe('Perform deliveries in accordance with a customer agreement.');
  });

  it('bases 1–7 on the customer relationship and 8 on consent', () => {
    for (const p of policy.purposes.filter((x) => x.id <= 7)) {
      expect(p.consentRequired).toBe(false);
      expect(p.legalBasis.some((b) => b === 'b' || b === 'f')).toBe(true);
    }
    expect(policy.purposes.find((p) => p.id === 2)?.legalBasis).toEqual(['f']);
    const marketing = policy.purposes.find((p) => p.id === 8);
    expect(marketing).toMatchObject({ legalBasis: ['a'], consentRequired: true });
  });

  it('maps the policy words to pdmap categories', () => {
    const cats = Object.fromEntries(policy.dataCategories.map((d) => [d.name, d.pdmapCategories]));
    expect(cats['Contact details']).toEqual(expect.arrayContaining(['person.name', 'address.*', 'phone', 'email']));
    expect(cats['Employment information']).toEqual(['job_title']);
    expect(cats['Feedback']).toEqual(['free_text_personal']);
    expect(cats['Login ID and password']).toEqual(['username', 'password']);
  });

  it('keeps retention as structure: offers 2 years, orders 5 years after the last interaction (Bogføringsloven), guarantee 2 years, opt-out 4 weeks', () => {
    const rules = policy.purposes.flatMap((p) => p.retention.map((r) => ({ purpose: p.id, ...r })));
    expect(rules.find((r) => r.purpose === 1 && r.id === 'offers')).toMatchObject({ duration: { years: 2 }, start: 'created' });
    expect(rules.find((r) => r.id === 'orders')).toMatchObject({ purpose: 6, duration: { years: 5 }, start: 'last_interaction', end: 'delete' });
    expect(rules.find((r) => r.id === 'orders')?.legalReference).toMatch(/Bogføringsloven/);
    expect(rules.find((r) => r.id === 'guarantee')).toMatchObject({ duration: { years: 2 } });
    expect(rules.find((r) => r.id === 'marketing-opt-out')).toMatchObject({ purpose: 8, duration: { weeks: 4 }, start: 'consent_withdrawn', end: 'stop-processing' });
  });

  it('keeps the transfer safeguard as stated (SCCs or the EU/US Privacy Shield) and the processor role', () => {
    expect(policy.transfers[0]?.safeguards).toEqual(['standard-contractual-clauses', 'eu-us-privacy-shield']);
    expect(policy.processor?.transfers).toEqual(['sub-suppliers-outside-eu']);
    expect(policy.processor?.controllers).toMatch(/data processing agreement/);
  });

  it('marks the blanked-out company name as a placeholder and declares no links', () => {
    expect(policy.controller.name).toMatch(/name not stated in the policy/);
    expect(policy.links).toEqual([]);
    expect(policy.recipients.map((r) => r.id)).toEqual(['business-partners', 'public-authorities', 'sub-suppliers']);
    expect(policy.measures.map((m) => m.name)).toEqual(expect.arrayContaining(['Secure operating environments', 'Prior approval of access (login ID and password)']));
  });
});

describe('policy validation', () => {
  const base = () => parse(seedPolicyText()) as Record<string, unknown> & { purposes: Record<string, unknown>[] };

  it('names the path and the known ids when a reference is wrong', () => {
    const data = base();
    (data.purposes[0] as { dataCategories: string[] }).dataCategories = ['contact-details', 'shoe-size'];
    const r = PolicySchema.safeParse(data);
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toMatch(/unknown dataCategories id \\"shoe-size\\"/);
    expect(r.error?.issues[0]?.path).toEqual(['purposes', 0, 'dataCategories', 1]);
  });

  it('needs a stated interest for basis f and consent for consentRequired', () => {
    const data = base();
    delete data.purposes[1]?.legitimateInterest;
    data.purposes[0] = { ...data.purposes[0], consentRequired: true };
    const messages = PolicySchema.safeParse(data).error?.issues.map((i) => i.message).join('\n') ?? '';
    expect(messages).toMatch(/legitimateInterest/);
    expect(messages).toMatch(/consentRequired is true but the legal basis has no `a`/);
  });

  it('rejects unknown keys, bad durations, link rules with both match and path, and unknown purposes in links', () => {
    const data = base();
    data.links = [{ match: '*.orders.*', path: 'x.csv', purposes: [6] }, { match: '*.x.*', purposes: [42] }];
    (data as { colour?: string }).colour = 'blue';
    const retention = (data.purposes[0] as { retention: { duration: unknown }[] }).retention[0];
    if (retention) retention.duration = { years: 0 };
    const messages = PolicySchema.safeParse(data).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n') ?? '';
    expect(messages).toMatch(/colour/);
    expect(messages).toMatch(/give either `match` or `path`/);
    expect(messages).toMatch(/links\.1\.purposes\.0: unknown purpose 42/);
    expect(messages).toMatch(/at least one of years/);
  });

  it('turns YAML and schema errors into one readable PdmapError', async () => {
    expect(() => parsePolicy('purposes: [', 'p.yaml')).toThrow(/p\.yaml is not valid YAML/);
    expect(() => parsePolicy('policy: {title: x}', 'p.yaml')).toThrow(/p\.yaml does not match the policy schema/);
    await expect(loadPolicy('/nonexistent/pdmap.policy.yaml')).rejects.toMatchObject({ code: 'not-found', hint: expect.stringMatching(/pdmap init/) });
  });

  it('accepts a minimal policy and fills in defaults', () => {
    const p = parsePolicy(`
policy: { title: Minimal }
controller: { name: Acme ApS }
dataSubjects: [{ id: customers, name: Customers }]
dataCategories: [{ id: contact, name: Contact details, pdmapCategories: [email] }]
purposes:
  - { id: 1, name: Sales, description: Selling things., legalBasis: [b], dataSubjects: [customers], dataCategories: [contact] }
`);
    expect(p.purposes[0]).toMatchObject({ consentRequired: false, retention: [], recipients: [] });
    expect(p.links).toEqual([]);
    expect(p.processor).toBeUndefined();
  });
});
