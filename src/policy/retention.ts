import type { Connector } from '../connectors/connector.js';
import { createConnector } from '../connectors/index.js';
import { sourceDisplayName, type SourceConfig } from '../sources.js';
import { matchesPattern, tokenize } from '../engine/field-name.js';
import { describeError } from '../errors.js';
import type { Container, FieldVerdict, Inventory, Location, SourceKind } from '../types.js';
import { containerKey, containerName, globMatch, linkLocation } from './link.js';
import type { Duration, Policy, RetentionRule, RetentionStart } from './schema.js';

/**
 * Retention checks: for each table whose purposes set a retention period, count the rows older
 * than the period IN THE DATABASE (`SELECT COUNT(*) … WHERE date_col < cutoff`), never fetching rows.
 *
 *   planRetentionChecks(inventory, policy, now)   pure: which table, which date column, which cutoff
 *   runRetentionChecks(plan, connectors)          the counting, through Connector.countOlder
 *   buildRecord(inventory, policy, counts)        turns overdue counts into gaps
 */

export interface RetentionCheck {
  readonly source: string;
  readonly sourceKind: SourceKind;
  readonly database?: string;
  readonly schema?: string;
  /** Container id (`schema.table`). */
  readonly container: string;
  readonly containerType: Location['containerType'];
  /** The table's own name. */
  readonly name: string;
  /** The rule that sets the longest period of those that apply: data may be kept while any purpose needs it. */
  readonly rule: { readonly purpose: number; readonly id: string; readonly name: string; readonly legalReference?: string };
  readonly purposes: readonly number[];
  readonly duration: Duration;
  readonly start: RetentionStart;
  readonly cutoff: string;
  readonly column?: string;
  /** configured: named in the policy's `dateColumns`; detected: a name that fits the rule's start; approximate: a creation date standing in for another event. */
  readonly columnSource?: 'configured' | 'detected' | 'approximate';
}

export type RetentionCount = RetentionCheck &
  (
    | { readonly status: 'counted'; readonly overdue: number }
    /** planned: not counted (a report built from an inventory file, without the sources). */
    | { readonly status: 'planned' | 'no-date-column' | 'unsupported' | 'error'; readonly message: string }
  );

/** Date-column names by the event that starts the clock, most telling first. */
const START_COLUMNS: Readonly<Record<RetentionStart, readonly string[]>> = {
  created: [],
  last_interaction: [
    'last interaction*', 'last activity*', 'last active*', 'last contact*', 'last order*', 'last seen*', 'last login*',
    'latest*', 'senest*', 'sidst*', 'seneste*', 'letzte*', 'zuletzt*',
    'updated*', 'modified*', 'changed*', 'last update*', 'opdateret*', 'aendret*', 'geaendert*', 'aktualisiert*',
  ],
  delivery: ['deliver*', 'shipped*', 'ship date*', 'dispatched*', 'leveret*', 'levering*', 'leveringsdato*', 'afsendt*', 'liefer*', 'versand*', 'geliefert*'],
  end_of_contract: ['contract end*', 'end date*', 'ends at', 'ended*', 'terminated*', 'ophoer*', 'slutdato*', 'vertragsende*'],
  end_of_financial_year: [],
  account_closed: ['closed*', 'deactivated*', 'deleted*', 'lukket*', 'slettet*', 'geschlossen*', 'geloescht*'],
  consent_withdrawn: ['unsubscribed*', 'opted out*', 'opt out*', 'optout*', 'withdrawn*', 'revoked*', 'afmeldt*', 'frameldt*', 'abgemeldet*', 'widerruf*'],
};

/** When the event's own column is missing, a creation date is a fair (conservative for most) stand-in. */
const FALLS_BACK_TO_CREATED: ReadonlySet<RetentionStart> = new Set(['last_interaction', 'delivery', 'end_of_financial_year']);

const CREATED_COLUMNS: readonly string[] = [
  'created*', 'creation*', 'create date', 'inserted*', 'registered*', 'oprettet*', 'oprettelse*', 'erstellt*', 'angelegt*', 'erfasst*',
  'order date', 'invoice date', 'quote date', 'offer date', 'ordredato', 'ordre dato', 'fakturadato', 'faktura dato', 'tilbudsdato',
  'bestelldatum', 'rechnungsdatum', 'angebotsdatum', 'issued*', 'booked*', 'placed*', 'received*', 'submitted*', 'sent*',
  'reported*', 'opened*', 'logged*', 'modtaget*', 'indberettet*', 'gemeldet*',
  'date', 'dato', 'datum', 'timestamp', 'ts', '*date', '*dato', '*datum',
];

