import { faker } from '@faker-js/faker';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyField, type ClassifyOptions, type ContainerContext } from '../../src/engine/classify.js';
import type { FieldVerdict, Location } from '../../src/types.js';
import { builtinDetectors } from '../index.js';
import { email, emailScore } from './email.js';
import { catalogueColumn } from '../_shared/testing.js';

const DK = { defaultCountry: 'DK' };
const at = (container: string, field: string): Location => ({ source: 't', sourceKind: 'sqlite', container, containerType: 'table', field });
const options: ClassifyOptions = { detectors: builtinDetectors, match: DK, minConfidence: 0.5, revealValues: false, maxExamples: 3 };
const column = catalogueColumn({ personContext: true, container: 'customers' });
const has = (v: FieldVerdict, category: string): boolean => v.categories.some((c) => c.category === category);
const isEmail = (v: string): boolean => emailScore(v) === 1;

const ADVERSARIAL = ['0'.repeat(100_000), '@'.repeat(100_000), '.'.repeat(100_000), ' '.repeat(100_000), 'a@'.repeat(50_000), `${'a'.repeat(64)}@${'b.'.repeat(50_000)}dk`, `a@${'b'.repeat(99_990)}.dk`, `${'a.'.repeat(50_000)}@b.dk`];

faker.seed(11);
const addresses = Array.from({ length: 40 }, () => faker.internet.email());

describe('email value test', () => {
  it('accepts e-mail addresses', () => {
    for (const a of addresses) expect(isEmail(a), a).toBe(true);
    for (const a of ['luisg@embraer.com.br', 'jens.hansen+shop@example.dk', 'søren@eksempel.dk', 'o\'brien@example.ie', 'a.b-c_d@sub.example.co.uk']) expect(isEmail(a), a).toBe(true);
  });

  it.each(['not an email', 'anna@', '@example.com', 'anna@example', 'anna@@example.com', 'anna @example.com', 'https://example.com/@anna', '<message-id@mail>', 'user@localhost'])('rejects %s', (v) => {
    expect(emailScore(v)).toBe(0);
  });

  it('gives tokens that look like codes, not mailboxes, little bare-local-part credit', () => {
    for (const v of ['k042', 'P7_20931', 'x6611', 'SEK', 'CHF', 'WARN', 'debug', 'NORDDKKK', 'COBADEFFXXX', 'app-3.eu.internal', 'mx2.example.net', 'cache01.corp']) {
      expect(emailScore(v), v).toBe(0.1);
    }
    for (const v of ['mhjort', 'PLARSEN', 'tove.b', 'jkrogh7', 'Rasmus_F']) expect(emailScore(v), v).toBe(0.4);
  });

  it('stays far from an e-mail verdict on code columns without a name', () => {
    const columns: Record<string, readonly string[]> = {
      dept_code: ['k001', 'k002', 'k003', 'k004', 'k005', 'k006', 'k007', 'k008'],
      currency: ['SEK', 'NOK', 'EUR', 'USD', 'GBP', 'CHF', 'PLN', 'ISK'],
      level: ['INFO', 'WARN', 'ERROR', 'DEBUG', 'INFO', 'TRACE', 'INFO', 'FATAL'],
      swift: ['NORDDKKK', 'COBADEFFXXX', 'HANDSESS', 'DNBANOKK', 'ABNANL2A', 'BNPAFRPP'],
      host: ['app-1.eu.internal', 'app-2.eu.internal', 'db-1.eu.internal', 'mx1.example.net', 'cache01.corp', 'web7.prod.local'],
    };
    const low = { ...options, minConfidence: 0.01 };
    for (const [field, values] of Object.entries(columns)) {
      const ctx: ContainerContext = { name: 'things', fieldNames: [field], personContext: false };
      const v = classifyField(at('things', field), 'text', { rows: values.length, values: [...values], binaryHeads: [] }, ctx, low);
      const e = v.categories.find((c) => c.category === 'email');
      expect(e?.confidence ?? 0, field).toBeLessThan(0.15);
    }
  });

  it('gives a bare local part (Oracle HR writes `SKING`) partial credit', () => {
    expect(emailScore('SKING')).toBe(0.4);
    expect(emailScore('anna.k')).toBe(0.4);
    for (const v of ['12345', 'n/a', 'true', 'Anna Hansen', '2024-01-01']) expect(emailScore(v), v).toBe(0);
  });

  it('never throws on any string', () => {
    fc.assert(fc.property(fc.string({ maxLength: 120 }), (s) => {
      const r = emailScore(s);
      return r >= 0 && r <= 1;
    }));
    fc.assert(fc.property(fc.emailAddress(), (s) => emailScore(s) >= 0));
  });

  it('returns quickly on long adversarial strings', () => {
    // Warm up on short versions first: the first call into a library may compile its patterns.
    for (const w of ADVERSARIAL.map((a) => a.slice(0, 1000))) {
      email.match?.(w, DK);
    }
    for (const s of ADVERSARIAL) {
      const t0 = performance.now();
      email.match?.(s, DK);
      expect(performance.now() - t0).toBeLessThan(50);
    }
  });
});

