import { z } from 'zod';

/**
 * The policy file: what the organisation says it does with personal data, written as data so
 * pdmap can hold it against what the scan found. This schema is the documentation:
 * docs/policy.md is generated from it (`npm run docs:policy`), and a test fails when they drift.
 *
 * Every list item has a short `id` that other parts refer to, so a purpose can say
 * `dataCategories: [contact-details]` instead of repeating the words.
 */

const Id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and dashes, e.g. contact-details')
  .describe('Short stable identifier, lower-case with dashes.');

const Text = z.string().trim().min(1);

export const LEGAL_BASES = {
  a: 'Consent (Art. 6(1)(a))',
  b: 'Contract (Art. 6(1)(b))',
  c: 'Legal obligation (Art. 6(1)(c))',
  d: 'Vital interests (Art. 6(1)(d))',
  e: 'Public task (Art. 6(1)(e))',
  f: 'Legitimate interests (Art. 6(1)(f))',
} as const;

export const LegalBasisSchema = z
  .enum(['a', 'b', 'c', 'd', 'e', 'f'])
  .describe('A letter of GDPR Art. 6(1): a consent, b contract, c legal obligation, d vital interests, e public task, f legitimate interests.');

export const SAFEGUARDS = {
  'adequacy-decision': 'Adequacy decision (Art. 45)',
  'eu-us-data-privacy-framework': 'EU-US Data Privacy Framework (adequacy decision of 10 July 2023)',
  'standard-contractual-clauses': 'EU standard contractual clauses (Art. 46(2)(c))',
  'binding-corporate-rules': 'Binding corporate rules (Art. 47)',
  'eu-us-privacy-shield': 'EU/US Privacy Shield (invalid since 16 July 2020, CJEU C-311/18 "Schrems II")',
  derogation: 'Derogation for a specific situation (Art. 49)',
  other: 'Other safeguard (describe it)',
} as const;

export const SafeguardSchema = z
  .enum(Object.keys(SAFEGUARDS) as [keyof typeof SAFEGUARDS, ...(keyof typeof SAFEGUARDS)[]])
  .describe(
    'How a transfer outside the EU/EEA is protected. `eu-us-privacy-shield` is accepted so that an old policy can be ' +
      'loaded as written, and is reported as a gap.',
  );

export const RETENTION_STARTS = {
  created: 'the record is created',
  last_interaction: 'the last interaction with the data subject',
  delivery: 'delivery',
  end_of_contract: 'the end of the contract',
  end_of_financial_year: 'the end of the financial year',
  account_closed: 'the account is closed',
  consent_withdrawn: 'consent is withdrawn (opt-out)',
} as const;

export const RetentionStartSchema = z
  .enum(Object.keys(RETENTION_STARTS) as [keyof typeof RETENTION_STARTS, ...(keyof typeof RETENTION_STARTS)[]])
  .describe('The event that starts the retention clock. It also decides which date column pdmap looks for.');

export const RETENTION_ENDS = {
  delete: 'deleted securely',
  anonymise: 'anonymised (kept for statistics only)',
  'stop-processing': 'no longer used for the purpose',
  review: 'reviewed',
} as const;

export const DurationSchema = z
  .object({
    years: z.number().int().min(0).optional().describe('Calendar years.'),
    months: z.number().int().min(0).optional().describe('Calendar months.'),
    weeks: z.number().int().min(0).optional().describe('Weeks of 7 days.'),
    days: z.number().int().min(0).optional().describe('Days.'),
  })
  .strict()
  .refine((d) => (d.years ?? 0) + (d.months ?? 0) + (d.weeks ?? 0) + (d.days ?? 0) > 0, 'give at least one of years, months, weeks, days')
  .describe('A period, e.g. `{ years: 5 }` or `{ weeks: 4 }`.');

export const RetentionRuleSchema = z
  .object({
    id: Id,
    name: Text.describe('What the rule covers, in the policy\'s words ("Orders").'),
    duration: DurationSchema.nullable().describe('How long the data is kept after `start`; `null` when the policy gives no period ("as long as necessary").'),
    start: RetentionStartSchema,
    end: z
      .enum(Object.keys(RETENTION_ENDS) as [keyof typeof RETENTION_ENDS, ...(keyof typeof RETENTION_ENDS)[]])
      .default('delete')
      .describe('What happens when the period ends: delete, anonymise, stop-processing or review.'),
    legalReference: Text.optional().describe('The law that sets the period, e.g. "Danish Bookkeeping Act (Bogføringsloven) § 12".'),
    appliesTo: z
      .array(Text)
      .default([])
      .describe(
        'Table or file names the rule applies to, as name patterns (`quote*`, `*ordre*`, `invoice*`), matched on the words of ' +
          'the name like field names are (case, separators and æøå folded). Empty: every location linked to the purpose.',
      ),
    note: Text.optional().describe('Anything else a reader needs to know.'),
  })
  .strict()
  .describe('One retention rule of a purpose.');