/** Dates that are about the person or the future, never the record's age. */
const NOT_A_RECORD_DATE: readonly string[] = [
  'birth*', '*foedsel*', 'geburt*', 'dob', 'hire*', 'hired*', 'ansat*', 'ansaettelse*', 'einstell*', 'due*', 'expir*', 'valid*',
  'forfald*', 'faellig*', 'deadline*', 'udloeb*', 'birthday',
];

const NOT_A_DATE_TYPE = /^(?:bool|boolean|bit|tinyint\(1\)|blob|bytea|json|jsonb|uuid)$/i;
const DATE_TYPE = /date|time/i;

/** Words that make a column name read as a point in time (`shipped_at`, `ordredato`, `created`). */
const DATE_WORDS: ReadonlySet<string> = new Set([
  'date', 'dato', 'datum', 'at', 'on', 'time', 'timestamp', 'ts', 'dt', 'tid', 'tidspunkt', 'zeit', 'zeitpunkt', 'day', 'dag', 'tag', 'when',
  'created', 'updated', 'modified', 'changed', 'deleted', 'closed', 'registered', 'inserted', 'delivered', 'shipped', 'dispatched',
  'booked', 'placed', 'issued', 'received', 'submitted', 'sent', 'reported', 'opened', 'logged', 'unsubscribed', 'withdrawn', 'revoked', 'terminated', 'ended', 'deactivated',
  'oprettet', 'opdateret', 'aendret', 'slettet', 'lukket', 'leveret', 'afsendt', 'afmeldt', 'frameldt',
  'erstellt', 'angelegt', 'erfasst', 'geaendert', 'aktualisiert', 'geloescht', 'geliefert', 'versandt', 'abgemeldet',
]);

function looksLikeDate(f: FieldVerdict): boolean {
  if (f.dataType !== undefined && DATE_TYPE.test(f.dataType)) return true;
  // `delivery_id` and `delivery_street` start like `delivered`, but name no point in time.
  return tokenize(f.location.field).some((t) => DATE_WORDS.has(t) || t.endsWith('dato') || t.endsWith('datum') || (t.endsWith('date') && t !== 'candidate'));
}

/** Picks the date column for a rule's start among a table's fields. */
export function detectDateColumn(
  fields: readonly FieldVerdict[],
  start: RetentionStart,
): { column: string; source: 'detected' | 'approximate' } | undefined {
  const candidates = fields.filter((f) => {
    if (f.dataType !== undefined && NOT_A_DATE_TYPE.test(f.dataType)) return false;
    if (f.categories.some((c) => c.category === 'date_of_birth' || c.category === 'hire_date_or_employment')) return false;
    const tokens = tokenize(f.location.field);
    return looksLikeDate(f) && !NOT_A_RECORD_DATE.some((w) => matchesPattern(tokens, w));
  });
  const pick = (patterns: readonly string[]): string | undefined => {
    for (const pattern of patterns) {
      const hits = candidates.filter((f) => matchesPattern(tokenize(f.location.field), pattern));
      // Of equally named columns, prefer one the store types as a date.
      const best = hits.find((f) => f.dataType !== undefined && DATE_TYPE.test(f.dataType)) ?? hits[0];
      if (best) return best.location.field;
    }
    return undefined;
  };
  const own = pick(START_COLUMNS[start]);
  if (own !== undefined) return { column: own, source: 'detected' };
  if (start !== 'created' && !FALLS_BACK_TO_CREATED.has(start)) return undefined;
  const created = pick(CREATED_COLUMNS);
  if (created !== undefined) return { column: created, source: start === 'created' ? 'detected' : 'approximate' };
  // Last resort: the only column the store types as a date.
  const typed = candidates.filter((f) => f.dataType !== undefined && DATE_TYPE.test(f.dataType));
  if (typed.length === 1 && typed[0]) return { column: typed[0].location.field, source: start === 'created' ? 'detected' : 'approximate' };
  return undefined;
}

/** Roughly in days, only to compare periods. */
export function durationDays(d: Duration): number {
  return (d.years ?? 0) * 365.25 + (d.months ?? 0) * 30.44 + (d.weeks ?? 0) * 7 + (d.days ?? 0);
}

