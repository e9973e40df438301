import type { Container } from '../types.js';
import { personContextFromNames } from './context.js';
import { matchesPattern, tokenize } from './field-name.js';

/**
 * Lookup tables that hold part of a person's record (labelling rule 9): Sakila's `address`,
 * `city` and `country` are reached from `customer.address_id` → `address.city_id` →
 * `city.country_id`; HR's `jobs` from `employees.job_id`. Such a table is about people even
 * though its own name and columns do not say so. It is found through declared foreign keys
 * (`Container.meta.foreignKeys`) and, where none are declared, through `<table>_id` columns.
 * Only references that name a part of an address or of a job count: a person table pointing at
 * `stores` or `products` does not make those about people.
 */

const LOOKUP_WORDS: readonly string[] = [
  'address*', 'addr', 'adresse*', 'anschrift*', 'adress*', 'location*', 'city', 'cities', 'town*', 'country', 'countries',
  'countryregion*', 'region*', 'state*', 'province*', 'district*', 'county', 'counties', 'postal*', 'zip*', 'postcode*',
  'postnr*', 'postnummer*', 'postort*', 'ort', 'orte', 'stadt', 'staedte', 'land', 'laender', 'by', 'byer', 'kommune*',
  'ville*', 'pays', 'ciudad*', 'pais*', 'provincia*', 'job', 'jobs', 'title', 'titles', 'position*', 'occupation*',
  'stilling*', 'beruf*', 'jobtitle*',
];

export interface ForeignKey {
  /** Referencing field in this container. */
  readonly field: string;
  /** Referenced container id (`schema.table`). */
  readonly references: string;
}

/** Containers that inherit person context through references from tables about people. */
export function lookupsOfPeople(containers: readonly Container[]): Set<string> {
  const byKey = new Map<string, Container>();
  for (const c of containers) if (c.type !== 'file') byKey.set(lookupKey(c.schema, c.name), c);
  const byId = new Map(containers.map((c) => [c.id, c]));

  const inherited = new Set<string>();
  let frontier = containers.filter((c) => c.type !== 'file' && !isJoinTable(c) && personContextFromNames(c.name, c.fields.map((f) => f.name)));
  // Address → city → country is three steps; more would reach tables that only share a key.
  for (let depth = 0; depth < 3 && frontier.length > 0; depth++) {
    const next: Container[] = [];
    for (const c of frontier) {
      for (const target of referencedLookups(c, byKey, byId)) {
        if (inherited.has(target.id) || target.id === c.id) continue;
        inherited.add(target.id);
        next.push(target);
      }
    }
    frontier = next;
  }
  return inherited;
}

function referencedLookups(c: Container, byKey: Map<string, Container>, byId: Map<string, Container>): Container[] {
  const out: Container[] = [];
  const declared = (c.meta?.['foreignKeys'] as readonly ForeignKey[] | undefined) ?? [];
  for (const fk of declared) {
    const target = byId.get(fk.references);
    if (target && (isLookupName(tokenize(fk.field)) || isLookupName(tokenize(target.name)))) out.push(target);
  }
  for (const f of c.fields) {
    const tokens = tokenize(f.name);
    if (tokens.length < 2 || tokens.at(-1) !== 'id') continue;
    const stem = tokens.slice(0, -1);
    if (!isLookupName(stem)) continue;
    const target =
      byKey.get(lookupKey(c.schema, stem.join(''))) ?? byKey.get(lookupKey(c.schema, `${stem.join('')}s`)) ?? bySuffix(byKey, c.schema, stem.join(''));
    if (target) out.push(target);
  }
  return out;
}

/** Tables named with a prefix (`Person_StateProvince`, `hr_countries`) for a `StateProvinceID` column. */
function bySuffix(byKey: Map<string, Container>, schema: string | undefined, stem: string): Container | undefined {
  const want = lookupKey(schema, stem);
  const [prefix, name] = want.split('\u0000') as [string, string];
  if (name.length < 4) return undefined;
  for (const [key, c] of byKey) {
    if (key.startsWith(`${prefix}\u0000`) && key.endsWith(name) && key.length - name.length - prefix.length - 1 <= 24) return c;
  }
  return undefined;
}

function isLookupName(tokens: readonly string[]): boolean {
  return LOOKUP_WORDS.some((w) => matchesPattern(tokens, w));
}

/** A table of keys only (`employee_territories`): it links people to things, it describes neither. */
function isJoinTable(c: Container): boolean {
  return c.fields.length > 0 && c.fields.every((f) => {
    const t = tokenize(f.name);
    return t.at(-1) === 'id' || t.at(-1) === 'no' || t.at(-1) === 'key' || t.at(-1) === 'code';
  });
}

/** Singular and plural, any case or separator: `cities`, `City`, `city` meet as `city`. */
function lookupKey(schema: string | undefined, name: string): string {
  let n = tokenize(name).join('');
  if (n.endsWith('ies')) n = `${n.slice(0, -3)}y`;
  else if (n.endsWith('sses') || n.endsWith('xes')) n = n.slice(0, -2);
  else if (n.endsWith('s') && !n.endsWith('ss')) n = n.slice(0, -1);
  return `${schema ?? ''}\u0000${n}`;
}
