import type { FieldVerdict, Inventory } from '../../src/types.js';

/** Builds small inventories for the CI-feature tests (no values, as in real inventories). */
export function field(container: string, name: string, category?: string, confidence = 0.95, extra: Partial<FieldVerdict> = {}): FieldVerdict {
  const personal = category !== undefined;
  return {
    location: { source: 'crm', sourceKind: 'postgres', database: 'crm', schema: 'public', container, containerType: 'table', field: name },
    rowsSampled: 10,
    valuesSampled: 10,
    categories: personal
      ? [{ category, detector: category, confidence, evidence: { sampled: 10, matched: 10, examples: ['j***@***.dk'] }, reason: `10 of 10 sampled values match ${category}.` }]
      : [],
    ...(personal ? { category } : {}),
    confidence: personal ? confidence : 0,
    personal,
    ...extra,
  };
}

export function inventory(fields: FieldVerdict[], extra: Partial<Inventory> = {}): Inventory {
  const containers = [...new Set(fields.map((f) => f.location.container))].map((id) => ({
    source: 'crm',
    id,
    type: 'table' as const,
    name: id.split('.')[1] ?? id,
    rowsSampled: 10,
    fields: fields.filter((f) => f.location.container === id).length,
    personalFields: fields.filter((f) => f.location.container === id && f.personal).length,
    status: 'scanned' as const,
    personContext: true,
  }));
  return {
    schemaVersion: '1.0',
    tool: { name: 'pdmap', version: '0.0.0-test' },
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:00:01.000Z',
    partial: false,
    settings: { sampleSize: 1000, minConfidence: 0.5, defaultCountry: 'DK', detectors: ['email'] },
    sources: [{ name: 'crm', kind: 'postgres', target: 'postgres://u:***@h/crm', containers: containers.length, status: 'scanned' }],
    containers,
    fields,
    errors: [],
    ...extra,
  };
}
