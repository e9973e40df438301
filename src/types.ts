/**
 * The plain values that flow through pdmap, from a connector to a report.
 * A reader can follow one column: Container/FieldInfo (where) ─► sampled values ─►
 * Evidence (counts, never raw values) ─► CategoryVerdict ─► FieldVerdict ─► Inventory.
 */

/** Store kinds pdmap can read. */
export type SourceKind = 'postgres' | 'mysql' | 'sqlite' | 'files';

/**
 * Category ids. The built-in vocabulary is the one the labelled datasets use
 * (see docs/detectors.md); custom detectors may add their own ids.
 */
export type BuiltinCategory =
  | 'email'
  | 'phone'
  | 'fax'
  | 'address.street'
  | 'address.city'
  | 'address.postal_code'
  | 'address.region'
  | 'address.country'
  | 'person.name'
  | 'person.first_name'
  | 'person.last_name'
  | 'job_title'
  | 'company'
  | 'date_of_birth'
  | 'hire_date_or_employment'
  | 'username'
  | 'password'
  | 'payment_card'
  | 'bank_account'
  | 'national_id'
  | 'ip_address'
  | 'free_text_personal'
  | 'photo'
  | 'gender';

// `string & {}` keeps editor completion for the built-ins while allowing custom ids.
export type Category = BuiltinCategory | (string & {});

/** A table, view or file: the unit that is discovered, sampled and isolated on failure. */
export interface Container {
  /** Stable key inside its source: `schema.table` for databases, the relative path for files. */
  readonly id: string;
  readonly type: 'table' | 'view' | 'file';
  readonly database?: string;
  /** PostgreSQL schema, MySQL database, `main` for SQLite; absent for files. */
  readonly schema?: string;
  /** Table name, or file path relative to the scanned folder. */
  readonly name: string;
  /** Known up front for tables; files reveal their fields while they are read. */
  readonly fields: readonly FieldInfo[];
  /** Catalogue row-count estimate (never a COUNT(*)). */
  readonly rowEstimate?: number;
  readonly sizeBytes?: number;
  /** ISO timestamp of the last change, where the store knows it. */
  readonly modifiedAt?: string;
  /** File format, for files. */
  readonly format?: FileFormat;
  /** Anything else the connector wants to carry to `sample` (for example key columns). */
  readonly meta?: Readonly<Record<string, unknown>>;
}

export type FileFormat = 'csv' | 'tsv' | 'json' | 'ndjson' | 'text';

export interface FieldInfo {
  readonly name: string;
  /** The store's own type name (`character varying`, `int`, `TEXT`). */
  readonly dataType?: string;
  readonly nullable?: boolean;
}

/** One sampled row: field name (or JSON key path such as `customer.email`) to value. */
export type Row = Readonly<Record<string, unknown>>;

/** Where a field lives. `source` is the source's display name, never its connection string. */
export interface Location {
  readonly source: string;
  readonly sourceKind: SourceKind;
  readonly database?: string;
  readonly schema?: string;
  readonly container: string;
  readonly containerType: Container['type'];
  readonly field: string;
}

/** A field-name hint: a token pattern and how strongly it suggests a category. */
export interface NameSignal {
  /**
   * Tokens as a user would write them (`postal code`, `e-mail`, `tlf`). Matched against the
   * tokenised field name after case, separator and accent folding. A leading or trailing `*`
   * matches inside compound words: `telefon*` matches `telefonnummer`, `*mail` matches `kundemail`.
   */
  readonly pattern: string;
  /** In (0, 1] for a hint towards the category; in [-1, 0) for a counter-hint. */
  readonly weight: number;
  /** ISO 639-1 language of the word, for documentation. */
  readonly lang?: string;
  /**
   * Only counts in a container that holds data about people, or that does not, or that records
   * employment (salaries, job history, an employee's periods in a department): see docs/detectors.md.
   */
  readonly when?: 'person-context' | 'no-person-context' | 'employment-context';
}

export interface MatchContext {
  /** ISO 3166-1 alpha-2 country used for national formats (phones, postal codes). */
  readonly defaultCountry: string;
}

/**
 * A detector: a plain object with no state between calls.
 * Value evidence (`match`) and name evidence (`names`) are combined by the classifier.
 */