/** `now` minus the period, in calendar terms (UTC). */
export function cutoffDate(now: Date, d: Duration): Date {
  const c = new Date(now.getTime());
  c.setUTCFullYear(c.getUTCFullYear() - (d.years ?? 0));
  c.setUTCMonth(c.getUTCMonth() - (d.months ?? 0));
  c.setUTCDate(c.getUTCDate() - 7 * (d.weeks ?? 0) - (d.days ?? 0));
  return c;
}

export function formatDuration(d: Duration | null): string {
  if (d === null) return 'no fixed period';
  const parts: string[] = [];
  const unit = (n: number | undefined, one: string) => {
    if (n) parts.push(`${n} ${one}${n === 1 ? '' : 's'}`);
  };
  unit(d.years, 'year');
  unit(d.months, 'month');
  unit(d.weeks, 'week');
  unit(d.days, 'day');
  return parts.join(' ');
}

/** Does a retention rule cover this table or file? */
export function ruleAppliesTo(rule: RetentionRule, location: Pick<Location, 'container' | 'schema' | 'sourceKind'>): boolean {
  if (rule.appliesTo.length === 0) return true;
  const name = containerName(location);
  const tokens = tokenize(location.sourceKind === 'files' ? name.replace(/\.[a-z0-9]+$/i, '') : name);
  return rule.appliesTo.some((p) => matchesPattern(tokens, p));
}

interface ApplicableRule {
  readonly purpose: number;
  readonly rule: RetentionRule;
}

/** The rules that apply to a table given the purposes its personal fields are linked to. */
export function applicableRules(policy: Policy, purposes: Iterable<number>, location: Pick<Location, 'container' | 'schema' | 'sourceKind'>): ApplicableRule[] {
  const out: ApplicableRule[] = [];
  for (const id of purposes) {
    const purpose = policy.purposes.find((p) => p.id === id);
    for (const rule of purpose?.retention ?? []) if (ruleAppliesTo(rule, location)) out.push({ purpose: id, rule });
  }
  return out;
}

/**
 * Which tables to count, on which column, against which cutoff. A table is checked when its
 * personal fields serve purposes with a retention period that applies to it; the longest such
 * period wins, and a rule without a period ("as long as necessary") means no time limit to check.
 */
export function planRetentionChecks(inventory: Inventory, policy: Policy, now: Date = new Date()): RetentionCount[] {
  const byContainer = new Map<string, FieldVerdict[]>();
  for (const f of inventory.fields) {
    const key = containerKey(f.location);
    const list = byContainer.get(key);
    if (list) list.push(f);
    else byContainer.set(key, [f]);
  }
  const plan: RetentionCount[] = [];
  for (const [key, fields] of byContainer) {
    const personal = fields.filter((f) => f.personal);
    const first = fields[0];
    if (!first || personal.length === 0) continue;
    const purposes = new Set<number>();
    const siblings = fields.map((f) => f.location.field);
    for (const f of personal) for (const l of linkLocation(f.location, policy, siblings).links) purposes.add(l.purpose);
    // Only periods after which data must go (delete, anonymise) can be overdue; a marketing
    // opt-out stops the processing but may keep the address on a suppression list.
    const ending = applicableRules(policy, purposes, first.location).filter((r) => r.rule.end === 'delete' || r.rule.end === 'anonymise');
    // A rule that names the table (`appliesTo`) speaks for it over a purpose's general rule:
    // guarantee cases follow the guarantee period, not support's "as long as necessary".
    const specific = ending.filter((r) => r.rule.appliesTo.length > 0);
    const rules = specific.length > 0 ? specific : ending;
    if (rules.length === 0 || rules.some((r) => r.rule.duration === null)) continue;
    const longest = rules.reduce((a, b) => (durationDays(b.rule.duration as Duration) > durationDays(a.rule.duration as Duration) ? b : a));
    const duration = longest.rule.duration as Duration;
    const loc = first.location;
    const configured = policy.dateColumns.find((d) => globMatch(d.match, key));
    const detected = configured ? undefined : detectDateColumn(fields, longest.rule.start);
    const base = {
      source: loc.source,
      sourceKind: loc.sourceKind,
      ...(loc.database === undefined ? {} : { database: loc.database }),
      ...(loc.schema === undefined ? {} : { schema: loc.schema }),
      container: loc.container,
      containerType: loc.containerType,
      name: containerName(loc),
      rule: {
        purpose: longest.purpose,
        id: longest.rule.id,
        name: longest.rule.name,
        ...(longest.rule.legalReference === undefined ? {} : { legalReference: longest.rule.legalReference }),
      },
      purposes: [...purposes].sort((a, b) => a - b),
      duration,
      start: longest.rule.start,
      cutoff: cutoffDate(now, duration).toISOString(),
    };
    if (configured) plan.push({ ...base, column: configured.column, columnSource: 'configured', status: 'planned', message: 'not counted: the report was built without access to the source' });
    else if (detected) plan.push({ ...base, column: detected.column, columnSource: detected.source, status: 'planned', message: 'not counted: the report was built without access to the source' });
    else plan.push({ ...base, status: 'no-date-column', message: `no date column for "${longest.rule.start}" found; name one in the policy's dateColumns` });
  }
  return plan;
}

