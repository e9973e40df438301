import type { FieldVerdict, Inventory, Location, ScanError, SourceKind } from '../types.js';
import { categoryCovered, categoryLabel, policyCategoryOf } from './categories.js';
import { computeGaps, SEVERITY_ORDER, type Gap, type GapSeverity } from './gaps.js';
import { containerKey, linkLocation, locationKey, type PurposeLink } from './link.js';
import { formatDuration, type RetentionCount } from './retention.js';
import {
  LEGAL_BASES,
  RETENTION_ENDS,
  RETENTION_STARTS,
  SAFEGUARDS,
  type Duration,
  type LegalBasis,
  type Policy,
  type Purpose,
  type RetentionStart,
  type Safeguard,
} from './schema.js';

/**
 * The record of processing (GDPR Art. 30) that pdmap builds from an inventory and a policy:
 * the controller's record per purpose (30(1)), the processor's record (30(2)), the data map
 * (where each category lives and why pdmap thinks so), a purpose × category matrix, and the gaps.
 * A plain object: every reporter renders this and nothing else. JSON form: docs/reports.md.
 */

export interface LocationRef {
  /** `source.schema.table.column` (files: `source.path.field`); without the field for a table or file. */
  readonly key: string;
  readonly source: string;
  readonly sourceKind: SourceKind;
  readonly schema?: string;
  readonly container: string;
  readonly containerType: Location['containerType'];
  readonly field?: string;
}

export interface DataMapCategory {
  readonly category: string;
  readonly label: string;
  /** The policy's data category that covers it (`contact-details`), if any. */
  readonly policyCategory?: string;
  readonly detector: string;
  readonly confidence: number;
  readonly sampled: number;
  readonly matched: number;
  /** The field-name pattern that fired, if any. */
  readonly namePattern?: string;
  /** Masked examples (`j***@***.dk`). */
  readonly examples: readonly string[];
  readonly reason: string;
}

/** One personal-data field: where, what, how sure, and which purposes it serves. */
export interface DataMapEntry {
  readonly key: string;
  readonly location: Location;
  readonly dataType?: string;
  readonly rowsSampled: number;
  readonly valuesSampled: number;
  /** The most confident category. */
  readonly category?: string;
  readonly confidence: number;
  readonly categories: readonly DataMapCategory[];
  /** Linked purposes: declared by a policy rule, or suggested from names. */
  readonly purposes: readonly PurposeLink[];
  /** A policy rule covers this field (its purposes are declared, possibly none). */
  readonly linkDeclared: boolean;
}

export interface Labelled<T extends string = string> {
  readonly code: T;
  readonly label: string;
}

export interface RetentionEntry {
  readonly id: string;
  readonly name: string;
  readonly duration: Duration | null;
  readonly start: RetentionStart;
  readonly end: string;
  readonly legalReference?: string;
  readonly appliesTo: readonly string[];
  readonly note?: string;
  /** One sentence: "Orders: 5 years after the last interaction with the data subject, then deleted securely (Danish Bookkeeping Act)". */
  readonly text: string;
}

export interface TransferEntry {
  readonly id: string;
  readonly description: string;
  readonly countries: readonly string[];
  readonly safeguards: readonly Labelled<Safeguard>[];
  readonly safeguardNote?: string;
  readonly recipients: readonly string[];
}

export interface NamedEntry {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
}

export interface PurposeCategory extends NamedEntry {
  readonly pdmapCategories: readonly string[];
  /** Personal fields linked to the purpose that hold this category. */
  readonly fields: number;
  readonly locations: readonly string[];
}

export interface PurposeLocation extends LocationRef {
  readonly fields: number;
  readonly categories: readonly string[];
  readonly link: 'declared' | 'suggested';
}

