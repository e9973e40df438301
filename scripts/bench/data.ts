import { faker } from '@faker-js/faker';

/**
 * Benchmark data, fixed seed: value pools drawn once from faker (seed 42), and column formulas
 * that pick from them by row number. The same formula renders as PostgreSQL, MariaDB and SQLite
 * SQL (so tables of millions of rows are generated inside the server) and as JavaScript (for
 * files), so every engine holds the same rows.
 */

faker.seed(42);
const pool = (n: number, make: () => string): string[] => Array.from({ length: n }, () => make().replace(/[\r\n\t]+/g, ' '));

export const POOLS = {
  first: pool(211, () => faker.person.firstName()),
  last: pool(199, () => faker.person.lastName()),
  domain: pool(23, () => faker.internet.domainName()),
  street: pool(197, () => faker.location.street()),
  city: pool(149, () => faker.location.city()),
  country: pool(47, () => faker.location.country()),
  job: pool(101, () => faker.person.jobTitle()),
  company: pool(97, () => faker.company.name()),
  product: pool(163, () => faker.commerce.productName()),
  sentence: pool(89, () => faker.lorem.sentence()),
  department: pool(13, () => faker.commerce.department()),
  userAgent: pool(31, () => faker.internet.userAgent()),
  path: pool(53, () => `/${faker.lorem.slug(2)}`),
  status: ['new', 'paid', 'shipped', 'cancelled', 'returned'],
  currency: ['DKK', 'EUR', 'SEK', 'NOK', 'USD'],
  eventType: ['login', 'logout', 'view', 'click', 'purchase', 'error'],
  channel: ['email', 'sms', 'chat', 'phone'],
  scope: ['global', 'tenant', 'user'],
  bool: ['true', 'false'],
} as const;

export type PoolName = keyof typeof POOLS;

/** A piece of a text value: a literal, a pool entry, a number, or the row number. */
export type Part =
  | { readonly lit: string }
  | { readonly pool: PoolName; readonly m: number }
  | { readonly num: { readonly m: number; readonly mod: number; readonly add: number; readonly pad?: number } }
  | { readonly id: true };

/**
 * A column: its type, and its value for row `i` (1-based). Multipliers are primes, so that
 * neighbouring rows differ and pools are visited in scrambled order.
 */
export type Column =
  | { readonly name: string; readonly type: 'text'; readonly parts: readonly Part[] }
  | { readonly name: string; readonly type: 'id' }
  | { readonly name: string; readonly type: 'int' | 'decimal'; readonly m: number; readonly mod: number; readonly add?: number }
  | { readonly name: string; readonly type: 'timestamp'; readonly m: number; readonly seconds: number; readonly from: string }
  | { readonly name: string; readonly type: 'date'; readonly m: number; readonly days: number; readonly from: string };

export interface TableShape {
  readonly name: string;
  readonly columns: readonly Column[];
}

const lit = (v: string): Part => ({ lit: v });
const p = (name: PoolName, m: number): Part => ({ pool: name, m });
const num = (m: number, mod: number, add = 0, pad?: number): Part => ({ num: { m, mod, add, ...(pad === undefined ? {} : { pad }) } });
const text = (name: string, ...parts: Part[]): Column => ({ name, type: 'text', parts });