/**
 * The plan with the counts made earlier put back: each check takes the outcome a scan recorded
 * for the same table, rule and column (`pdmap merge` reads them from each shard's record.json).
 * Checks no scan counted stay as planned.
 */
export function withEarlierCounts(plan: readonly RetentionCount[], earlier: readonly RetentionCount[]): RetentionCount[] {
  const key = (c: RetentionCount): string => JSON.stringify([c.source, c.container, c.rule.purpose, c.rule.id, c.column ?? null]);
  const counted = new Map(earlier.filter((c) => c.status !== 'planned').map((c) => [key(c), c]));
  return plan.map((c) => counted.get(key(c)) ?? c);
}

/**
 * Counts the overdue rows of each planned check through the source's connector. Sources whose
 * connector cannot count (files) are reported as `unsupported`; a failing count is an `error`
 * that does not stop the others.
 */
export async function runRetentionChecks(
  plan: readonly RetentionCount[],
  connectors: readonly Connector[],
  options: { signal?: AbortSignal } = {},
): Promise<RetentionCount[]> {
  const byName = new Map(connectors.map((c) => [c.name, c]));
  const out: RetentionCount[] = [];
  for (const check of plan) {
    if (check.column === undefined) {
      out.push(check);
      continue;
    }
    const connector = byName.get(check.source);
    if (check.containerType === 'file' || check.sourceKind === 'files' || (connector && !connector.countOlder)) {
      out.push({ ...withoutStatus(check), status: 'unsupported', message: `${check.sourceKind} sources cannot count rows by date; check this one by hand` });
      continue;
    }
    if (!connector?.countOlder) {
      out.push({ ...withoutStatus(check), status: 'error', message: 'the source could not be opened to count rows' });
      continue;
    }
    const container: Container = {
      id: check.container,
      type: check.containerType,
      name: check.name,
      ...(check.database === undefined ? {} : { database: check.database }),
      ...(check.schema === undefined ? {} : { schema: check.schema }),
      fields: [],
    };
    try {
      const overdue = await connector.countOlder(container, check.column, new Date(check.cutoff), options.signal);
      out.push({ ...withoutStatus(check), status: 'counted', overdue });
    } catch (err) {
      out.push({ ...withoutStatus(check), status: 'error', message: describeError(err).message });
    }
  }
  return out;
}

function withoutStatus(c: RetentionCount): RetentionCheck {
  const { status: _s, ...rest } = c as RetentionCheck & { status: unknown; message?: unknown; overdue?: unknown };
  const { message: _m, overdue: _o, ...check } = rest;
  return check;
}

/**
 * Plans the checks and counts them on the scanned sources: opens a connector only for sources
 * that have something to count, and closes it after. Never throws for a failing source: its
 * checks come back as `error`.
 */
export async function checkRetention(
  inventory: Inventory,
  policy: Policy,
  sources: readonly SourceConfig[],
  options: { now?: Date; signal?: AbortSignal } = {},
): Promise<RetentionCount[]> {
  const plan = planRetentionChecks(inventory, policy, options.now ?? new Date());
  const needed = new Set(plan.filter((c) => c.column !== undefined && c.sourceKind !== 'files').map((c) => c.source));
  const connectors: Connector[] = [];
  for (const source of sources) {
    if (source.kind === 'files' || !needed.has(sourceDisplayName(source))) continue;
    try {
      connectors.push(createConnector(source));
    } catch {
      // Reported per check below as unsupported: the scan itself already said why the source failed.
    }
  }
  try {
    return await runRetentionChecks(plan, connectors, options.signal ? { signal: options.signal } : {});
  } finally {
    await Promise.all(connectors.map((c) => c.close().catch(() => undefined)));
  }
}