/** One Art. 30(1) entry. */
export interface PurposeRecord {
  readonly id: number;
  readonly name: string;
  readonly description: string;
  readonly legalBasis: readonly Labelled<LegalBasis>[];
  readonly legitimateInterest?: string;
  readonly legalObligation?: string;
  readonly consentRequired: boolean;
  readonly dataSubjects: readonly NamedEntry[];
  readonly dataCategories: readonly PurposeCategory[];
  /** Categories found in locations linked to the purpose that the purpose does not declare. */
  readonly undeclaredFound: readonly { readonly category: string; readonly label: string; readonly fields: number; readonly locations: readonly string[] }[];
  readonly sources: readonly (NamedEntry & { readonly consentRequired: boolean })[];
  readonly recipients: readonly (NamedEntry & { readonly condition?: string; readonly processor: boolean })[];
  readonly transfers: readonly TransferEntry[];
  readonly retention: readonly RetentionEntry[];
  readonly measures: readonly (NamedEntry & { readonly kind: string })[];
  /** Individuals' rights that the lawful basis gives (ICO guidance). */
  readonly rights: readonly string[];
  /** Tables and files linked to the purpose (Art. 30 "location of personal data"). */
  readonly locations: readonly PurposeLocation[];
  /** Tables linked to a consent purpose that carry a consent field ("link to record of consent"). */
  readonly consentRecords: readonly string[];
  readonly linkedFields: number;
  readonly gaps: number;
}

/** The Art. 30(2) record, for processing done on behalf of customers. */
export interface ProcessorRecord {
  readonly processor: ControllerInfo;
  readonly controllers: string;
  readonly description: string;
  readonly categoriesOfProcessing: readonly string[];
  readonly subProcessors: readonly NamedEntry[];
  readonly transfers: readonly TransferEntry[];
  readonly measures: readonly (NamedEntry & { readonly kind: string })[];
  readonly agreement?: string;
}

export interface ContactInfo {
  readonly name?: string;
  readonly address?: string;
  readonly email?: string;
  readonly phone?: string;
}

export interface ControllerInfo extends ContactInfo {
  readonly name: string;
  readonly dpo?: ContactInfo;
  readonly representative?: ContactInfo;
  readonly jointControllers: readonly ContactInfo[];
}

export interface MatrixColumn {
  /** A policy data category id, or `pdmap:<category>` for a found category no policy category covers. */
  readonly id: string;
  readonly name: string;
  readonly inPolicy: boolean;
  readonly pdmapCategories: readonly string[];
}

export interface MatrixCell {
  /** `null`: the row of fields linked to no purpose. */
  readonly purpose: number | null;
  readonly column: string;
  readonly declared: boolean;
  /** Personal fields linked to the purpose that hold a category of the column. */
  readonly fields: number;
  /** Every such field is linked only by suggestion. */
  readonly suggestedOnly: boolean;
}

export interface Matrix {
  readonly rows: readonly { readonly purpose: number | null; readonly name: string }[];
  readonly columns: readonly MatrixColumn[];
  readonly cells: readonly MatrixCell[];
}

export interface RecordSummary {
  readonly sources: number;
  readonly containers: number;
  readonly containersWithPersonalData: number;
  readonly fields: number;
  readonly personalFields: number;
  readonly fieldsDeclared: number;
  readonly fieldsSuggested: number;
  readonly fieldsUnlinked: number;
  readonly purposesWithData: number;
  readonly purposes: number;
  readonly categoriesFound: readonly string[];
  readonly gaps: Readonly<Record<GapSeverity, number>> & { readonly total: number };
  readonly retention: { readonly checked: number; readonly overdueRows: number; readonly unchecked: number };
  readonly errors: number;
  readonly partial: boolean;
}

export interface ProcessingRecord {
  readonly schemaVersion: '1.0';
  readonly kind: 'pdmap-record';
  readonly generatedAt: string;
  readonly tool: Inventory['tool'];
  readonly scan: { readonly startedAt: string; readonly finishedAt: string; readonly settings: Inventory['settings']; readonly sources: Inventory['sources'] };
  readonly policy: Policy['policy'];
  readonly controller: ControllerInfo;
  readonly summary: RecordSummary;
  readonly matrix: Matrix;
  readonly purposes: readonly PurposeRecord[];
  readonly processor?: ProcessorRecord;
  readonly dataMap: readonly DataMapEntry[];
  readonly gaps: readonly Gap[];
  readonly retention: readonly RetentionCount[];
  readonly errors: readonly ScanError[];
}

/** Rights by lawful basis, as the ICO's lawful-basis guidance tabulates them. */
const RIGHTS: Readonly<Record<LegalBasis, readonly string[]>> = {
  a: ['access', 'rectification', 'erasure', 'restriction', 'portability', 'withdraw consent'],
  b: ['access', 'rectification', 'erasure', 'restriction', 'portability'],
  c: ['access', 'rectification', 'restriction'],
  d: ['access', 'rectification', 'erasure', 'restriction'],
  e: ['access', 'rectification', 'restriction', 'object'],
  f: ['access', 'rectification', 'erasure', 'restriction', 'object'],
};