export const PurposeSchema = z
  .object({
    id: z.number().int().positive().describe('The purpose number, stable across versions (1–8 in the default policy).'),
    name: Text.describe('Short name for tables and the matrix.'),
    description: Text.describe('The purpose as the policy states it.'),
    legalBasis: z.array(LegalBasisSchema).min(1).describe('Art. 6(1) letters this purpose relies on; more than one when different data needs different bases.'),
    legitimateInterest: Text.optional().describe('The interest pursued, required when `legalBasis` has `f`.'),
    legalObligation: Text.optional().describe('The law that obliges the processing, for `legalBasis` `c`.'),
    consentRequired: z.boolean().default(false).describe('Processing needs the data subject\'s prior consent (purpose 8, marketing).'),
    dataSubjects: z.array(Id).min(1).describe('Ids from `dataSubjects`.'),
    dataCategories: z.array(Id).min(1).describe('Ids from `dataCategories`: what personal data the purpose uses.'),
    sources: z.array(Id).default([]).describe('Ids from `sources`: where the data comes from.'),
    recipients: z.array(Id).default([]).describe('Ids from `recipients`.'),
    transfers: z.array(Id).optional().describe('Ids from `transfers`; omitted means every transfer in the policy applies.'),
    measures: z.array(Id).optional().describe('Ids from `measures`; omitted means every measure applies.'),
    retention: z.array(RetentionRuleSchema).default([]).describe('How long the purpose keeps its data (Art. 30(1)(f)).'),
  })
  .strict()
  .describe('One purpose of processing: one Art. 30(1) record entry.');

export const DataCategorySchema = z
  .object({
    id: Id,
    name: Text.describe('The policy\'s own words ("Contact details").'),
    description: Text.optional().describe('The policy\'s fuller wording.'),
    pdmapCategories: z
      .array(Text)
      .min(1)
      .describe(
        'pdmap category ids this covers: email, phone, fax, address.street, address.city, address.postal_code, address.region, ' +
          'address.country, person.name, person.first_name, person.last_name, job_title, company, date_of_birth, ' +
          'hire_date_or_employment, username, password, payment_card, bank_account, national_id, ip_address, ' +
          'free_text_personal, photo, gender, or a custom detector\'s id. A trailing `.*` covers a family (`address.*`).',
      ),
  })
  .strict()
  .describe('A category of personal data in the policy\'s words, mapped to the categories pdmap detects.');

const Named = z
  .object({ id: Id, name: Text.describe('As the policy words it.'), description: Text.optional().describe('More detail, for the record.') })
  .strict();

export const RecipientSchema = Named.extend({
  condition: Text.optional().describe('When data is shared with this recipient ("only under a court order").'),
  processor: z.boolean().default(false).describe('The recipient processes on our behalf under a data processing agreement (Art. 28).'),
})
  .strict()
  .describe('A category of recipients.');

export const SourceSchema = Named.extend({
  consentRequired: z.boolean().default(false).describe('Data is collected from this source only with consent.'),
})
  .strict()
  .describe('Where personal data comes from (Art. 14(2)(f)).');

export const TransferSchema = z
  .object({
    id: Id,
    description: Text.describe('What is transferred, to whom, why.'),
    recipients: z.array(Id).default([]).describe('Ids from `recipients`.'),
    countries: z.array(Text).min(1).describe('ISO 3166 country codes or words ("US", "outside the EU/EEA").'),
    safeguards: z.array(SafeguardSchema).min(1).describe('The safeguards the transfer relies on (see "Codes").'),
    safeguardNote: Text.optional().describe('The safeguard in the policy\'s own words.'),
  })
  .strict()
  .describe('A transfer of personal data outside the EU/EEA (Art. 30(1)(e), Chapter V).');

export const MeasureSchema = Named.extend({
  kind: z.enum(['technical', 'organisational', 'physical']).default('technical').describe('Technical, organisational or physical.'),
})
  .strict()
  .describe('A technical or organisational security measure (Art. 32).');

