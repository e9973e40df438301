import { matchesPattern, tokenize } from '../engine/field-name.js';
import type { FieldVerdict, Inventory } from '../types.js';
import { containerKey, locationKey } from './link.js';
import type { DataMapEntry, LocationRef } from './record.js';
import { formatDuration, type RetentionCount } from './retention.js';
import { categoryCovered, policyCategoryOf } from './categories.js';
import { RETENTION_STARTS, type Policy, type Purpose } from './schema.js';

/**
 * Where reality and the policy disagree. Each gap names the rule it breaks, the locations, a
 * count, and what to do. Gaps are computed from the data map (fields with their linked
 * purposes), the policy, and the retention counts; nothing here reads a store.
 */

export type GapKind =
  | 'unlinked'
  | 'undeclared-category'
  | 'marketing-without-consent'
  | 'retention-overdue'
  | 'plaintext-password'
  | 'invalid-transfer-safeguard'
  | 'stale-policy-category'
  | 'suggested-links'
  | 'retention-unchecked';

export type GapSeverity = 'high' | 'medium' | 'low' | 'info';

export interface GapLocation extends LocationRef {
  /** A per-location count or remark ("1 204 rows before 2020-05-01"). */
  readonly note?: string;
}

export interface Gap {
  /** Stable across runs, so two reports can be compared: `kind:source.schema.table[:category]`. */
  readonly id: string;
  readonly kind: GapKind;
  readonly severity: GapSeverity;
  readonly title: string;
  /** What was found, in a sentence or two. */
  readonly detail: string;
  /** The rule it breaks: the GDPR article, and the policy's own words where they apply. */
  readonly rule: string;
  /** What to do about it. */
  readonly fix: string;
  readonly count: number;
  readonly unit: 'fields' | 'rows' | 'tables' | 'purposes';
  readonly locations: readonly GapLocation[];
  readonly purposes: readonly number[];
  readonly categories: readonly string[];
}

export const GAP_KINDS: Readonly<Record<GapKind, { readonly title: string; readonly severity: GapSeverity }>> = {
  'plaintext-password': { title: 'Passwords stored in plain text', severity: 'high' },
  'retention-overdue': { title: 'Kept longer than the retention period', severity: 'high' },
  'marketing-without-consent': { title: 'Marketing data without a consent record', severity: 'high' },
  'invalid-transfer-safeguard': { title: 'Transfer relies on the invalid EU/US Privacy Shield', severity: 'high' },
  'unlinked': { title: 'Personal data linked to no purpose', severity: 'high' },
  'undeclared-category': { title: 'Data category the purpose does not declare', severity: 'medium' },
  'retention-unchecked': { title: 'Retention could not be checked', severity: 'low' },
  'suggested-links': { title: 'Purposes suggested from names, not declared', severity: 'info' },
  'stale-policy-category': { title: 'Declared category not found in any scanned store', severity: 'info' },
};

/** "1 field", "3 rows". */
export function countText(count: number, unit: Gap['unit']): string {
  return `${count} ${count === 1 ? unit.slice(0, -1) : unit}`;
}

export const SEVERITY_ORDER: readonly GapSeverity[] = ['high', 'medium', 'low', 'info'];

/** Field names that record consent, opt-in or subscription (EN/DA/DE/SV/NO/NL). */
export const CONSENT_FIELD_WORDS: readonly string[] = [
  'consent*', '*consent', 'opt in*', 'optin*', 'opted in*', 'double opt in*', 'doi', 'subscribed*', 'permission*', 'gdpr*',
  'accepts marketing*', 'marketing ok', 'marketing allowed', 'newsletter ok',
  'samtykke*', '*samtykke', 'tilladelse*', 'tilmeldt*', 'einwilligung*', '*einwilligung', 'zustimmung*', 'eingewilligt*',
  'samtycke*', 'toestemming*', 'aangemeld*',
];

/** Marketing flags that say someone is on a list, not that they consented. */
const MARKETING_FLAG_WORDS: readonly string[] = ['newsletter*', '*nyhedsbrev*', 'marketing*', 'mailing*'];