export interface BuildRecordOptions {
  /** When the record is made (default: the scan's finish time, so the same inputs give the same record). */
  readonly generatedAt?: string;
}

function dataMapEntry(f: FieldVerdict, policy: Policy, siblings: readonly string[]): DataMapEntry {
  const { links, declared } = linkLocation(f.location, policy, siblings);
  return {
    key: locationKey(f.location),
    location: f.location,
    ...(f.dataType === undefined ? {} : { dataType: f.dataType }),
    rowsSampled: f.rowsSampled,
    valuesSampled: f.valuesSampled,
    ...(f.category === undefined ? {} : { category: f.category }),
    confidence: f.confidence,
    categories: f.categories.map((c) => {
      const pc = policyCategoryOf(policy, c.category);
      return {
        category: c.category,
        label: categoryLabel(c.category),
        ...(pc ? { policyCategory: pc.id } : {}),
        detector: c.detector,
        confidence: c.confidence,
        sampled: c.evidence.sampled,
        matched: c.evidence.matched,
        ...(c.evidence.name ? { namePattern: c.evidence.name.pattern } : {}),
        examples: [...c.evidence.examples],
        reason: c.reason,
      };
    }),
    purposes: links,
    linkDeclared: declared,
  };
}

function retentionText(r: Purpose['retention'][number]): string {
  const period =
    r.duration === null
      ? 'no fixed period (as long as necessary)'
      : `${formatDuration(r.duration)} after ${RETENTION_STARTS[r.start]}, then ${RETENTION_ENDS[r.end]}`;
  return `${r.name}: ${period}${r.legalReference ? ` (${r.legalReference})` : ''}.`;
}

function transferEntry(t: Policy['transfers'][number]): TransferEntry {
  return {
    id: t.id,
    description: t.description,
    countries: t.countries,
    safeguards: t.safeguards.map((s) => ({ code: s, label: SAFEGUARDS[s] })),
    ...(t.safeguardNote === undefined ? {} : { safeguardNote: t.safeguardNote }),
    recipients: t.recipients,
  };
}

const named = (x: { id: string; name: string; description?: string | undefined }): NamedEntry => ({
  id: x.id,
  name: x.name,
  ...(x.description === undefined ? {} : { description: x.description }),
});

function contact(c: { name?: string | undefined; address?: string | undefined; email?: string | undefined; phone?: string | undefined }): ContactInfo {
  const out: { -readonly [K in keyof ContactInfo]: string } = {};
  if (c.name !== undefined) out.name = c.name;
  if (c.address !== undefined) out.address = c.address;
  if (c.email !== undefined) out.email = c.email;
  if (c.phone !== undefined) out.phone = c.phone;
  return out;
}

/**
 * Builds the record. Pure: the same inventory, policy and retention counts give the same record.
 * Retention counts come from `runRetentionChecks` (they need the stores); pass `[]` without them.
 */