const Contact = z
  .object({
    name: Text.optional().describe('Name of the organisation or person.'),
    address: Text.optional().describe('Postal address.'),
    email: Text.optional().describe('E-mail address for data protection questions.'),
    phone: Text.optional().describe('Phone number.'),
  })
  .strict();

export const LinkRuleSchema = z
  .object({
    match: Text.optional().describe(
      'Glob over `source.schema.table.column` (`*.public.orders.*`, `crm.*.contacts.email`). `*` matches any run of ' +
        'characters, dots and slashes too; `?` one character; case is ignored. For files the key is `source.path.field`.',
    ),
    path: Text.optional().describe('Glob over a file\'s path relative to the scanned folder (`exports/**/newsletter*.csv`).'),
    field: Text.optional().describe('With `path`: glob over the field (column or JSON key path); default every field.'),
    purposes: z.array(z.number().int().positive()).describe('Purpose ids the locations serve. An empty list declares "no purpose" on purpose.'),
    note: Text.optional().describe('Why, for the next reader.'),
  })
  .strict()
  .refine((r) => (r.match === undefined) !== (r.path === undefined), 'give either `match` or `path`')
  .describe('Declares which purposes a location serves. Declared rules win over pdmap\'s suggestions from names.');

export const DateColumnSchema = z
  .object({
    match: Text.describe('Glob over `source.schema.table` (files: `source.path`), as in `links`.'),
    column: Text.describe('The column whose date starts the retention clock for that table.'),
  })
  .strict()
  .describe('Names the date column for retention checks where pdmap cannot guess it.');

