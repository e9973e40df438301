import type { Gap } from '../policy/gaps.js';
import type { Inventory } from '../types.js';

/** A short, readable summary for the terminal: what holds personal data, where, and what failed. */
export function renderSummary(inventory: Inventory, options: { color?: boolean } = {}): string {
  const bold = (s: string) => (options.color ? `\u001b[1m${s}\u001b[22m` : s);
  const dim = (s: string) => (options.color ? `\u001b[2m${s}\u001b[22m` : s);
  const lines: string[] = [];
  const personal = inventory.fields.filter((f) => f.personal);
  const containers = inventory.containers.filter((c) => c.personalFields > 0);
  lines.push(
    bold(
      `pdmap: ${personal.length} personal-data fields in ${containers.length} of ${inventory.containers.length} tables/files, ` +
        `${inventory.sources.length} source${inventory.sources.length === 1 ? '' : 's'}` +
        (inventory.errors.length ? `, ${inventory.errors.length} error${inventory.errors.length === 1 ? '' : 's'}` : ''),
    ),
  );
  if (inventory.partial) lines.push(bold('  The scan was interrupted: this report is partial; tables and files not reached are missing.'));
  let current = '';
  for (const f of personal) {
    const where = `${f.location.source}  ${f.location.container}`;
    if (where !== current) {
      lines.push('', `  ${where}`);
      current = where;
    }
    const cats = f.categories.map((c) => `${c.category} ${c.confidence.toFixed(2)}`).join(', ');
    const ev = f.categories[0]?.evidence;
    const sampleNote = ev ? dim(` (${ev.matched}/${ev.sampled} values${ev.name ? `, name "${ev.name.pattern}"` : ''})`) : '';
    lines.push(`    ${f.location.field.padEnd(28)} ${cats}${sampleNote}`);
  }
  if (inventory.errors.length) {
    lines.push('', bold(inventory.partial ? '  Errors:' : '  Errors (the rest of the scan went on):'));
    for (const e of inventory.errors) lines.push(`    ${e.source}${e.container ? ` ${e.container}` : ''} [${e.code}] ${e.message}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The gaps in a few lines: what the DPO should look at first; the reports have the details. */
export function renderGapsSummary(gaps: readonly Gap[], options: { color?: boolean } = {}): string {
  const bold = (s: string) => (options.color ? `\u001b[1m${s}\u001b[22m` : s);
  const shown = gaps.filter((g) => g.severity !== 'info');
  if (shown.length === 0) return '\nNo gaps between the data found and the policy.\n';
  const lines = ['', bold(`Gaps between the data and the policy (${shown.length}):`)];
  for (const g of shown.slice(0, 12)) {
    const where = g.locations.slice(0, 3).map((l) => `${l.container}${l.field === undefined ? '' : `.${l.field}`}`);
    const more = g.locations.length > 3 ? ` +${g.locations.length - 3} more` : '';
    // A gap in the policy itself (a transfer's safeguard) has no table: name its purposes instead.
    const what = where.length > 0 ? `${where.join(', ')}${more}` : g.purposes.length > 0 ? `purpose ${g.purposes.join(', ')}` : '';
    lines.push(`  [${g.severity}] ${g.title}${what ? `: ${what}` : ''}`);
  }
  if (shown.length > 12) lines.push(`  … and ${shown.length - 12} more in the reports`);
  return `${lines.join('\n')}\n`;
}