/** Ten columns each; a realistic mix of personal and non-personal tables. */
export const SHAPES: readonly TableShape[] = [
  {
    name: 'customers',
    columns: [
      { name: 'id', type: 'id' },
      text('email', p('first', 7919), lit('.'), p('last', 104_729), { id: true }, lit('@'), p('domain', 31)),
      text('first_name', p('first', 7919)),
      text('last_name', p('last', 104_729)),
      text('phone', lit('+45 '), num(7919, 79_999_999, 20_000_000)),
      text('street', p('street', 6007), lit(' '), num(13, 250, 1)),
      text('city', p('city', 3571)),
      text('postal_code', num(37, 8999, 1000)),
      text('country', p('country', 1013)),
      { name: 'created_at', type: 'timestamp', m: 7919, seconds: 300_000_000, from: '2015-01-01' },
    ],
  },
  {
    name: 'employees',
    columns: [
      { name: 'id', type: 'id' },
      text('full_name', p('first', 4099), lit(' '), p('last', 2621)),
      text('job_title', p('job', 7717)),
      text('work_email', p('first', 4099), lit('.'), p('last', 2621), lit('@'), p('domain', 7)),
      text('mobile', lit('+45 '), num(15_485_863, 79_999_999, 20_000_000)),
      { name: 'birth_date', type: 'date', m: 7919, days: 18_000, from: '1950-01-01' },
      { name: 'hire_date', type: 'date', m: 104_729, days: 9000, from: '2000-01-01' },
      { name: 'salary', type: 'decimal', m: 7919, mod: 9_000_000, add: 2_500_000 },
      text('department', p('department', 17)),
      text('notes', p('sentence', 61)),
    ],
  },
  {
    name: 'orders',
    columns: [
      { name: 'id', type: 'id' },
      text('order_no', lit('ORD-'), num(1, 1_000_000_000, 0, 9)),
      { name: 'customer_id', type: 'int', m: 7919, mod: 1_000_000, add: 1 },
      text('status', p('status', 7)),
      { name: 'total_amount', type: 'decimal', m: 104_729, mod: 5_000_000 },
      text('currency', p('currency', 11)),
      { name: 'created_at', type: 'timestamp', m: 6007, seconds: 300_000_000, from: '2015-01-01' },
      { name: 'shipped_at', type: 'timestamp', m: 3571, seconds: 300_000_000, from: '2015-01-03' },
      text('sku', lit('SKU-'), num(2621, 99_999, 0, 5)),
      { name: 'quantity', type: 'int', m: 13, mod: 20, add: 1 },
    ],
  },
  {
    name: 'events',
    columns: [
      { name: 'id', type: 'id' },
      text('session_id', num(40_503, 4_294_967_291, 0, 10), lit('-'), num(40_503, 65_536, 0, 5)),
      text('event_type', p('eventType', 7)),
      text('ip_address', num(13, 223, 1), lit('.'), num(17, 256), lit('.'), num(19, 256), lit('.'), num(23, 254, 1)),
      text('user_agent', p('userAgent', 29)),
      text('path', p('path', 37)),
      { name: 'created_at', type: 'timestamp', m: 104_729, seconds: 100_000_000, from: '2020-01-01' },
      { name: 'duration_ms', type: 'int', m: 7919, mod: 30_000 },
      text('country', p('country', 43)),
      text('referrer', lit('https://'), p('domain', 19), p('path', 41)),
    ],
  },
  {
    name: 'products',
    columns: [
      { name: 'id', type: 'id' },
      text('sku', lit('SKU-'), num(1, 99_999, 0, 5)),
      text('name', p('product', 7919)),
      text('description', p('sentence', 104_729)),
      { name: 'price', type: 'decimal', m: 7919, mod: 100_000, add: 100 },
      { name: 'stock', type: 'int', m: 104_729, mod: 1000 },
      text('category', p('department', 31)),
      { name: 'weight_grams', type: 'int', m: 3571, mod: 20_000, add: 10 },
      { name: 'created_at', type: 'timestamp', m: 2621, seconds: 300_000_000, from: '2015-01-01' },
      text('active', p('bool', 3)),
    ],
  },
  {
    name: 'invoices',
    columns: [
      { name: 'id', type: 'id' },
      text('invoice_no', lit('INV-'), num(1, 1_000_000_000, 0, 9)),
      text('company', p('company', 7919)),
      text('vat_no', lit('DK'), num(104_729, 89_999_999, 10_000_000)),
      { name: 'amount', type: 'decimal', m: 7919, mod: 10_000_000 },
      { name: 'due_date', type: 'date', m: 13, days: 3000, from: '2016-01-01' },
      text('contact_name', p('first', 6007), lit(' '), p('last', 3571)),
      text('status', p('status', 11)),
      text('notes', p('sentence', 3571)),
      { name: 'created_at', type: 'timestamp', m: 15_485_863, seconds: 300_000_000, from: '2015-01-01' },
    ],
  },
  {
    name: 'settings',
    columns: [
      { name: 'id', type: 'id' },
      text('setting_key', lit('feature.'), p('path', 7919)),
      text('setting_value', p('bool', 7)),
      { name: 'updated_at', type: 'timestamp', m: 7919, seconds: 100_000_000, from: '2020-01-01' },
      text('updated_by', p('first', 104_729), num(13, 100)),
      text('scope', p('scope', 5)),
      { name: 'version', type: 'int', m: 7, mod: 50, add: 1 },
      text('enabled', p('bool', 11)),
      text('description', p('sentence', 13)),
      text('checksum', num(40_503, 4_294_967_291, 0, 10)),
    ],
  },
  {
    name: 'messages',
    columns: [
      { name: 'id', type: 'id' },
      text('sender_email', p('first', 3571), { id: true }, lit('@'), p('domain', 7)),
      text('recipient_name', p('first', 7919), lit(' '), p('last', 6007)),
      text('subject', p('product', 13)),
      text('body', lit('Hi '), p('first', 7919), lit(', '), p('sentence', 17), lit(' '), p('sentence', 19)),
      { name: 'sent_at', type: 'timestamp', m: 7919, seconds: 100_000_000, from: '2020-01-01' },
      text('is_read', p('bool', 5)),
      { name: 'thread_id', type: 'int', m: 104_729, mod: 100_000, add: 1 },
      text('channel', p('channel', 7)),
      { name: 'priority', type: 'int', m: 3, mod: 5, add: 1 },
    ],
  },
];