/** Categories whose undeclared presence is a high-severity gap: identity numbers, financial data, birth dates, photos, gender. */
const SENSITIVE_CATEGORIES: ReadonlySet<string> = new Set(['national_id', 'date_of_birth', 'photo', 'gender', 'payment_card', 'bank_account']);

export interface GapInput {
  readonly inventory: Inventory;
  readonly policy: Policy;
  readonly dataMap: readonly DataMapEntry[];
  readonly retention: readonly RetentionCount[];
}

/**
 * Gaps as the CI reporters and `--fail-on` see them: one reference per location, keyed
 * `source/container/field` (or `source/container`) like allow-list entries.
 */
export function toGapRefs(gaps: readonly Gap[]): { kind: GapKind; key: string; message: string }[] {
  return gaps.flatMap((g) => {
    const message = `${g.title}: ${g.detail}`;
    if (g.locations.length === 0) return [{ kind: g.kind, key: g.id, message }];
    return g.locations.map((l) => ({ kind: g.kind, key: `${l.source}/${l.container}${l.field === undefined ? '' : `/${l.field}`}`, message: l.note ? `${message} (${l.note})` : message }));
  });
}

export function refOf(e: Pick<DataMapEntry, 'location'>, withField = true): LocationRef {
  const l = e.location;
  return {
    key: withField ? locationKey(l) : containerKey(l),
    source: l.source,
    sourceKind: l.sourceKind,
    ...(l.schema === undefined ? {} : { schema: l.schema }),
    container: l.container,
    containerType: l.containerType,
    ...(withField ? { field: l.field } : {}),
  };
}

function groupBy<T>(items: readonly T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of items) {
    const k = key(x);
    const list = m.get(k);
    if (list) list.push(x);
    else m.set(k, [x]);
  }
  return m;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const purposeList = (ids: Iterable<number>) => [...ids].map((p) => `${p}`).join(', ');
const uniq = <T>(xs: Iterable<T>): T[] => [...new Set(xs)];

