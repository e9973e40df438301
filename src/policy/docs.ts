import { z } from 'zod';
import { CONSENT_FIELD_WORDS, GAP_KINDS } from './gaps.js';
import { CONTAINER_SUGGESTIONS, FIELD_SUGGESTIONS, SIBLING_FIELD_SUGGESTIONS } from './link.js';
import { LEGAL_BASES, PolicySchema, RETENTION_ENDS, RETENTION_STARTS, SAFEGUARDS } from './schema.js';

/**
 * docs/policy.md, generated from the zod schema and the linking tables so the docs cannot drift
 * from the code: `npx tsx scripts/policy-docs.ts` writes it, test/policy/docs.test.ts checks it.
 */

type JsonSchema = {
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  default?: unknown;
  minimum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
};

function typeOf(s: JsonSchema): string {
  if (s.anyOf) return s.anyOf.map(typeOf).join(' or ');
  if (s.enum) return s.enum.map((e) => `\`${String(e)}\``).join(', ');
  if (s.type === 'array') return `list of ${s.items ? typeOf(s.items) : 'values'}`;
  if (s.type === 'object') return 'object';
  if (s.type === 'integer') return s.exclusiveMinimum === 0 || (s.minimum ?? -1) > 0 ? 'whole number ≥ 1' : 'whole number';
  if (s.type === 'null') return '`null`';
  return Array.isArray(s.type) ? s.type.join(' or ') : (s.type ?? 'any');
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function objectOf(s: JsonSchema): JsonSchema | undefined {
  if (s.type === 'object' && s.properties) return s;
  if (s.type === 'array' && s.items) return objectOf(s.items);
  for (const alt of s.anyOf ?? []) {
    const o = objectOf(alt);
    if (o) return o;
  }
  return undefined;
}

function table(path: string, s: JsonSchema, out: string[], nested: [string, JsonSchema][]): void {
  out.push('| key | type | required | description |', '| --- | --- | --- | --- |');
  for (const [key, prop] of Object.entries(s.properties ?? {})) {
    const required = s.required?.includes(key) && prop.default === undefined ? 'yes' : prop.default !== undefined ? `no (default \`${JSON.stringify(prop.default)}\`)` : 'no';
    out.push(`| \`${key}\` | ${cell(typeOf(prop))} | ${required} | ${cell(prop.description ?? '')} |`);
    const obj = objectOf(prop);
    if (obj && Object.keys(obj.properties ?? {}).length > 0) nested.push([`${path}${key}${prop.type === 'array' ? '[]' : ''}`, { ...obj, description: prop.description ?? obj.description }]);
  }
  out.push('');
}

function reference(): string[] {
  const root = z.toJSONSchema(PolicySchema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const out: string[] = [];
  const queue: [string, JsonSchema][] = [];
  out.push('### Top level', '');
  table('', root, out, queue);
  const seen = new Set<string>();
  while (queue.length > 0) {
    const [path, s] = queue.shift() as [string, JsonSchema];
    if (seen.has(path)) continue;
    seen.add(path);
    out.push(`### \`${path}\``, '');
    if (s.description) out.push(s.description, '');
    table(`${path}.`, s, out, queue);
  }
  return out;
}

const words = (list: readonly string[]) => list.map((w) => `\`${w}\``).join(', ');

export function renderPolicyDocs(): string {
  const out: string[] = [];
  out.push(
    '# The policy file',
    '',
    '<!-- Generated from src/policy/schema.ts and src/policy/link.ts by `npx tsx scripts/policy-docs.ts`. Do not edit by hand. -->',
    '',
    'pdmap holds what it finds against a **policy**: the organisation\'s privacy policy written as data. From it and the',
    'scan it builds the record of processing (GDPR Art. 30) and the list of gaps where the data and the policy disagree',
    '(see [reports.md](reports.md)).',
    '',
    'Without a policy, pdmap uses its **default policy**, written from the company\'s privacy policy',
    '(`src/policy/seed-policy.yaml`): purposes 1–8, their legal bases, data categories, recipients, the transfer',
    'safeguards as the policy states them, retention (offers 2 years; orders 5 years after the last interaction under the',
    'Danish Bookkeeping Act; guarantees up to 2 years; marketing opt-out within 4 weeks) and the security measures.',
    '`pdmap init` copies it to `pdmap.policy.yaml` for you to edit; `--policy file` or the config\'s `policy:` key picks it.',
    '',
    'The file is YAML (or JSON). Every list item has a short `id` that other parts refer to: a purpose says',
    '`dataCategories: [contact-details]` rather than repeating the words. A wrong reference, a missing field or an unknown',
    'key stops pdmap with the path of the problem (`purposes.0.dataCategories.1: unknown dataCategories id "shoe-size"`).',
    '',
    '## A small example',
    '',
    '```yaml',
    'policy: { title: Privacy policy, version: "2024-05" }',
    'controller: { name: Acme ApS, email: privacy@acme.example, dpo: { email: dpo@acme.example } }',
    'dataSubjects:',
    '  - { id: customers, name: Customers }',
    'dataCategories:',
    '  - { id: contact-details, name: Contact details, pdmapCategories: [person.name, email, phone, address.*] }',
    'recipients:',
    '  - { id: hosting, name: Cloud hosting, processor: true, condition: Under a data processing agreement }',
    'transfers:',
    '  - { id: us-hosting, description: Hosting in the US, recipients: [hosting], countries: [US], safeguards: [eu-us-data-privacy-framework] }',
    'purposes:',
    '  - id: 6',
    '    name: Orders and invoicing',
    '    description: Process orders, invoices and payments.',
    '    legalBasis: [b, c]',
    '    legalObligation: Danish Bookkeeping Act (Bogføringsloven)',
    '    dataSubjects: [customers]',
    '    dataCategories: [contact-details]',
    '    recipients: [hosting]',
    '    retention:',
    '      - { id: orders, name: Orders, duration: { years: 5 }, start: last_interaction, end: delete, appliesTo: ["order*", "invoice*"] }',
    'links:',
    '  - { match: "crm.public.orders.*", purposes: [6] }',
    'dateColumns:',
    '  - { match: "crm.public.orders", column: booked_on }',
    '```',
    '',
    '## Linking locations to purposes',
    '',
    'Each personal-data field is linked to the purposes it serves:',
    '',
    '- **Declared**: a rule under `links:` matches it. `match` is a glob over `source.schema.table.column`',
    '  (`*.public.orders.*`, `crm.*.contacts.email`; for files `source.path.field`); `*` matches any run of characters, dots',
    '  and slashes included, `?` one character, case is ignored. `path` is a glob over a file\'s path relative to the scanned',
    '  folder (`exports/**/newsletter*.csv`), optionally with `field`. When several rules match, their purposes add up. A rule',
    '  with `purposes: []` declares "no purpose" on purpose (the data is then reported as linked to no purpose).',
    '- **Suggested**: where no rule matches, pdmap suggests purposes from names. Reports mark them with a `?` and a',
    '  "suggested" badge, and list them as a gap for information until they are declared.',
    '',
    'Suggestions from the name of the table or file (for files, every folder of the path too). Patterns use the',
    'field-name syntax: words are matched after case, separator and accent folding (æ→ae, ø→oe, å→aa, ß→ss), and a `*`',
    'matches inside compound words (`*ordre*` matches `kundeordrer`):',
    '',
    '| purposes | names |',
    '| --- | --- |',
    ...CONTAINER_SUGGESTIONS.map((s) => `| ${s.purposes.join(', ')} | ${cell(words(s.words))} |`),
    '',
    'From the field\'s own name (added to the table\'s):',
    '',
    '| purposes | names |',
    '| --- | --- |',
    ...FIELD_SUGGESTIONS.map((s) => `| ${s.purposes.join(', ')} | ${cell(words(s.words))} |`),
    '',
    'From another field in the same table (a `marketing_consent` flag beside a contact\'s e-mail means the contact is used',
    'for marketing):',
    '',
    '| purposes | names |',
    '| --- | --- |',
    ...SIBLING_FIELD_SUGGESTIONS.map((s) => `| ${s.purposes.join(', ')} | ${cell(words(s.words))} |`),
    '',
    'The suggestion tables use the numbering of the default policy (1 offers, 2 related products, 3 deliveries, 4 support,',
    '5 customer communication, 6 quotes/orders/invoicing, 7 web access, 8 marketing). A policy with other purposes should',
    'declare its links.',
    '',
    '## Categories: pdmap\'s words and the policy\'s',
    '',
    'pdmap detects categories with stable ids (`email`, `phone`, `address.street`, `job_title`, `national_id`, …). A',
    'policy\'s `dataCategories` name them in the policy\'s own words: "Contact details" covers `person.name`, `email`,',
    '`phone`, `address.*`; "Login ID and password" covers `username` and `password`. A category found in a table whose',
    'purposes do not declare it is a gap; a category found that no data category covers gets its own red column in the',
    'report\'s matrix.',
    '',
    '## Retention',
    '',
    'A retention rule is structure, not prose: `duration` (`{ years: 5 }`; `null` when the policy gives no period), `start`',
    '(the event that starts the clock), `end` (what happens then), a `legalReference`, and `appliesTo` (table or file names',
    'the rule covers; empty: every location linked to the purpose).',
    '',
    `\`start\`: ${Object.entries(RETENTION_STARTS).map(([k, v]) => `\`${k}\` (${v})`).join(', ')}.`,
    '',
    `\`end\`: ${Object.entries(RETENTION_ENDS).map(([k, v]) => `\`${k}\` (${v})`).join(', ')}.`,
    '',
    'For each table whose linked purposes have rules that apply to it, pdmap takes the **longest** period (data may be kept',
    'while any purpose still needs it; a rule without a period means no time limit) and counts the rows older than it **in',
    'the database**: one `SELECT COUNT(*) … WHERE date_column < cutoff` in a read-only transaction, no rows fetched. Only',
    'rules that end in `delete` or `anonymise` are counted (an opt-out stops processing but may keep a suppression list).',
    '',
    'The date column is the one named under `dateColumns:` (a glob over `source.schema.table`), else one whose name fits',
    'the start: `last_interaction` looks for `last_interaction`, `last_activity`, `sidst_*`, `updated_at`…; `delivery` for',
    '`delivered_at`, `leveringsdato`…; `created` for `created_at`, `oprettet`, `order_date`, `fakturadato`, `Rechnungsdatum`…',
    'When the event has no column of its own, a creation date stands in and the gap says so. Birth dates, hire dates and',
    'due dates are never used. Files cannot be counted; such tables are listed as "retention could not be checked".',
    '',
    '## Gaps',
    '',
    '| kind | severity | |',
    '| --- | --- | --- |',
    ...Object.entries(GAP_KINDS).map(([k, v]) => `| \`${k}\` | ${v.severity} | ${v.title} |`),
    '',
    `Consent is recognised from field names in the same table: ${words(CONSENT_FIELD_WORDS)}, plus \`consentFieldNames\`.`,
    '',
    '## Codes',
    '',
    `\`legalBasis\`: ${Object.entries(LEGAL_BASES).map(([k, v]) => `\`${k}\` ${v}`).join('; ')}.`,
    '',
    `\`safeguards\`: ${Object.entries(SAFEGUARDS).map(([k, v]) => `\`${k}\` ${v}`).join('; ')}.`,
    '',
    '## Reference',
    '',
    ...reference(),
  );
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