export function shape(name: string): TableShape {
  const s = SHAPES.find((x) => x.name === name);
  if (!s) throw new Error(`no table shape ${name}`);
  return s;
}

// ─── JavaScript ──────────────────────────────────────────────────────────────────────────

function jsPart(part: Part, i: number): string {
  if ('lit' in part) return part.lit;
  if ('id' in part) return String(i);
  if ('pool' in part) {
    const values = POOLS[part.pool];
    return values[(i * part.m) % values.length] as string;
  }
  const v = String(((i * part.num.m) % part.num.mod) + part.num.add);
  return part.num.pad === undefined ? v : v.padStart(part.num.pad, '0');
}

const DAY = 86_400_000;

/** The value of `column` in row `i`, as text (dates ISO, timestamps `YYYY-MM-DD hh:mm:ss`). */
export function jsValue(column: Column, i: number): string {
  switch (column.type) {
    case 'id':
      return String(i);
    case 'text':
      return column.parts.map((part) => jsPart(part, i)).join('');
    case 'int':
      return String(((i * column.m) % column.mod) + (column.add ?? 0));
    case 'decimal':
      return ((((i * column.m) % column.mod) + (column.add ?? 0)) / 100).toFixed(2);
    case 'timestamp':
      return new Date(Date.parse(`${column.from}T00:00:00Z`) + ((i * column.m) % column.seconds) * 1000).toISOString().slice(0, 19).replace('T', ' ');
    case 'date':
      return new Date(Date.parse(`${column.from}T00:00:00Z`) + ((i * column.m) % column.days) * DAY).toISOString().slice(0, 10);
  }
}

// ─── SQL ─────────────────────────────────────────────────────────────────────────────────

export type Dialect = 'postgres' | 'mariadb' | 'sqlite';

const quoteText = (v: string): string => `'${v.replaceAll("'", "''")}'`;