describe('email columns', () => {
  it.each(['email', 'Email', 'e_mail', 'EmailAddress', 'kunde_email', 'mail', 'e-mail-adresse', 'mailadresse', 'epost', 'e-post', 'epostadress', 'emailadres', 'courriel', 'adresse_mail', 'correo_electronico', 'correo'])(
    '%s',
    (field) => {
      expect(column(field, addresses).category).toBe('email');
    },
  );

  it('finds a column of addresses without a name, and makes the masked evidence unreadable', () => {
    const v = column('c1', addresses, false, 'import');
    expect(v.category).toBe('email');
    for (const e of v.categories[0]?.evidence.examples ?? []) expect(e).toMatch(/^.\*\*\*@\*\*\*\.[a-z]+$/);
  });

  it('does not report facts about an e-mail', () => {
    expect(has(column('email_verified', ['true', 'false', 'true', 'true', 'false']), 'email')).toBe(false);
    expect(has(column('email_opt_in', ['1', '0', '1', '1']), 'email')).toBe(false);
    expect(has(column('email_template', ['welcome', 'reset', 'invoice']), 'email')).toBe(false);
    expect(has(column('mail_server', ['smtp.example.com', 'mx1.example.com']), 'email')).toBe(false);
    expect(has(column('message_id', ['<abc@mail.example.com>', '<def@mail.example.com>']), 'email')).toBe(false);
  });

  it('does not report the delivery status, method or provider of mail', () => {
    expect(has(column('mail_status', ['sent', 'bounced', 'sent', 'sent', 'deferred', 'opened', 'sent', 'bounced']), 'email')).toBe(false);
    expect(has(column('email_state', ['pending', 'verified', 'pending', 'verified', 'verified']), 'email')).toBe(false);
    expect(has(column('contact_method', ['email', 'phone', 'email', 'letter', 'email']), 'email')).toBe(false);
    expect(has(column('email_provider', ['gmail', 'outlook', 'yahoo', 'gmail', 'icloud', 'gmail']), 'email')).toBe(false);
    expect(has(column('email_domain', ['example.com', 'example.org', 'example.net', 'example.com']), 'email')).toBe(false);
    expect(has(column('newsletter_frequency', ['weekly', 'monthly', 'weekly', 'never']), 'email')).toBe(false);
    expect(has(column('email_sent_at', ['2024-03-01T10:00:00Z', '2024-03-02T11:30:00Z', '2024-03-04T09:15:00Z']), 'email')).toBe(false);
    // Words that also name the person whose address it is do not count against it.
    expect(column('provider_email', addresses).category).toBe('email');
    expect(column('host_email', addresses).category).toBe('email');
    expect(column('sent_to', addresses, false, 'outbox').category).toBe('email');
  });

  it('finds an e-mail column that holds local parts only', () => {
    expect(column('email', ['SKING', 'NKOCHHAR', 'LDEHAAN', 'AHUNOLD', 'BERNST', 'DAUSTIN', 'VPATABAL', 'DLORENTZ'], true, 'employees').category).toBe('email');
    expect(has(column('code', ['SKING', 'NKOCHHAR', 'LDEHAAN', 'AHUNOLD', 'BERNST', 'DAUSTIN'], false, 'products'), 'email')).toBe(false);
    expect(column('email', ['MHJORT', 'PLARSEN', 'TBRANDT', 'AKJAER', 'SNIELSEN', 'JKROGH', 'LDAMGAARD', 'EWINTHER'], true, 'staff').category).toBe('email');
  });

  it('does not read a mailing address as an e-mail', () => {
    expect(has(column('mailing_address', Array.from({ length: 20 }, () => faker.location.streetAddress())), 'email')).toBe(false);
  });
});
