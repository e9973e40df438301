import { countText } from '../policy/gaps.js';
import type { ProcessingRecord } from '../policy/record.js';

/**
 * A short Markdown summary (summary.md) for pull requests and CI job summaries: the counts, the
 * most serious gaps, and where each purpose's personal data lives. The full record is in the
 * HTML, XLSX and JSON reports.
 */

/** Escapes text for a Markdown table cell or paragraph: no markup, no HTML, no broken tables. */
export function mdText(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~]/g, (ch) => `\\${ch}`);
}

const MAX_GAPS = 10;
const MAX_LOCATIONS = 6;

export function renderMarkdown(record: ProcessingRecord): string {
  const s = record.summary;
  const out: string[] = [];
  out.push(`## pdmap: record of processing for ${mdText(record.controller.name)}`, '');
  out.push(
    `**${s.personalFields}** personal-data fields in **${s.containersWithPersonalData}** of ${s.containers} tables and files ` +
      `(${s.sources} source${s.sources === 1 ? '' : 's'}); ${s.purposesWithData} of ${s.purposes} purposes have data. ` +
      `Links: ${s.fieldsDeclared} declared, ${s.fieldsSuggested} suggested, ${s.fieldsUnlinked} none.`,
    '',
  );
  out.push(
    `**Gaps:** ${s.gaps.high} high, ${s.gaps.medium} medium, ${s.gaps.low} low, ${s.gaps.info} information` +
      (s.retention.overdueRows > 0 ? ` · ${s.retention.overdueRows} rows past their retention period` : '') +
      (s.errors > 0 ? ` · ${s.errors} scan error${s.errors === 1 ? '' : 's'}` : '') +
      (s.partial ? ' · **partial scan**' : ''),
    '',
  );

  const serious = record.gaps.filter((g) => g.severity !== 'info');
  if (serious.length > 0) {
    out.push('### Top gaps', '', '| Severity | Gap | Where | Count |', '| --- | --- | --- | ---: |');
    for (const g of serious.slice(0, MAX_GAPS)) {
      const where = g.locations.slice(0, 3).map((l) => mdText(l.key));
      const more = g.locations.length > 3 ? ` and ${g.locations.length - 3} more` : '';
      out.push(`| ${g.severity} | ${mdText(g.title)} | ${where.join(', ') || '—'}${more} | ${countText(g.count, g.unit)} |`);
    }
    if (serious.length > MAX_GAPS) out.push('', `…and ${serious.length - MAX_GAPS} more in the full report.`);
    out.push('');
  }

  out.push('### Personal data per purpose', '', '| Purpose | Legal basis | Tables and files (personal fields) | Link |', '| --- | --- | --- | --- |');
  for (const p of record.purposes) {
    const locs = p.locations.slice(0, MAX_LOCATIONS).map((l) => `${mdText(l.container)} (${l.fields})`);
    const more = p.locations.length > MAX_LOCATIONS ? `, and ${p.locations.length - MAX_LOCATIONS} more` : '';
    const declared = p.locations.filter((l) => l.link === 'declared').length;
    const link = p.locations.length === 0 ? '—' : declared === p.locations.length ? 'declared' : declared === 0 ? 'suggested' : `${declared} declared`;
    out.push(
      `| ${p.id}. ${mdText(p.name)} | ${p.legalBasis.map((b) => `6(1)(${b.code})`).join(', ')} | ${locs.join(', ') || 'none found'}${more} | ${link} |`,
    );
  }
  const unlinked = record.dataMap.filter((e) => e.purposes.length === 0);
  if (unlinked.length > 0) {
    const containers = [...new Set(unlinked.map((e) => e.location.container))];
    out.push(`| No purpose | — | ${containers.slice(0, MAX_LOCATIONS).map(mdText).join(', ')}${containers.length > MAX_LOCATIONS ? ', …' : ''} | — |`);
  }
  out.push('', `<sub>pdmap ${mdText(record.tool.version)} · policy ${mdText(record.policy.title)}${record.policy.version ? ` ${mdText(record.policy.version)}` : ''} · ${mdText(record.generatedAt)}. Examples are masked; see report.html for the full record.</sub>`, '');
  return out.join('\n');
}
