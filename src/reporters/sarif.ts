import type { Log, Result, ReportingDescriptor } from 'sarif';
import type { Finding } from '../fail-on.js';
import type { GapRef } from '../diff.js';
import type { FieldVerdict, Inventory } from '../types.js';

/**
 * SARIF 2.1.0 for code-scanning dashboards. Database fields are logical locations
 * (`source/schema/table/column`); files are physical locations (their path) with the field
 * path as a logical location. Messages carry categories and counts, never values.
 */
export function renderSarif(inventory: Inventory, extra: { findings?: readonly Finding[]; gaps?: readonly GapRef[] } = {}): string {
  const rules = new Map<string, ReportingDescriptor>();
  const rule = (id: string, text: string): string => {
    if (!rules.has(id)) rules.set(id, { id, shortDescription: { text } });
    return id;
  };
  const results: Result[] = [];
  for (const f of inventory.fields) {
    if (!f.personal || !f.category) continue;
    const top = f.categories[0];
    results.push({
      ruleId: rule(`pii/${f.category}`, `Personal data: ${f.category}`),
      level: 'note',
      message: { text: `${f.location.field} holds ${f.category} (confidence ${f.confidence.toFixed(2)}). ${top?.reason ?? ''}`.trim() },
      locations: [fieldLocation(f)],
      properties: { confidence: f.confidence, categories: f.categories.map((c) => c.category) },
    });
  }
  for (const g of extra.gaps ?? []) {
    results.push({
      ruleId: rule(`gap/${g.kind}`, `Policy gap: ${g.kind}`),
      level: 'warning',
      message: { text: g.message ?? g.kind },
      locations: [keyLocation(g.key)],
    });
  }
  for (const x of extra.findings ?? []) {
    results.push({
      ruleId: rule(`fail-on/${x.rule}`, `Fail-on rule: ${x.rule}`),
      level: 'error',
      message: { text: x.message },
      locations: [keyLocation(x.key)],
    });
  }
  const log: Log = {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: {
          driver: {
            name: 'pdmap',
            version: inventory.tool.version,
            informationUri: 'https://www.npmjs.com/package/pdmap',
            rules: [...rules.values()],
          },
        },
        invocations: [
          {
            executionSuccessful: inventory.errors.length === 0 && !inventory.partial,
            startTimeUtc: inventory.startedAt,
            endTimeUtc: inventory.finishedAt,
            toolExecutionNotifications: inventory.errors.map((e) => ({
              level: 'error' as const,
              message: { text: `${e.source}${e.container ? ` ${e.container}` : ''} [${e.code}]: ${e.message}` },
            })),
          },
        ],
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function fieldLocation(f: FieldVerdict): NonNullable<Result['locations']>[number] {
  const l = f.location;
  if (l.containerType === 'file') {
    return {
      physicalLocation: { artifactLocation: { uri: encodeURI(l.container) } },
      logicalLocations: [{ fullyQualifiedName: `${l.source}/${l.container}/${l.field}`, name: l.field, kind: 'member' }],
    };
  }
  const [schema, ...table] = l.container.split('.');
  return {
    logicalLocations: [
      { fullyQualifiedName: [l.source, l.schema ?? schema, table.join('.') || l.container, l.field].join('/'), name: l.field, kind: 'member' },
    ],
  };
}

function keyLocation(key: string): NonNullable<Result['locations']>[number] {
  return { logicalLocations: [{ fullyQualifiedName: key, kind: 'member' }] };
}