export function computeGaps(input: GapInput): Gap[] {
  const { policy, dataMap } = input;
  const gaps: Gap[] = [];
  const byContainer = groupBy(dataMap, (e) => containerKey(e.location));
  const purposeById = new Map(policy.purposes.map((p) => [p.id, p]));

  // Plaintext passwords (Art. 32)
  for (const [key, entries] of byContainer) {
    const hits = entries.filter((e) => e.categories.some((c) => c.category === 'password' && c.detector === 'password'));
    if (hits.length === 0) continue;
    gaps.push({
      id: `plaintext-password:${key}`,
      kind: 'plaintext-password',
      severity: 'high',
      title: GAP_KINDS['plaintext-password'].title,
      detail: `${plural(hits.length, 'field')} in ${key} hold${hits.length === 1 ? 's' : ''} values that look like passwords in plain text, not password hashes.`,
      rule: 'Art. 32 GDPR (security of processing); Art. 5(1)(f) integrity and confidentiality. The policy promises "login ID and password" as an access measure, which needs passwords stored as salted hashes.',
      fix: 'Store only salted, slow hashes (argon2id, bcrypt, scrypt); rehash at next login and force a reset for accounts that do not log in; remove plaintext copies and backups.',
      count: hits.length,
      unit: 'fields',
      locations: hits.map((e) => refOf(e)),
      purposes: uniq(hits.flatMap((e) => e.purposes.map((p) => p.purpose))).sort((a, b) => a - b),
      categories: ['password'],
    });
  }

  // Retention overdue (Art. 5(1)(e)), counted in the database
  for (const r of input.retention) {
    if (r.status !== 'counted' || r.overdue === 0) continue;
    const key = `${r.source}.${r.container}`;
    const period = formatDuration(r.duration);
    gaps.push({
      id: `retention-overdue:${key}`,
      kind: 'retention-overdue',
      severity: 'high',
      title: GAP_KINDS['retention-overdue'].title,
      detail:
        `${plural(r.overdue, 'row')} of ${key} have ${r.column} before ${r.cutoff.slice(0, 10)}: older than the ${period} of rule "${r.rule.name}" (purpose ${r.rule.purpose}).` +
        (r.columnSource === 'approximate' ? ` The clock starts at ${RETENTION_STARTS[r.start]}; ${r.column} stands in for it, so some rows may still be within the period.` : ''),
      rule: `Art. 5(1)(e) GDPR (storage limitation)${r.rule.legalReference ? `; ${r.rule.legalReference}` : ''}. Policy: keep for ${period} after ${RETENTION_STARTS[r.start]}.`,
      fix: 'Delete or anonymise the overdue rows, and schedule a recurring deletion job for this table.',
      count: r.overdue,
      unit: 'rows',
      locations: [
        {
          key,
          source: r.source,
          sourceKind: r.sourceKind,
          ...(r.schema === undefined ? {} : { schema: r.schema }),
          container: r.container,
          containerType: r.containerType,
          note: `${r.overdue} rows with ${r.column} before ${r.cutoff.slice(0, 10)}`,
        },
      ],
      purposes: r.purposes,
      categories: [],
    });
  }

  // Consent for purposes that need it (Art. 6(1)(a), 7(1))
  const consentPurposes = policy.purposes.filter((p) => p.consentRequired).map((p) => p.id);
  if (consentPurposes.length > 0) {
    const allFieldsByContainer = groupBy(input.inventory.fields, (f: FieldVerdict) => containerKey(f.location));
    const words = [...CONSENT_FIELD_WORDS, ...policy.consentFieldNames];
    for (const [key, entries] of byContainer) {
      const linked = entries.filter((e) => e.purposes.some((p) => consentPurposes.includes(p.purpose)));
      if (linked.length === 0) continue;
      const fields = allFieldsByContainer.get(key) ?? [];
      const hasConsent = fields.some((f) => words.some((w) => matchesPattern(tokenize(f.location.field), w)));
      if (hasConsent) continue;
      const flag = fields.find((f) => MARKETING_FLAG_WORDS.some((w) => matchesPattern(tokenize(f.location.field), w)))?.location.field;
      const purposes = uniq(linked.flatMap((e) => e.purposes.map((p) => p.purpose)).filter((p) => consentPurposes.includes(p))).sort((a, b) => a - b);
      const first = linked[0] as DataMapEntry;
      gaps.push({
        id: `marketing-without-consent:${key}`,
        kind: 'marketing-without-consent',
        severity: 'high',
        title: GAP_KINDS['marketing-without-consent'].title,
        detail:
          `${key} holds personal data for purpose ${purposeList(purposes)} (consent required) but ` +
          (flag === undefined
            ? 'has no consent, opt-in or subscription field to show who consented, when and how.'
            : `only a "${flag}" flag: nothing records that the person consented, when and how.`),
        rule: 'Art. 6(1)(a) and Art. 7(1) GDPR: where processing is based on consent, the controller must be able to demonstrate it. Policy: purpose 8 only "with your consent".',
        fix: 'Record consent per person (when, how, to what wording, source) beside the data, or link the table to a consent log; stop marketing to people without a record.',
        count: linked.length,
        unit: 'fields',
        locations: [{ ...refOf(first, false), note: `${plural(linked.length, 'personal field')}` }],
        purposes,
        categories: uniq(linked.flatMap((e) => (e.category ? [e.category] : []))),
      });
    }
  }

  // Personal data with no purpose (Art. 5(1)(b))
  for (const [key, entries] of byContainer) {
    const unlinked = entries.filter((e) => e.purposes.length === 0);
    if (unlinked.length === 0) continue;
    const declaredNone = unlinked.some((e) => e.linkDeclared);
    gaps.push({
      id: `unlinked:${key}`,
      kind: 'unlinked',
      severity: 'high',
      title: GAP_KINDS['unlinked'].title,
      detail:
        `${plural(unlinked.length, 'personal field')} in ${key} serve${unlinked.length === 1 ? 's' : ''} no purpose of the policy` +
        (declaredNone ? ' (a rule in the policy declares no purpose for them).' : ': no rule links them and their names suggest none.'),
      rule: 'Art. 5(1)(b) GDPR (purpose limitation) and Art. 30(1)(b): personal data must be collected for specified, explicit purposes, recorded in the record of processing.',
      fix: 'Link the table to a purpose in the policy (`links:`), add a purpose that covers it, or delete the data.',
      count: unlinked.length,
      unit: 'fields',
      locations: unlinked.map((e) => refOf(e)),
      purposes: [],
      categories: uniq(unlinked.flatMap((e) => (e.category ? [e.category] : []))),
    });
  }

  // Categories the linked purposes do not declare (Art. 30(1)(c), 13/14, 5(1)(c))
  for (const [key, entries] of byContainer) {
    const byCategory = new Map<string, DataMapEntry[]>();
    for (const e of entries) {
      if (e.purposes.length === 0 || e.category === undefined) continue;
      const declared = e.purposes.some((l) => {
        const p = purposeById.get(l.purpose);
        return p !== undefined && purposeDeclares(policy, p, e.category as string);
      });
      if (declared) continue;
      const list = byCategory.get(e.category);
      if (list) list.push(e);
      else byCategory.set(e.category, [e]);
    }
    for (const [category, hits] of byCategory) {
      const purposes = uniq(hits.flatMap((e) => e.purposes.map((p) => p.purpose))).sort((a, b) => a - b);
      const inPolicy = policyCategoryOf(policy, category);
      gaps.push({
        id: `undeclared-category:${key}:${category}`,
        kind: 'undeclared-category',
        severity: SENSITIVE_CATEGORIES.has(category) ? 'high' : 'medium',
        title: GAP_KINDS['undeclared-category'].title,
        detail:
          `${key} holds ${category} (${plural(hits.length, 'field')}) and serves purpose ${purposeList(purposes)}, ` +
          (inPolicy
            ? `whose categories do not include "${inPolicy.name}".`
            : 'but the policy declares no category that covers it.'),
        rule: 'Art. 30(1)(c) GDPR (the record lists the categories of personal data), Art. 13(1)/14(1) (the privacy notice tells people what is collected) and Art. 5(1)(c) (data minimisation).',
        fix: inPolicy
          ? `Add "${inPolicy.id}" to the purpose's dataCategories if the purpose needs it, or stop collecting it there.`
          : `Delete the ${category} data if no purpose needs it; otherwise add a data category for it to the policy and the privacy notice${category === 'national_id' ? ' (CPR numbers may only be processed as the Danish Data Protection Act § 11 allows)' : ''}.`,
        count: hits.length,
        unit: 'fields',
        locations: hits.map((e) => refOf(e)),
        purposes,
        categories: [category],
      });
    }
  }

  // Transfers on the EU/US Privacy Shield (Schrems II)
  for (const transfer of policy.transfers) {
    if (!transfer.safeguards.includes('eu-us-privacy-shield')) continue;
    const purposes = policy.purposes.filter((p) => p.transfers === undefined || p.transfers.includes(transfer.id)).map((p) => p.id);
    const affected = dataMap.filter((e) => e.purposes.some((l) => purposes.includes(l.purpose)));
    const containers = groupBy(affected, (e) => containerKey(e.location));
    const viaProcessor = policy.processor?.transfers.includes(transfer.id) === true;
    gaps.push({
      id: `invalid-transfer-safeguard:${transfer.id}`,
      kind: 'invalid-transfer-safeguard',
      severity: 'high',
      title: GAP_KINDS['invalid-transfer-safeguard'].title,
      detail:
        `Transfer "${transfer.id}" (${transfer.countries.join(', ')}) names the EU/US Privacy Shield as a safeguard. It covers purposes ${purposeList(purposes)}` +
        `${viaProcessor ? ' and the processing done as a processor' : ''}: ${plural(containers.size, 'table or file', 'tables or files')} with personal data.`,
      rule: 'Art. 44–46 GDPR. The CJEU invalidated the Privacy Shield (Decision 2016/1250) on 16 July 2020 in case C-311/18 ("Schrems II"); it cannot be relied on for any transfer.',
      fix: 'For certified US recipients rely on the EU-US Data Privacy Framework (Commission adequacy decision of 10 July 2023); otherwise use the 2021 standard contractual clauses with a transfer impact assessment. Update the policy text and the data processing agreements.',
      count: containers.size,
      unit: 'tables',
      locations: [...containers.values()].map((list) => refOf(list[0] as DataMapEntry, false)),
      purposes,
      categories: [],
    });
  }

  // Retention that could not be checked
  const unchecked = input.retention.filter((r) => r.status !== 'counted');
  if (unchecked.length > 0) {
    gaps.push({
      id: 'retention-unchecked',
      kind: 'retention-unchecked',
      severity: 'low',
      title: GAP_KINDS['retention-unchecked'].title,
      detail: `${plural(unchecked.length, 'table')} fall${unchecked.length === 1 ? 's' : ''} under a retention period but could not be counted.`,
      rule: 'Art. 5(1)(e) GDPR (storage limitation); Art. 5(2) accountability: be able to show that the periods are kept.',
      fix: 'Name the date column in the policy (`dateColumns`), or check these tables by hand.',
      count: unchecked.length,
      unit: 'tables',
      locations: unchecked.map((r) => ({
        key: `${r.source}.${r.container}`,
        source: r.source,
        sourceKind: r.sourceKind,
        ...(r.schema === undefined ? {} : { schema: r.schema }),
        container: r.container,
        containerType: r.containerType,
        note: 'message' in r ? r.message : '',
      })),
      purposes: uniq(unchecked.flatMap((r) => r.purposes)).sort((a, b) => a - b),
      categories: [],
    });
  }

  // Links that are only suggestions
  const suggestedOnly = [...byContainer.entries()].filter(([, es]) => es.some((e) => e.purposes.length > 0) && es.every((e) => !e.linkDeclared));
  if (suggestedOnly.length > 0) {
    gaps.push({
      id: 'suggested-links',
      kind: 'suggested-links',
      severity: 'info',
      title: GAP_KINDS['suggested-links'].title,
      detail: `${plural(suggestedOnly.length, 'table or file', 'tables and files')} are linked to purposes only by pdmap's suggestions from their names.`,
      rule: 'Art. 30(1)(b) GDPR and Art. 5(2) accountability: the controller, not a tool, decides which purposes data serves.',
      fix: 'Confirm or correct each link with a rule in the policy (`links:`); declared links replace the suggestions.',
      count: suggestedOnly.length,
      unit: 'tables',
      locations: suggestedOnly.map(([, es]) => ({
        ...refOf(es[0] as DataMapEntry, false),
        note: `suggested: ${uniq(es.flatMap((e) => e.purposes.map((p) => p.purpose))).sort((a, b) => a - b).join(', ')}`,
      })),
      purposes: uniq(suggestedOnly.flatMap(([, es]) => es.flatMap((e) => e.purposes.map((p) => p.purpose)))).sort((a, b) => a - b),
      categories: [],
    });
  }

  // Declared categories that no store holds (a stale policy), as information
  const found = new Set(dataMap.flatMap((e) => e.categories.map((c) => c.category)));
  for (const dc of policy.dataCategories) {
    const purposes = policy.purposes.filter((p) => p.dataCategories.includes(dc.id)).map((p) => p.id);
    if (purposes.length === 0) continue;
    if ([...found].some((c) => dc.pdmapCategories.some((pc) => categoryCovered(pc, c)))) continue;
    gaps.push({
      id: `stale-policy-category:${dc.id}`,
      kind: 'stale-policy-category',
      severity: 'info',
      title: GAP_KINDS['stale-policy-category'].title,
      detail: `The policy declares "${dc.name}" for purpose ${purposeList(purposes)}, but no scanned table or file holds ${dc.pdmapCategories.join(', ')}.`,
      rule: 'Art. 5(1)(a) transparency and Art. 30(1)(c): the record and the privacy notice should describe what is actually processed.',
      fix: 'Scan the stores that hold it (if any are missing from the scan), or remove the category from the policy.',
      count: purposes.length,
      unit: 'purposes',
      locations: [],
      purposes,
      categories: [...dc.pdmapCategories],
    });
  }

  const rank = (g: Gap) => SEVERITY_ORDER.indexOf(g.severity);
  const kinds = Object.keys(GAP_KINDS);
  return gaps.sort((a, b) => rank(a) - rank(b) || kinds.indexOf(a.kind) - kinds.indexOf(b.kind) || a.id.localeCompare(b.id));
}

/** Does the purpose declare a data category that covers this pdmap category? */
export function purposeDeclares(policy: Policy, purpose: Purpose, category: string): boolean {
  return purpose.dataCategories.some((id) => policy.dataCategories.find((d) => d.id === id)?.pdmapCategories.some((pc) => categoryCovered(pc, category)) === true);
}