export function quoteIdent(dialect: Dialect, name: string): string {
  return dialect === 'mariadb' ? `\`${name.replaceAll('`', '``')}\`` : `"${name.replaceAll('"', '""')}"`;
}

function sqlType(dialect: Dialect, column: Column): string {
  switch (column.type) {
    case 'id':
      return dialect === 'sqlite' ? 'INTEGER PRIMARY KEY' : 'BIGINT PRIMARY KEY';
    case 'int':
      return dialect === 'sqlite' ? 'INTEGER' : 'BIGINT';
    case 'decimal':
      return dialect === 'sqlite' ? 'NUMERIC' : 'DECIMAL(14,2)';
    case 'timestamp':
      return dialect === 'postgres' ? 'TIMESTAMP' : dialect === 'mariadb' ? 'DATETIME' : 'TEXT';
    case 'date':
      return dialect === 'sqlite' ? 'TEXT' : 'DATE';
    case 'text':
      return dialect === 'mariadb' ? 'VARCHAR(400)' : 'TEXT';
  }
}

export function createTableSql(dialect: Dialect, table: string, s: TableShape, unlogged = false): string {
  const cols = s.columns.map((c) => `${quoteIdent(dialect, c.name)} ${sqlType(dialect, c)}`).join(', ');
  return `CREATE ${unlogged && dialect === 'postgres' ? 'UNLOGGED ' : ''}TABLE ${quoteIdent(dialect, table)} (${cols})`;
}

/** SQLite has no arrays: pools live in small temp tables keyed 0…n-1. */
export function sqlitePoolTables(): string {
  return Object.entries(POOLS)
    .map(([name, values]) => {
      const rows = values.map((v, k) => `(${k}, ${quoteText(v)})`).join(', ');
      return `CREATE TEMP TABLE IF NOT EXISTS pool_${name} (k INTEGER PRIMARY KEY, v TEXT); INSERT OR IGNORE INTO pool_${name} VALUES ${rows};`;
    })
    .join('\n');
}

function sqlPart(dialect: Dialect, part: Part, i: string): string {
  if ('lit' in part) return quoteText(part.lit);
  if ('id' in part) return dialect === 'postgres' ? `${i}::text` : dialect === 'mariadb' ? `CAST(${i} AS CHAR)` : `CAST(${i} AS TEXT)`;
  if ('pool' in part) {
    const values = POOLS[part.pool];
    const at = `((${i} * ${part.m}) % ${values.length})`;
    if (dialect === 'postgres') return `(ARRAY[${values.map(quoteText).join(',')}])[1 + ${at}]`;
    if (dialect === 'mariadb') return `ELT(1 + ${at}, ${values.map(quoteText).join(',')})`;
    return `(SELECT v FROM pool_${part.pool} WHERE k = ${at})`;
  }
  const n = `(((${i} * ${part.num.m}) % ${part.num.mod}) + ${part.num.add})`;
  const pad = part.num.pad;
  if (dialect === 'postgres') return pad === undefined ? `${n}::text` : `lpad(${n}::text, ${pad}, '0')`;
  if (dialect === 'mariadb') return pad === undefined ? `CAST(${n} AS CHAR)` : `LPAD(CAST(${n} AS CHAR), ${pad}, '0')`;
  return pad === undefined ? `CAST(${n} AS TEXT)` : `printf('%0${pad}d', ${n})`;
}

function sqlValue(dialect: Dialect, column: Column, i: string): string {
  switch (column.type) {
    case 'id':
      return i;
    case 'text': {
      const parts = column.parts.map((part) => sqlPart(dialect, part, i));
      if (parts.length === 1) return parts[0] as string;
      return dialect === 'sqlite' ? parts.join(' || ') : `concat(${parts.join(', ')})`;
    }
    case 'int':
      return `(((${i} * ${column.m}) % ${column.mod}) + ${column.add ?? 0})`;
    case 'decimal': {
      const v = `((((${i} * ${column.m}) % ${column.mod}) + ${column.add ?? 0}) / 100.0)`;
      return dialect === 'sqlite' ? `round(${v}, 2)` : v;
    }
    case 'timestamp': {
      const s = `((${i} * ${column.m}) % ${column.seconds})`;
      if (dialect === 'postgres') return `(timestamp '${column.from}' + ${s} * interval '1 second')`;
      if (dialect === 'mariadb') return `TIMESTAMPADD(SECOND, ${s}, '${column.from}')`;
      return `datetime('${column.from}', '+' || ${s} || ' seconds')`;
    }
    case 'date': {
      const d = `((${i} * ${column.m}) % ${column.days})`;
      if (dialect === 'postgres') return `(date '${column.from}' + ${d}::int)`;
      if (dialect === 'mariadb') return `DATE_ADD('${column.from}', INTERVAL ${d} DAY)`;
      return `date('${column.from}', '+' || ${d} || ' days')`;
    }
  }
}

/** INSERT … SELECT of rows `from`…`to` (inclusive), generated by the server. */
export function insertRowsSql(dialect: Dialect, table: string, s: TableShape, from: number, to: number): string {
  const t = quoteIdent(dialect, table);
  const cols = s.columns.map((c) => quoteIdent(dialect, c.name)).join(', ');
  if (dialect === 'postgres') {
    const values = s.columns.map((c) => sqlValue(dialect, c, 'i')).join(', ');
    return `INSERT INTO ${t} (${cols}) SELECT ${values} FROM generate_series(${from}::bigint, ${to}::bigint) AS g(i)`;
  }
  if (dialect === 'mariadb') {
    // The SEQUENCE engine's seq_<from>_to_<to> tables generate the row numbers.
    const values = s.columns.map((c) => sqlValue(dialect, c, 'seq')).join(', ');
    return `INSERT INTO ${t} (${cols}) SELECT ${values} FROM seq_${from}_to_${to}`;
  }
  const values = s.columns.map((c) => sqlValue(dialect, c, 'i')).join(', ');
  return `INSERT INTO ${t} (${cols}) WITH RECURSIVE g(i) AS (SELECT ${from} UNION ALL SELECT i + 1 FROM g WHERE i < ${to}) SELECT ${values} FROM g`;
}
