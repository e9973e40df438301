import picomatch from 'picomatch';
import { matchesPattern, tokenize } from '../engine/field-name.js';
import type { Location } from '../types.js';
import type { LinkRule, Policy } from './schema.js';

/**
 * Linking: which purposes of the policy each location serves. A user's rule in the policy
 * (`links`) is *declared*; where no rule speaks, pdmap *suggests* purposes from the names of the
 * table, file and field. Reports keep the two apart: a suggestion is a question to the DPO, not an answer.
 */

export type LinkKind = 'declared' | 'suggested';

export interface PurposeLink {
  readonly purpose: number;
  readonly kind: LinkKind;
  /** Why: the rule (`rule *.public.orders.*`) or the name that suggested it (`name "orders"`). */
  readonly because: string;
}

/** `source.schema.table.column` for databases, `source.path.field` for files. */
export function locationKey(location: Pick<Location, 'source' | 'container' | 'field'>): string {
  return `${location.source}.${location.container}.${location.field}`;
}

/** `source.schema.table` for databases, `source.path` for files. */
export function containerKey(location: Pick<Location, 'source' | 'container'>): string {
  return `${location.source}.${location.container}`;
}

/** The table's own name (container id without its schema), or the file path. */
export function containerName(location: Pick<Location, 'container' | 'schema'>): string {
  const { container, schema } = location;
  return schema !== undefined && container.startsWith(`${schema}.`) ? container.slice(schema.length + 1) : container;
}

/**
 * Glob match, case-insensitive: `*` is any run of characters (dots and slashes too), `?` one
 * character. Iterative with one backtrack point, so it runs in O(pattern × text) at worst and
 * cannot blow up on hostile names the way a generated regex could.
 */
export function globMatch(pattern: string, text: string): boolean {
  const p = pattern.toLowerCase();
  const t = text.toLowerCase();
  let pi = 0;
  let ti = 0;
  let star = -1;
  let mark = 0;
  while (ti < t.length) {
    if (pi < p.length && (p[pi] === '?' || p[pi] === t[ti])) {
      pi++;
      ti++;
    } else if (pi < p.length && p[pi] === '*') {
      star = pi++;
      mark = ti;
    } else if (star >= 0) {
      pi = star + 1;
      ti = ++mark;
    } else {
      return false;
    }
  }
  while (pi < p.length && p[pi] === '*') pi++;
  return pi === p.length;
}

/** Does a declared rule cover this location? */
export function ruleMatches(rule: LinkRule, location: Location): boolean {
  if (rule.match !== undefined) return globMatch(rule.match, locationKey(location));
  if (rule.path === undefined || location.sourceKind !== 'files') return false;
  if (!picomatch.isMatch(location.container, rule.path, { dot: true, nocase: true })) return false;
  return rule.field === undefined || globMatch(rule.field, location.field);
}

interface Suggestion {
  readonly words: readonly string[];
  readonly purposes: readonly number[];
}

/**
 * Names of tables and files that suggest a purpose of the default policy. Patterns use the
 * field-name syntax: `order*` matches orders/order_lines, `*ordre*` matches kundeordrer.
 * English, Danish, German, Swedish/Norwegian and Dutch words; purposes as numbered in the seed policy.
 */
export const CONTAINER_SUGGESTIONS: readonly Suggestion[] = [
  // 1 and 6: quotes are offers (1) and part of the financial follow-up (6)
  { words: ['quote*', 'quotation*', 'offer*', 'proposal*', 'estimate*', '*tilbud*', 'angebot*', 'offert*', 'offerte*'], purposes: [1, 6] },
  // 6: orders, invoices, payments, bookkeeping
  {
    words: [
      'order*', 'purchase*', 'sales order*', 'invoice*', 'payment*', 'billing', 'credit note*', 'receipt*', 'transaction*', 'ledger*',
      'accounting', 'subscription*',
      '*ordre*', '*faktura*', '*betaling*', '*kreditnota*', 'kvittering*', 'bogfoering*', 'regnskab*', 'salg',
      'bestellung*', 'auftrag*', 'auftraege', 'rechnung*', 'zahlung*', 'gutschrift*', 'buchhaltung*',
      'bestallning*', 'betalning*', 'bestelling*', 'factuur*', 'facturen',
    ],
    purposes: [6],
  },
  // 3 and 5: deliveries, and the communication about them
  {
    words: [
      'shipment*', 'shipping', 'deliver*', 'dispatch*', 'consignment*', 'freight', 'parcel*', 'tracking',
      '*levering*', 'forsendelse*', 'fragt*', 'lieferung*', 'liefer*', 'versand*', 'sendung*', 'leverans*', 'zending*',
    ],
    purposes: [3, 5],
  },
  // 3: guarantee and warranty cases follow a delivery
  { words: ['warrant*', 'guarantee*', 'garanti*', 'reklamation*', 'gewaehrleistung*', 'rma'], purposes: [3, 4] },
  // 4: support
  {
    words: [
      'ticket*', 'support*', 'helpdesk*', 'feedback*', 'complaint*', 'enquir*', 'inquir*', 'case*', 'incident*', 'review*', 'comment*',
      'henvendelse*', 'sag', 'sager', 'klage*', 'kommentar*', 'anfrage*', 'beschwerde*', 'rueckmeldung*', 'aerende*', 'klacht*',
    ],
    purposes: [4],
  },
  // 7: access to the web-based solutions
  {
    words: [
      'user*', 'login*', 'logon*', 'signin*', 'session*', 'account*', 'credential*', 'auth*', 'password*', 'member*', 'portal*',
      'bruger*', 'konto*', 'adgang*', 'benutzer*', 'anmeldung*', 'zugang*', 'anvandare*', 'brukere', 'gebruiker*', 'access log*',
    ],
    purposes: [7],
  },
  // 8: marketing with consent
  {
    words: [
      'newsletter*', 'campaign*', 'marketing*', 'consent*', 'subscriber*', 'mailing*', 'mailinglist*', 'promotion*', 'unsubscribe*', 'opt in*', 'optin*',
      'nyhedsbrev*', 'kampagne*', 'samtykke*', 'abonnent*', 'tilmeld*', 'afmeld*', 'markedsfoering*',
      'einwilligung*', 'werbung*', 'werbe*', 'nieuwsbrief*', 'nyhetsbrev*', 'samtycke*',
    ],
    purposes: [8],
  },
  // 1 and 8: leads are potential customers, often from marketing
  { words: ['lead*', 'prospect*', 'interessent*'], purposes: [1, 8] },
  // 1 and 5: the customer relationship itself
  {
    words: [
      'customer*', 'client*', 'contact*', 'partner*', 'compan*', 'organisation*', 'organization*', 'crm', 'debtor*', 'buyer*',
      'kunde*', 'kontakt*', 'firma*', 'virksomhed*', 'debitor*', 'kund*', 'ansprechpartner*', 'klant*', 'relation*',
    ],
    purposes: [1, 5],
  },
  // 2: interests and related products
  { words: ['interest*', 'preference*', 'recommendation*', 'cross sell*', 'upsell*', 'interesse*', 'praeferenz*', 'praeferencer'], purposes: [2] },
];

