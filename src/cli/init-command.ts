import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { seedPolicyText } from '../policy/load.js';
import { writeFileAtomic } from '../reporters/write.js';
import { EXIT } from './exit-codes.js';
import type { CliIO } from './main.js';

/** The config `pdmap init` writes: every key commented, sources left for the user to fill in. */
export const CONFIG_TEMPLATE = `# pdmap configuration (docs/configuration.md). Run \`pdmap scan\` in this folder to use it.

# What to scan: database URLs, SQLite files, folders or globs of CSV/TSV/JSON/NDJSON/log files.
# Keep secrets out of this file: \${VAR} reads an environment variable when the config is loaded.
sources: []
#  - postgres://pdmap_reader:\${PGPASSWORD}@db.internal:5432/crm
#  - mysql://pdmap_reader:\${MYSQL_PASSWORD}@db.internal:3306/shop
#  - sqlite:./app.db
#  - ./exports

sample:
  size: 1000          # non-empty values sampled per field
  full: false         # true reads every row (slow on large stores)

detectors:
  country: DK         # default country for phone numbers and postal codes
  minConfidence: 0.5  # report categories at or above this confidence

# The policy: purposes 1–8, retention, and which tables serve which purpose (docs/policy.md).
policy: pdmap.policy.yaml

output:
  dir: pdmap-report
  formats: [json, html, xlsx, csv, md]

# Findings that make \`pdmap scan\` exit 1 in CI (docs/configuration.md, "Fail-on rules").
failOn: []
#  - plaintext-password
#  - retention-overdue
#  - unlinked
`;

export const INIT_FILES = { config: 'pdmap.config.yaml', policy: 'pdmap.policy.yaml' } as const;

/**
 * `pdmap init`: writes pdmap.config.yaml and pdmap.policy.yaml (a copy of the default policy to
 * edit). Writes nothing if either exists, unless --force.
 */
export async function runInit(dir: string | undefined, opts: { force?: boolean; quiet?: boolean }, io: CliIO): Promise<number> {
  const folder = resolve(dir ?? '.');
  const files = [
    { path: join(folder, INIT_FILES.config), text: CONFIG_TEMPLATE },
    { path: join(folder, INIT_FILES.policy), text: seedPolicyText() },
  ];
  const existing = files.filter((f) => existsSync(f.path));
  if (existing.length > 0 && opts.force !== true) {
    io.stderr(`pdmap: ${existing.map((f) => f.path).join(' and ')} already exist${existing.length === 1 ? 's' : ''}; nothing written (use --force to overwrite)\n`);
    return EXIT.usage;
  }
  for (const f of files) await writeFileAtomic(f.path, f.text);
  if (!opts.quiet) {
    io.stdout(
      `Wrote ${files.map((f) => f.path).join(' and ')}.\n` +
        'Next: add your sources to pdmap.config.yaml, put your company\'s name and contacts in pdmap.policy.yaml,\n' +
        'declare which tables serve which purpose under `links:`, then run `pdmap scan`.\n',
    );
  }
  return EXIT.ok;
}