export interface Detector {
  readonly id: string;
  readonly category: Category;
  /** One line for docs and reports. */
  readonly description?: string;
  readonly names?: readonly NameSignal[];
  /**
   * Value test on a non-empty string value. Must run in linear time. `true` (or 1) is a full
   * match; a number in (0, 1) is partial evidence (a bare `22334455` may be a phone or an id).
   */
  readonly match?: (value: string, ctx: MatchContext) => boolean | number;
  /** Test for binary values (receives at most the first 64 bytes). */
  readonly matchBinary?: (head: Uint8Array) => boolean;
  /**
   * How much a column where every value matches proves the category without any name hint,
   * in [0, 1]. An e-mail address proves a lot (0.95); a 4-digit number proves little (0.2).
   */
  readonly valueWeight?: number;
  /** Never report on values alone: a name signal is needed too. */
  readonly requiresName?: boolean;
  /** Never report on the name alone: some values must match too. */
  readonly requiresValues?: boolean;
}

/** Why a category was given to a field: counts and masked examples, never raw values. */
export interface Evidence {
  /** Non-empty values looked at. */
  readonly sampled: number;
  /** Values the detector accepted, fully or partly. */
  readonly matched: number;
  /** The field-name signal that fired, if any. */
  readonly name?: { readonly pattern: string; readonly weight: number };
  /** Masked examples of matched values (`j***@***.dk`); raw only with `revealValues`. */
  readonly examples: readonly string[];
}

export interface CategoryVerdict {
  readonly category: Category;
  readonly detector: string;
  /** In [0, 1]. */
  readonly confidence: number;
  readonly evidence: Evidence;
  /** One sentence a DPO can read. */
  readonly reason: string;
}

export interface FieldVerdict {
  readonly location: Location;
  readonly dataType?: string;
  /** Rows looked at for this field, including empty values. */
  readonly rowsSampled: number;
  /** Non-empty values looked at. */
  readonly valuesSampled: number;
  /** Categories at or above the reporting threshold, most confident first. */
  readonly categories: readonly CategoryVerdict[];
  /** The most confident category, if any. */
  readonly category?: Category;
  readonly confidence: number;
  readonly personal: boolean;
}

export type ScanErrorCode =
  | 'connect'
  | 'permission'
  | 'timeout'
  | 'encoding'
  | 'parse'
  | 'not-found'
  | 'aborted'
  | 'unknown';

/** A store or container that could not be read. The scan reports it and goes on. */
export interface ScanError {
  readonly source: string;
  readonly sourceKind?: SourceKind;
  /** Container id, absent when the whole source failed. */
  readonly container?: string;
  readonly code: ScanErrorCode;
  /** One line: what failed, where, and how to fix it. Credentials are redacted. */
  readonly message: string;
}

export interface ContainerSummary {
  readonly source: string;
  readonly id: string;
  readonly type: Container['type'];
  readonly database?: string;
  readonly schema?: string;
  readonly name: string;
  readonly rowEstimate?: number;
  readonly sizeBytes?: number;
  readonly modifiedAt?: string;
  readonly rowsSampled: number;
  readonly fields: number;
  readonly personalFields: number;
  readonly status: 'scanned' | 'error' | 'skipped' | 'cached';
  /** The container looks like it holds data about people (see docs/detectors.md). */
  readonly personContext: boolean;
}

export interface SourceSummary {
  readonly name: string;
  readonly kind: SourceKind;
  /** Connection target with credentials removed. */
  readonly target: string;
  readonly containers: number;
  readonly status: 'scanned' | 'error';
}

/** The result of a scan. Its JSON form is documented in docs/inventory-schema.md. */
export interface Inventory {
  readonly schemaVersion: '1.0';
  readonly tool: { readonly name: 'pdmap'; readonly version: string };
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly partial: boolean;
  readonly settings: {
    readonly sampleSize: number | 'full';
    readonly minConfidence: number;
    readonly defaultCountry: string;
    readonly detectors: readonly string[];
    /** `2/8` when this inventory is one shard of a sharded scan (see `pdmap merge`). */
    readonly shard?: string;
  };
  readonly sources: readonly SourceSummary[];
  readonly containers: readonly ContainerSummary[];
  /** Every scanned field; `personal` tells which hold personal data. */
  readonly fields: readonly FieldVerdict[];
  readonly errors: readonly ScanError[];
}