/** Field names that add a purpose whatever the table is called (`password` in `customers` is purpose 7). */
export const FIELD_SUGGESTIONS: readonly Suggestion[] = [
  { words: ['password*', 'passwd', 'pwd', 'login*', 'username', 'user name', 'adgangskode*', 'kodeord*', 'passwort*', 'kennwort*', 'brugernavn*', 'benutzername*'], purposes: [7] },
  { words: ['newsletter*', 'marketing*', 'nyhedsbrev*', 'campaign*', 'kampagne*', 'werbung*'], purposes: [8] },
  { words: ['invoice*', 'billing', '*faktura*', 'rechnung*'], purposes: [6] },
  { words: ['delivery*', 'shipping', '*levering*', 'liefer*'], purposes: [3] },
];

/**
 * Fields that say what a whole table is used for: a `marketing_consent` or `newsletter` flag beside
 * a contact's data means the contact is used for marketing (8); `interests` means presenting
 * related products (2). Their sibling personal fields serve that purpose too.
 */
export const SIBLING_FIELD_SUGGESTIONS: readonly Suggestion[] = [
  { words: ['interests', 'interest', 'preferences', 'interesser', 'interessen', 'praeferencer', 'praeferenzen', 'product interest*'], purposes: [2] },
  {
    words: ['newsletter*', 'marketing consent*', 'marketing opt*', 'marketing permission*', 'consent newsletter*', 'nyhedsbrev*', 'opt in*', 'optin*', 'samtykke*', 'einwilligung*', 'werbe*'],
    purposes: [8],
  },
];

/** Tokens of a table name, or of a file's whole relative path without its extension. */
function nameTokens(location: Location): string[] {
  const name = containerName(location);
  if (location.sourceKind === 'files') return tokenize(name.replace(/\.[a-z0-9]+$/i, ''));
  return tokenize(name);
}

function suggestFrom(tokens: readonly string[], table: readonly Suggestion[], what: string, purposes: Map<number, string>): void {
  for (const s of table) {
    const word = s.words.find((w) => matchesPattern(tokens, w));
    if (word === undefined) continue;
    for (const p of s.purposes) if (!purposes.has(p)) purposes.set(p, `${what} matches "${word}"`);
  }
}

/**
 * Purposes suggested by names alone, for purposes that exist in the policy: the table or file
 * name, the field's own name, and the names of the other fields in the same table (`siblings`).
 */
export function suggestPurposes(location: Location, policyPurposes: ReadonlySet<number>, siblings: readonly string[] = []): PurposeLink[] {
  const found = new Map<number, string>();
  suggestFrom(nameTokens(location), CONTAINER_SUGGESTIONS, location.sourceKind === 'files' ? 'file name' : 'table name', found);
  suggestFrom(tokenize(location.field), FIELD_SUGGESTIONS, 'field name', found);
  for (const sibling of siblings) suggestFrom(tokenize(sibling), SIBLING_FIELD_SUGGESTIONS, `field "${sibling}" in the same table`, found);
  return [...found.entries()]
    .filter(([p]) => policyPurposes.has(p))
    .sort(([a], [b]) => a - b)
    .map(([purpose, because]) => ({ purpose, kind: 'suggested' as const, because }));
}

export interface LinkResult {
  readonly links: readonly PurposeLink[];
  /** A declared rule covered the location (even one that declares no purpose). */
  readonly declared: boolean;
}

/**
 * The purposes a location serves: declared rules when any match, suggestions otherwise.
 * `siblings` are the names of all fields in the same table or file (for suggestions).
 */
export function linkLocation(location: Location, policy: Policy, siblings: readonly string[] = []): LinkResult {
  const matching = policy.links.filter((r) => ruleMatches(r, location));
  if (matching.length > 0) {
    const byPurpose = new Map<number, string>();
    for (const r of matching) {
      for (const p of r.purposes) if (!byPurpose.has(p)) byPurpose.set(p, `rule ${r.match ?? `path ${r.path}${r.field ? ` field ${r.field}` : ''}`}`);
    }
    const links = [...byPurpose.entries()].sort(([a], [b]) => a - b).map(([purpose, because]) => ({ purpose, kind: 'declared' as const, because }));
    return { links, declared: true };
  }
  return { links: suggestPurposes(location, new Set(policy.purposes.map((p) => p.id)), siblings), declared: false };
}