export const PolicySchema = z
  .object({
    policy: z
      .object({
        title: Text.describe('Title of the policy text.'),
        version: Text.optional().describe('Version as the policy text states it.'),
        updated: Text.optional().describe('Date the policy text was last updated.'),
        source: Text.optional().describe('Where the policy text is published.'),
      })
      .strict()
      .describe('Which policy text this file encodes.'),
    controller: Contact.extend({
      name: Text.describe('The controller\'s legal name.'),
      dpo: Contact.optional().describe('The data protection officer, if one is appointed.'),
      representative: Contact.optional().describe('EU representative (Art. 27), if any.'),
      jointControllers: z.array(Contact).default([]).describe('Joint controllers (Art. 26), if any.'),
    })
      .strict()
      .describe('Who is responsible (Art. 30(1)(a)).'),
    dataSubjects: z.array(Named.describe('A category of data subjects.')).min(1).describe('Categories of data subjects (Art. 30(1)(c)).'),
    dataCategories: z.array(DataCategorySchema).min(1).describe('Categories of personal data (Art. 30(1)(c)), in the policy\'s words.'),
    sources: z.array(SourceSchema).default([]).describe('Where the data comes from.'),
    recipients: z.array(RecipientSchema).default([]).describe('Categories of recipients (Art. 30(1)(d)).'),
    transfers: z.array(TransferSchema).default([]).describe('Transfers to third countries (Art. 30(1)(e)).'),
    measures: z.array(MeasureSchema).default([]).describe('Technical and organisational security measures (Art. 30(1)(g)).'),
    purposes: z.array(PurposeSchema).min(1).describe('The purposes of processing, one Art. 30(1) entry each.'),
    processor: z
      .object({
        description: Text.describe('What is processed on behalf of others, in the policy\'s words.'),
        controllers: Text.describe('On whose behalf (Art. 30(2)(a)), e.g. "Customers, each under a data processing agreement".'),
        categoriesOfProcessing: z.array(Text).min(1).describe('Art. 30(2)(b).'),
        subProcessors: z.array(Id).default([]).describe('Ids from `recipients` used as sub-processors.'),
        transfers: z.array(Id).default([]).describe('Ids from `transfers` (Art. 30(2)(c)).'),
        measures: z.array(Id).optional().describe('Ids from `measures` (Art. 30(2)(d)); omitted means all.'),
        agreement: Text.optional().describe('The data processing agreement the processing runs under.'),
      })
      .strict()
      .optional()
      .describe('The Art. 30(2) record, for processing done as a processor on behalf of customers.'),
    links: z.array(LinkRuleSchema).default([]).describe('Which purposes each location serves. Where no rule speaks, pdmap suggests purposes from names.'),
    dateColumns: z.array(DateColumnSchema).default([]).describe('Date columns for retention checks, where the name does not tell.'),
    consentFieldNames: z
      .array(Text)
      .default([])
      .describe('Extra field-name patterns that record marketing consent, besides consent/opt-in/samtykke/subscribed/einwilligung.'),
  })
  .strict()
  .superRefine((p, ctx) => {
    const ids = (list: readonly { id: string }[]) => new Set(list.map((x) => x.id));
    const known = {
      dataSubjects: ids(p.dataSubjects),
      dataCategories: ids(p.dataCategories),
      sources: ids(p.sources),
      recipients: ids(p.recipients),
      transfers: ids(p.transfers),
      measures: ids(p.measures),
    };
    const check = (ref: readonly string[] | undefined, kind: keyof typeof known, path: (string | number)[]) => {
      for (const [i, id] of (ref ?? []).entries()) {
        if (!known[kind].has(id)) ctx.addIssue({ code: 'custom', path: [...path, i], message: `unknown ${kind} id "${id}" (known: ${[...known[kind]].join(', ') || 'none'})` });
      }
    };
    for (const [kind, list] of Object.entries({
      dataSubjects: p.dataSubjects,
      dataCategories: p.dataCategories,
      sources: p.sources,
      recipients: p.recipients,
      transfers: p.transfers,
      measures: p.measures,
    })) {
      const seen = new Set<string>();
      for (const [i, x] of list.entries()) {
        if (seen.has(x.id)) ctx.addIssue({ code: 'custom', path: [kind, i, 'id'], message: `duplicate id "${x.id}"` });
        seen.add(x.id);
      }
    }
    const purposeIds = new Set<number>();
    for (const [i, purpose] of p.purposes.entries()) {
      if (purposeIds.has(purpose.id)) ctx.addIssue({ code: 'custom', path: ['purposes', i, 'id'], message: `duplicate purpose id ${purpose.id}` });
      purposeIds.add(purpose.id);
      check(purpose.dataSubjects, 'dataSubjects', ['purposes', i, 'dataSubjects']);
      check(purpose.dataCategories, 'dataCategories', ['purposes', i, 'dataCategories']);
      check(purpose.sources, 'sources', ['purposes', i, 'sources']);
      check(purpose.recipients, 'recipients', ['purposes', i, 'recipients']);
      check(purpose.transfers, 'transfers', ['purposes', i, 'transfers']);
      check(purpose.measures, 'measures', ['purposes', i, 'measures']);
      if (purpose.legalBasis.includes('f') && !purpose.legitimateInterest) {
        ctx.addIssue({ code: 'custom', path: ['purposes', i, 'legitimateInterest'], message: 'legal basis f (legitimate interests) needs `legitimateInterest`: say which interest' });
      }
      if (purpose.consentRequired && !purpose.legalBasis.includes('a')) {
        ctx.addIssue({ code: 'custom', path: ['purposes', i, 'legalBasis'], message: 'consentRequired is true but the legal basis has no `a` (consent)' });
      }
    }
    for (const [i, t] of p.transfers.entries()) check(t.recipients, 'recipients', ['transfers', i, 'recipients']);
    if (p.processor) {
      check(p.processor.subProcessors, 'recipients', ['processor', 'subProcessors']);
      check(p.processor.transfers, 'transfers', ['processor', 'transfers']);
      check(p.processor.measures, 'measures', ['processor', 'measures']);
    }
    for (const [i, rule] of p.links.entries()) {
      for (const [j, id] of rule.purposes.entries()) {
        if (!purposeIds.has(id)) ctx.addIssue({ code: 'custom', path: ['links', i, 'purposes', j], message: `unknown purpose ${id}` });
      }
    }
  })
  .describe('A privacy policy as data: controller, purposes with their Art. 30 details, and how locations link to purposes.');

/** A validated policy, defaults filled in. */
export type Policy = z.output<typeof PolicySchema>;
/** A policy as written in a file (defaults may be left out). */
export type PolicyInput = z.input<typeof PolicySchema>;
export type Purpose = Policy['purposes'][number];
export type RetentionRule = Purpose['retention'][number];
export type DataCategory = Policy['dataCategories'][number];
export type LinkRule = Policy['links'][number];
export type LegalBasis = z.output<typeof LegalBasisSchema>;
export type Safeguard = z.output<typeof SafeguardSchema>;
export type RetentionStart = z.output<typeof RetentionStartSchema>;
export type Duration = z.output<typeof DurationSchema>;
