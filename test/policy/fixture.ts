import type { CategoryVerdict, ContainerSummary, FieldVerdict, Inventory, SourceKind } from '../../src/types.js';

/**
 * A hand-written inventory of a small Danish B2B shop, for policy and report tests. Synthetic:
 * the examples are already masked, as a scan makes them.
 */

interface FieldSpec {
  readonly field: string;
  readonly dataType?: string;
  /** [category, detector, confidence, masked example]; empty for a non-personal field. */
  readonly cats?: readonly (readonly [string, string, number, string?])[];
}

interface ContainerSpec {
  readonly source?: string;
  readonly sourceKind?: SourceKind;
  readonly container: string;
  readonly type?: 'table' | 'file';
  readonly fields: readonly FieldSpec[];
}

export const SOURCE = 'sqlite:shop.db';

function field(spec: ContainerSpec, f: FieldSpec): FieldVerdict {
  const isFile = spec.type === 'file';
  const categories: CategoryVerdict[] = (f.cats ?? []).map(([category, detector, confidence, example]) => ({
    category,
    detector,
    confidence,
    evidence: { sampled: 40, matched: 38, name: { pattern: f.field, weight: 0.6 }, examples: example ? [example] : [] },
    reason: `38 of 40 sampled values match ${detector}; the field is called ${f.field}`,
  }));
  const top = categories[0];
  return {
    location: {
      source: spec.source ?? SOURCE,
      sourceKind: spec.sourceKind ?? 'sqlite',
      ...(isFile ? {} : { schema: 'main' }),
      container: spec.container,
      containerType: isFile ? 'file' : 'table',
      field: f.field,
    },
    ...(f.dataType ? { dataType: f.dataType } : {}),
    rowsSampled: 40,
    valuesSampled: 40,
    categories,
    ...(top ? { category: top.category } : {}),
    confidence: top?.confidence ?? 0,
    personal: categories.length > 0,
  };
}

export const CONTAINERS: readonly ContainerSpec[] = [
  {
    container: 'main.customers',
    fields: [
      { field: 'id', dataType: 'INTEGER' },
      { field: 'name', dataType: 'TEXT', cats: [['person.name', 'person-name', 0.9, 'A*** H***']] },
      { field: 'email', dataType: 'TEXT', cats: [['email', 'email', 0.97, 'a***@***.dk']] },
      { field: 'phone', dataType: 'TEXT', cats: [['phone', 'phone', 0.9, '+45 ** ** ** 12']] },
      { field: 'cpr', dataType: 'TEXT', cats: [['national_id', 'cpr', 0.95, '01****-**34']] },
      { field: 'created_at', dataType: 'TEXT' },
    ],
  },
  {
    container: 'main.orders',
    fields: [
      { field: 'id', dataType: 'INTEGER' },
      { field: 'customer_email', dataType: 'TEXT', cats: [['email', 'email', 0.95, 'b***@***.com']] },
      { field: 'delivery_address', dataType: 'TEXT', cats: [['address.street', 'address-street', 0.8, 'V*** 1']] },
      { field: 'order_date', dataType: 'DATE' },
      { field: 'updated_at', dataType: 'TEXT' },
    ],
  },
  {
    container: 'main.quotes',
    fields: [
      { field: 'contact_name', dataType: 'TEXT', cats: [['person.name', 'person-name', 0.85, 'M*** J***']] },
      { field: 'created_at', dataType: 'TIMESTAMP' },
    ],
  },
  {
    container: 'main.newsletter_subscribers',
    fields: [
      { field: 'email', dataType: 'TEXT', cats: [['email', 'email', 0.97, 'c***@***.de']] },
      { field: 'signup_date', dataType: 'TEXT' },
    ],
  },
  {
    container: 'main.marketing_contacts',
    fields: [
      { field: 'email', dataType: 'TEXT', cats: [['email', 'email', 0.97, 'd***@***.dk']] },
      { field: 'samtykke_givet', dataType: 'INTEGER' },
    ],
  },
  {
    container: 'main.users',
    fields: [
      { field: 'username', dataType: 'TEXT', cats: [['username', 'username', 0.8, 'a***']] },
      { field: 'password', dataType: 'TEXT', cats: [['password', 'password', 0.9, '********']] },
      { field: 'password_hash', dataType: 'TEXT', cats: [['password', 'password-hash', 0.95, '********']] },
    ],
  },
  {
    container: 'main.support_tickets',
    fields: [{ field: 'message', dataType: 'TEXT', cats: [['free_text_personal', 'free-text', 0.7, 'H*** m*** …']] }],
  },
  {
    container: 'main.employees',
    fields: [
      { field: 'full_name', dataType: 'TEXT', cats: [['person.name', 'person-name', 0.9, 'K*** L***']] },
      { field: 'birth_date', dataType: 'DATE', cats: [['date_of_birth', 'date-of-birth', 0.9, '19**-**-**']] },
    ],
  },
  {
    // A hostile column name: reports must show it, never run it.
    container: 'main.imports',
    fields: [{ field: '<script>alert(1)</script>', dataType: 'TEXT', cats: [['email', 'email', 0.9, 'e***@***.dk']] }],
  },
  {
    source: 'files:exports',
    sourceKind: 'files',
    type: 'file',
    container: 'logs/access.log',
    fields: [{ field: 'client_ip', cats: [['ip_address', 'ip-address', 0.9, '10.***.***.4']] }],
  },
];

export function fixtureInventory(): Inventory {
  const fields = CONTAINERS.flatMap((c) => c.fields.map((f) => field(c, f)));
  const containers: ContainerSummary[] = CONTAINERS.map((c) => {
    const isFile = c.type === 'file';
    return {
      source: c.source ?? SOURCE,
      id: c.container,
      type: isFile ? 'file' : 'table',
      ...(isFile ? {} : { schema: 'main' }),
      name: isFile ? c.container : c.container.slice('main.'.length),
      rowsSampled: 40,
      fields: c.fields.length,
      personalFields: c.fields.filter((f) => (f.cats ?? []).length > 0).length,
      status: 'scanned',
      personContext: true,
    };
  });
  return {
    schemaVersion: '1.0',
    tool: { name: 'pdmap', version: '0.1.0' },
    startedAt: '2025-01-01T10:00:00.000Z',
    finishedAt: '2025-01-01T10:00:05.000Z',
    partial: false,
    settings: { sampleSize: 1000, minConfidence: 0.5, defaultCountry: 'DK', detectors: [] },
    sources: [
      { name: SOURCE, kind: 'sqlite', target: 'shop.db', containers: 9, status: 'scanned' },
      { name: 'files:exports', kind: 'files', target: 'exports', containers: 1, status: 'scanned' },
    ],
    containers,
    fields,
    errors: [],
  };
}