export function buildRecord(
  inventory: Inventory,
  policy: Policy,
  retentionCounts: readonly RetentionCount[] = [],
  options: BuildRecordOptions = {},
): ProcessingRecord {
  const siblings = new Map<string, string[]>();
  for (const f of inventory.fields) {
    const k = containerKey(f.location);
    const list = siblings.get(k);
    if (list) list.push(f.location.field);
    else siblings.set(k, [f.location.field]);
  }
  const dataMap = inventory.fields.filter((f) => f.personal).map((f) => dataMapEntry(f, policy, siblings.get(containerKey(f.location)) ?? []));
  const gaps = computeGaps({ inventory, policy, dataMap, retention: retentionCounts });

  const controller: ControllerInfo = {
    ...contact(policy.controller),
    name: policy.controller.name,
    ...(policy.controller.dpo ? { dpo: contact(policy.controller.dpo) } : {}),
    ...(policy.controller.representative ? { representative: contact(policy.controller.representative) } : {}),
    jointControllers: policy.controller.jointControllers.map(contact),
  };
  const measuresOf = (ids: readonly string[] | undefined) =>
    policy.measures.filter((m) => ids === undefined || ids.includes(m.id)).map((m) => ({ ...named(m), kind: m.kind }));

  const purposes: PurposeRecord[] = policy.purposes.map((p) => {
    const linked = dataMap.filter((e) => e.purposes.some((l) => l.purpose === p.id));
    const dataCategories: PurposeCategory[] = p.dataCategories.map((id) => {
      const dc = policy.dataCategories.find((d) => d.id === id);
      const holders = linked.filter((e) => e.category !== undefined && (dc?.pdmapCategories.some((pc) => categoryCovered(pc, e.category as string)) ?? false));
      return {
        id,
        name: dc?.name ?? id,
        ...(dc?.description === undefined ? {} : { description: dc.description }),
        pdmapCategories: dc?.pdmapCategories ?? [],
        fields: holders.length,
        locations: holders.map((e) => e.key),
      };
    });
    const undeclared = new Map<string, DataMapEntry[]>();
    for (const e of linked) {
      if (e.category === undefined) continue;
      const declared = dataCategories.some((d) => d.pdmapCategories.some((pc) => categoryCovered(pc, e.category as string)));
      if (declared) continue;
      const list = undeclared.get(e.category);
      if (list) list.push(e);
      else undeclared.set(e.category, [e]);
    }
    const byContainer = new Map<string, DataMapEntry[]>();
    for (const e of linked) {
      const k = containerKey(e.location);
      const list = byContainer.get(k);
      if (list) list.push(e);
      else byContainer.set(k, [e]);
    }
    const locations: PurposeLocation[] = [...byContainer.entries()].map(([key, es]) => {
      const l = (es[0] as DataMapEntry).location;
      const declared = es.some((e) => e.purposes.some((x) => x.purpose === p.id && x.kind === 'declared'));
      return {
        key,
        source: l.source,
        sourceKind: l.sourceKind,
        ...(l.schema === undefined ? {} : { schema: l.schema }),
        container: l.container,
        containerType: l.containerType,
        fields: es.length,
        categories: [...new Set(es.flatMap((e) => (e.category ? [e.category] : [])))],
        link: declared ? 'declared' : 'suggested',
      };
    });
    const consentRecords = p.consentRequired
      ? locations.filter((loc) => !gaps.some((g) => g.kind === 'marketing-without-consent' && g.id === `marketing-without-consent:${loc.key}`)).map((loc) => loc.key)
      : [];
    return {
      id: p.id,
      name: p.name,
      description: p.description,
      legalBasis: p.legalBasis.map((b) => ({ code: b, label: LEGAL_BASES[b] })),
      ...(p.legitimateInterest === undefined ? {} : { legitimateInterest: p.legitimateInterest }),
      ...(p.legalObligation === undefined ? {} : { legalObligation: p.legalObligation }),
      consentRequired: p.consentRequired,
      dataSubjects: p.dataSubjects.map((id) => named(policy.dataSubjects.find((s) => s.id === id) ?? { id, name: id })),
      dataCategories,
      undeclaredFound: [...undeclared.entries()].map(([category, es]) => ({ category, label: categoryLabel(category), fields: es.length, locations: es.map((e) => e.key) })),
      sources: p.sources.map((id) => {
        const s = policy.sources.find((x) => x.id === id);
        return { ...named(s ?? { id, name: id }), consentRequired: s?.consentRequired ?? false };
      }),
      recipients: p.recipients.map((id) => {
        const r = policy.recipients.find((x) => x.id === id);
        return { ...named(r ?? { id, name: id }), ...(r?.condition === undefined ? {} : { condition: r.condition }), processor: r?.processor ?? false };
      }),
      transfers: policy.transfers.filter((t) => p.transfers === undefined || p.transfers.includes(t.id)).map(transferEntry),
      retention: p.retention.map((r) => ({
        id: r.id,
        name: r.name,
        duration: r.duration,
        start: r.start,
        end: r.end,
        ...(r.legalReference === undefined ? {} : { legalReference: r.legalReference }),
        appliesTo: r.appliesTo,
        ...(r.note === undefined ? {} : { note: r.note }),
        text: retentionText(r),
      })),
      measures: measuresOf(p.measures),
      rights: [...new Set(p.legalBasis.flatMap((b) => RIGHTS[b]))],
      locations,
      consentRecords,
      linkedFields: linked.length,
      gaps: gaps.filter((g) => g.purposes.includes(p.id) && g.severity !== 'info').length,
    };
  });

  const processor: ProcessorRecord | undefined = policy.processor
    ? {
        processor: controller,
        controllers: policy.processor.controllers,
        description: policy.processor.description,
        categoriesOfProcessing: policy.processor.categoriesOfProcessing,
        subProcessors: policy.processor.subProcessors.map((id) => named(policy.recipients.find((r) => r.id === id) ?? { id, name: id })),
        transfers: policy.transfers.filter((t) => policy.processor?.transfers.includes(t.id)).map(transferEntry),
        measures: measuresOf(policy.processor.measures),
        ...(policy.processor.agreement === undefined ? {} : { agreement: policy.processor.agreement }),
      }
    : undefined;

  const matrix = buildMatrix(policy, dataMap);
  const personalContainers = new Set(dataMap.map((e) => containerKey(e.location)));
  const counted = retentionCounts.filter((r) => r.status === 'counted');
  const bySeverity = Object.fromEntries(SEVERITY_ORDER.map((s) => [s, gaps.filter((g) => g.severity === s).length])) as Record<GapSeverity, number>;

  return {
    schemaVersion: '1.0',
    kind: 'pdmap-record',
    generatedAt: options.generatedAt ?? inventory.finishedAt,
    tool: inventory.tool,
    scan: { startedAt: inventory.startedAt, finishedAt: inventory.finishedAt, settings: inventory.settings, sources: inventory.sources },
    policy: policy.policy,
    controller,
    summary: {
      sources: inventory.sources.length,
      containers: inventory.containers.length,
      containersWithPersonalData: personalContainers.size,
      fields: inventory.fields.length,
      personalFields: dataMap.length,
      fieldsDeclared: dataMap.filter((e) => e.linkDeclared && e.purposes.length > 0).length,
      fieldsSuggested: dataMap.filter((e) => !e.linkDeclared && e.purposes.length > 0).length,
      fieldsUnlinked: dataMap.filter((e) => e.purposes.length === 0).length,
      purposesWithData: purposes.filter((p) => p.linkedFields > 0).length,
      purposes: purposes.length,
      categoriesFound: [...new Set(dataMap.flatMap((e) => (e.category ? [e.category] : [])))].sort(),
      gaps: { ...bySeverity, total: gaps.length },
      retention: {
        checked: counted.length,
        overdueRows: counted.reduce((n, r) => n + (r.status === 'counted' ? r.overdue : 0), 0),
        unchecked: retentionCounts.length - counted.length,
      },
      errors: inventory.errors.length,
      partial: inventory.partial,
    },
    matrix,
    purposes,
    ...(processor ? { processor } : {}),
    dataMap,
    gaps,
    retention: [...retentionCounts],
    errors: inventory.errors,
  };
}

function buildMatrix(policy: Policy, dataMap: readonly DataMapEntry[]): Matrix {
  const columns: MatrixColumn[] = policy.dataCategories.map((d) => ({ id: d.id, name: d.name, inPolicy: true, pdmapCategories: d.pdmapCategories }));
  const extra = [...new Set(dataMap.flatMap((e) => (e.category && !policyCategoryOf(policy, e.category) ? [e.category] : [])))].sort();
  for (const c of extra) columns.push({ id: `pdmap:${c}`, name: categoryLabel(c), inPolicy: false, pdmapCategories: [c] });
  const columnOf = (category: string) => columns.find((col) => col.pdmapCategories.some((pc) => categoryCovered(pc, category)))?.id;

  const rows: { purpose: number | null; name: string }[] = policy.purposes.map((p) => ({ purpose: p.id, name: p.name }));
  const unlinked = dataMap.filter((e) => e.purposes.length === 0);
  if (unlinked.length > 0) rows.push({ purpose: null, name: 'No purpose' });

  const cells: MatrixCell[] = [];
  for (const row of rows) {
    const purpose = row.purpose === null ? undefined : policy.purposes.find((p) => p.id === row.purpose);
    const linked = row.purpose === null ? unlinked : dataMap.filter((e) => e.purposes.some((l) => l.purpose === row.purpose));
    for (const col of columns) {
      const holders = linked.filter((e) => e.category !== undefined && columnOf(e.category) === col.id);
      const declared = purpose !== undefined && col.inPolicy && purpose.dataCategories.includes(col.id);
      if (!declared && holders.length === 0) continue;
      cells.push({
        purpose: row.purpose,
        column: col.id,
        declared,
        fields: holders.length,
        suggestedOnly: holders.length > 0 && holders.every((e) => e.purposes.every((l) => l.purpose !== row.purpose || l.kind === 'suggested')),
      });
    }
  }
  return { rows, columns, cells };
}

